//! What is wrong with a piece of JSON input, where, and what to do: a
//! `WireError` rendered for people, with a did-you-mean.
//!
//! Errors are classified by `WireError::kind()` (and, for a request that
//! cannot be decided, `RequestError::code()`), never by the text of a
//! message.

use serde::Serialize;
use vianet_privacy::wire::{WireError, WireErrorKind};
use vianet_privacy::Language;

use crate::messages::{Msg, Tr};
use crate::vocab;

/// A `WireError`, ready to print.
#[derive(Clone, Debug, Serialize)]
pub struct Diagnosis {
    /// The library's stable name of what is wrong.
    pub kind: WireErrorKind,
    /// What is wrong, in the chosen language.
    pub message: String,
    /// The field: the error's JSON path when the library gives one, else
    /// the field name it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The line of the input, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column of that line, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The valid name closest to the one given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The valid names, when the error lists them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<String>,
}

impl Diagnosis {
    /// Reads a `WireError`.
    pub fn of(err: &WireError, tr: Tr) -> Diagnosis {
        let field = err.path().map(str::to_owned).or_else(|| field_of(err));
        Diagnosis {
            kind: err.kind(),
            message: message(err, tr),
            field,
            line: err.line(),
            column: err.column(),
            suggestion: suggestion(err),
            expected: err.expected().to_vec(),
        }
    }

    /// A problem that is not the library's: a line that is not UTF-8.
    pub fn not_utf8(tr: Tr) -> Diagnosis {
        Diagnosis {
            kind: WireErrorKind::Syntax,
            message: tr.t(Msg::NotUtf8Line).to_owned(),
            field: None,
            line: None,
            column: None,
            suggestion: None,
            expected: Vec::new(),
        }
    }

    /// A required field that is absent (`at`, for an event of a table).
    #[cfg(feature = "parquet")]
    pub fn missing_field(name: &str, tr: Tr) -> Diagnosis {
        Diagnosis {
            kind: WireErrorKind::MissingField,
            message: tr.f(Msg::WireMissingField, &[("name", &name)]),
            field: Some(name.to_owned()),
            line: None,
            column: None,
            suggestion: None,
            expected: Vec::new(),
        }
    }

    /// A row of a table (Parquet) that holds no decidable request: its
    /// kind is the `WireErrorKind` of the same fault in JSON.
    #[cfg(feature = "parquet")]
    pub fn of_rejection(rejection: &vianet_privacy::arrow::Rejection<'_>, tr: Tr) -> Diagnosis {
        if let Some(err) = rejection.request_error {
            return Diagnosis::of(&WireError::from(err), tr);
        }
        let kind = rejection
            .kind
            .as_str()
            .parse::<WireErrorKind>()
            .unwrap_or(WireErrorKind::InvalidValue);
        let field = rejection.field.as_str();
        let message = if tr.0 == Language::En {
            rejection.to_string()
        } else {
            let msg = match kind {
                WireErrorKind::UnknownValue => Msg::WireUnknownValue,
                WireErrorKind::MissingField => Msg::WireMissingField,
                WireErrorKind::DuplicateValue => Msg::WireDuplicateValue,
                _ => Msg::WireInvalidValue,
            };
            let name = rejection.value.unwrap_or(field);
            tr.f(msg, &[("name", &name), ("kind", &kind.label(tr.0))])
        };
        let suggestion = match (kind, rejection.value) {
            (WireErrorKind::UnknownValue, Some(value)) => {
                closest(value, rejection.expected.iter().copied()).map(str::to_owned)
            }
            _ => None,
        };
        Diagnosis {
            kind,
            message,
            field: Some(field.to_owned()),
            line: None,
            column: None,
            suggestion,
            expected: rejection.expected.iter().map(|name| (*name).to_owned()).collect(),
        }
    }

    /// Where the error is, as one phrase ("field `party`, line 1, column
    /// 38"), if anything is known; `line` is left out when the caller
    /// numbers the lines itself.
    pub fn location(&self, tr: Tr, with_line: bool) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(field) = &self.field {
            parts.push(tr.f(Msg::ErrorField, &[("field", field)]));
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) if with_line => {
                parts.push(tr.f(Msg::ErrorLineColumn, &[("line", &line), ("column", &column)]));
            }
            (_, Some(column)) => parts.push(tr.f(Msg::ErrorColumn, &[("column", &column)])),
            _ => {}
        }
        if parts.is_empty() {
            return None;
        }
        Some(parts.join(if tr.zh() { "，" } else { ", " }))
    }

    /// The did-you-mean, as a sentence.
    pub fn hint(&self, tr: Tr) -> Option<String> {
        self.suggestion
            .as_ref()
            .map(|name| tr.f(Msg::DidYouMean, &[("name", name)]))
    }

    /// The whole diagnosis as lines for standard error.
    pub fn render(&self, tr: Tr) -> String {
        let mut out = tr.f(Msg::ErrorHead, &[("kind", &self.kind), ("message", &self.message)]);
        if let Some(location) = self.location(tr, true) {
            out.push('\n');
            out.push_str(&tr.f(Msg::ErrorWhere, &[("location", &location)]));
        }
        if tr.zh() && !self.expected.is_empty() {
            out.push_str("\n  ");
            out.push_str(&tr.f(Msg::ClapPossibleValues, &[("values", &self.expected.join("、"))]));
        }
        if let Some(hint) = self.hint(tr) {
            out.push_str("\n  ");
            out.push_str(&hint);
        }
        out
    }
}

