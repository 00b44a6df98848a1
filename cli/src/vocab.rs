//! The library's vocabularies as command-line values: the valid names come
//! from each enum's `ALL` and `as_str()`, so `--help` and the errors list
//! exactly what the library accepts.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use vianet_privacy::wire::WireErrorKind;
use vianet_privacy::{
    Action, Advisory, Authorization, Circumstance, ClauseId, DataElement, DenyKind, Language, Location, Objection,
    Obligation, OnlineService, Party, Purpose, Reason, Section, StatementVersion, UnknownName,
};

use crate::messages::{self, Msg};

/// A vocabulary enum of the library.
pub trait Vocab: Copy + Clone + Send + Sync + 'static + std::str::FromStr<Err = UnknownName> {
    /// Every value, in the statement's order.
    fn all() -> &'static [Self];
    /// The wire name.
    fn name(self) -> &'static str;
    /// The label in a language.
    fn label(self, language: Language) -> &'static str;
}

macro_rules! vocab {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl Vocab for $ty {
                fn all() -> &'static [Self] {
                    <$ty>::ALL
                }
                fn name(self) -> &'static str {
                    self.as_str()
                }
                fn label(self, language: Language) -> &'static str {
                    <$ty>::label(self, language)
                }
            }
        )+
    };
}

vocab!(
    OnlineService,
    Party,
    Action,
    DataElement,
    Purpose,
    Location,
    Authorization,
    Circumstance,
    Objection,
    ClauseId,
    Section,
    Reason,
    DenyKind,
    Obligation,
    Advisory,
    StatementVersion,
    WireErrorKind,
);

/// A clap parser that accepts exactly the wire names of `T`, each shown
/// with its label in the help's language.
pub fn parser<T: Vocab>() -> impl TypedValueParser<Value = T> {
    let language = messages::help_language();
    PossibleValuesParser::new(
        T::all()
            .iter()
            .map(move |value| PossibleValue::new(value.name()).help(value.label(language))),
    )
    .try_map(|name| name.parse::<T>())
}

/// The parser of `--lang`.
pub fn language_parser() -> impl TypedValueParser<Value = Language> {
    PossibleValuesParser::new(
        Language::ALL
            .iter()
            .map(|language| PossibleValue::new(language.as_str())),
    )
    .try_map(|tag| tag.parse::<Language>())
}

/// The help of an option whose values are a vocabulary: in Chinese, where
/// clap's English `[possible values: …]` is hidden, the help lists the
/// values with their Chinese labels.
pub fn help<T: Vocab>(key: &str) -> String {
    let text = messages::help(key);
    if !messages::hide_annotations() {
        return text.to_owned();
    }
    let mut out = format!("{text}\n{}", messages::text(Language::ZhCn, Msg::HelpPossibleValues));
    for value in T::all() {
        out.push_str(&format!("\n  {}：{}", value.name(), value.label(Language::ZhCn)));
    }
    out
}

/// The help of an option with a short list of plain values.
pub fn help_values(key: &str, values: &[&str]) -> String {
    let text = messages::help(key);
    if !messages::hide_annotations() {
        return text.to_owned();
    }
    format!(
        "{text}\n{}{}",
        messages::text(Language::ZhCn, Msg::HelpPossibleValues),
        values.join("、")
    )
}

/// Which request (or decision) field a list of valid names belongs to,
/// when an error gives the names but not the field.
pub fn field_of_names(expected: &[String]) -> Option<&'static str> {
    fn is<T: Vocab>(expected: &[String]) -> bool {
        T::all().len() == expected.len() && T::all().iter().zip(expected).all(|(value, name)| value.name() == name)
    }
    /// A field and whether a list of names is its vocabulary.
    type Field = (&'static str, fn(&[String]) -> bool);
    let fields: [Field; 15] = [
        ("service", is::<OnlineService>),
        ("party", is::<Party>),
        ("action", is::<Action>),
        ("data", is::<DataElement>),
        ("purpose", is::<Purpose>),
        ("location", is::<Location>),
        ("authorizations", is::<Authorization>),
        ("circumstance", is::<Circumstance>),
        ("objections", is::<Objection>),
        ("decision.clause", is::<ClauseId>),
        ("decision.kind", is::<DenyKind>),
        ("decision.reason", is::<Reason>),
        ("decision.obligations", is::<Obligation>),
        ("decision.advisories", is::<Advisory>),
        ("statement_version", is::<StatementVersion>),
    ];
    fields
        .iter()
        .find(|(_, matches)| matches(expected))
        .map(|(field, _)| *field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_valid_names_names_its_field() {
        let parties: Vec<String> = Party::ALL.iter().map(|party| party.as_str().to_owned()).collect();
        assert_eq!(field_of_names(&parties), Some("party"));
        assert_eq!(field_of_names(&["a".to_owned()]), None);
    }
}