/// The field an error is about, when the library names it or its list of
/// valid names tells it.
fn field_of(err: &WireError) -> Option<String> {
    match err.kind() {
        WireErrorKind::UnknownField | WireErrorKind::MissingField | WireErrorKind::DuplicateField => {
            err.name().map(str::to_owned)
        }
        WireErrorKind::UnknownValue => vocab::field_of_names(err.expected()).map(str::to_owned),
        _ => None,
    }
}

/// The valid name closest to the unknown one, when one is close enough.
pub fn closest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = given.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let mut score = strsim::normalized_damerau_levenshtein(&given, candidate);
        if given.len() >= 4 && candidate.contains(given.as_str()) {
            score = score.max(0.7);
        }
        if score >= 0.6 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
}

fn suggestion(err: &WireError) -> Option<String> {
    match err.kind() {
        WireErrorKind::UnknownValue | WireErrorKind::UnknownField => {
            let name = err.name()?;
            closest(name, err.expected().iter().map(String::as_str)).map(str::to_owned)
        }
        _ => None,
    }
}

/// The message: the library's own in English; in Chinese, built from the
/// error's kind, name and (for a request that cannot be decided) code.
fn message(err: &WireError, tr: Tr) -> String {
    if tr.0 == Language::En {
        // The position is said apart (`Diagnosis::location`), in the
        // caller's terms: the log's line, the JSON's column.
        let text = err.to_string();
        return match (err.line(), err.column()) {
            (Some(line), Some(column)) => {
                let position = format!(" (line {line}, column {column})");
                text.strip_suffix(&position).map_or(text.clone(), str::to_owned)
            }
            _ => text,
        };
    }
    let name = err.name().unwrap_or("");
    if let Some(request_error) = err.request_error() {
        let msg = match request_error.code() {
            "before_statement_in_force" => Msg::RequestBeforeStatement,
            "missing_time" => Msg::RequestMissingTime,
            "account_closed_after_decision" => Msg::RequestAccountClosedAfter,
            "retention_ends_before_closing" => Msg::RequestRetentionBeforeClosing,
            "birth_date_after_decision" => Msg::RequestBirthDateAfter,
            _ => Msg::RequestOther,
        };
        return tr.f(msg, &[("name", &name), ("kind", &err.kind().label(tr.0))]);
    }
    let msg = match err.kind() {
        WireErrorKind::UnknownField => Msg::WireUnknownField,
        WireErrorKind::UnknownValue => Msg::WireUnknownValue,
        WireErrorKind::MissingField => Msg::WireMissingField,
        WireErrorKind::DuplicateField => Msg::WireDuplicateField,
        WireErrorKind::DuplicateValue => Msg::WireDuplicateValue,
        WireErrorKind::Syntax => Msg::WireSyntax,
        WireErrorKind::UnsupportedFormat => Msg::WireUnsupportedFormat,
        WireErrorKind::Contradictory | WireErrorKind::BeforeStatementInForce => Msg::WireContradictory,
        _ => Msg::WireInvalidValue,
    };
    tr.f(msg, &[("name", &name), ("kind", &err.kind().label(tr.0))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_party_gets_a_suggestion_and_its_field() {
        let err = vianet_privacy::wire::parse_request(
            r#"{"service": "azure", "party": "suplier", "action": "access", "data": "customer_content",
                "purpose": "troubleshooting", "location": "united_states"}"#,
        )
        .unwrap_err();
        let diagnosis = Diagnosis::of(&err, Tr(Language::En));
        assert_eq!(diagnosis.suggestion.as_deref(), Some("supplier"));
        assert_eq!(diagnosis.field.as_deref(), Some("party"));
        assert!(diagnosis
            .render(Tr(Language::En))
            .contains("did you mean \"supplier\"?"));
    }

    #[test]
    fn far_names_get_no_suggestion() {
        assert_eq!(closest("regulator", ["operator", "supplier", "authority"]), None);
        assert_eq!(closest("hongkong", ["hong_kong", "macau"]), Some("hong_kong"));
        assert_eq!(closest("purpse", ["purpose", "party"]), Some("purpose"));
    }
}
