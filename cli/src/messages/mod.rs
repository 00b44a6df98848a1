//! Everything the tool says in its own words, one catalog per language:
//! [`en`] and [`zh_cn`], keyed by [`Msg`] (sentences) and by name (the
//! help of each command and option).
//!
//! The library translates the vocabulary (`label(Language)`) and the
//! decisions (`Decision::explain`); what remains is here. A catalog is a
//! `match` on every key, so a key missing from one language does not
//! compile; the tests check that no Chinese message is left in English and
//! that both catalogs have the same help keys and placeholders.

use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};

use vianet_privacy::Language;

mod en;
mod zh_cn;

/// Declares the message keys and their list.
macro_rules! keys {
    ($($(#[$attr:meta])* $key:ident),+ $(,)?) => {
        /// A sentence of the tool, by key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $(
                #[allow(missing_docs)]
                $(#[$attr])*
                $key,
            )+
        }

        impl Msg {
            /// Every key.
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];
        }
    };
}

keys! {
    // Errors: where and what to do.
    ErrorHead,
    ErrorWhere,
    ErrorField,
    ErrorLineColumn,
    ErrorColumn,
    DidYouMean,
    CannotRead,
    CannotWrite,
    StandardInput,
    NotUtf8Line,
    BadTime,
    BadDate,
    EventsFormatUnknown,
    IoNotFound,
    IoPermissionDenied,
    IoIsADirectory,
    IoOther,
    // The library's error kinds, with the name they are about.
    WireUnknownField,
    WireUnknownValue,
    WireMissingField,
    WireDuplicateField,
    WireDuplicateValue,
    WireInvalidValue,
    WireSyntax,
    WireUnsupportedFormat,
    WireContradictory,
    RequestBeforeStatement,
    RequestMissingTime,
    RequestAccountClosedAfter,
    RequestRetentionBeforeClosing,
    RequestBirthDateAfter,
    RequestOther,
    // Command-line errors (clap's, rendered in Chinese).
    ClapInvalidValue,
    ClapUnknownArgument,
    ClapInvalidSubcommand,
    ClapMissingRequired,
    ClapConflict,
    ClapWrongValues,
    ClapMissingSubcommand,
    ClapInvalidUtf8,
    ClapOther,
    ClapPossibleValues,
    ClapUsage,
    ClapMoreInformation,
    // Help layout.
    HelpOptionsHeading,
    HelpArgumentsHeading,
    HelpCommandsHeading,
    HelpPossibleValues,
    HelpDefault,
    // check
    CheckUnder,
    CheckNeedsRequest,
    // clauses
    ClausesTitle,
    ClausesPassageNote,
    // serve
    ServeListening,
    ServeNotLoopback,
    ServeFailed,
    ServeStopped,
    // audit: standard error
    AuditSampleUsed,
    AuditReadAtLine,
    // Said only by the Parquet and SQL audits (features `parquet`, `sql`);
    // in both catalogs whatever the build.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    AuditColumnsUnfit,
    #[cfg_attr(not(feature = "sql"), allow(dead_code))]
    AuditSqlNeedsLog,
    #[cfg_attr(not(feature = "sql"), allow(dead_code))]
    AuditSqlFormat,
    #[cfg_attr(not(feature = "sql"), allow(dead_code))]
    AuditSqlFailed,
    AuditDone,
    AuditEta,
    AuditEventsWritten,
    AuditHtmlWritten,
    // audit: the report
    AuditTitle,
    AuditSourceSample,
    AuditSourceStdin,
    AuditLines,
    AuditTimeRange,
    AuditNoEvents,
    AuditPerDay,
    AuditDayRow,
    AuditPerClause,
    AuditClauseRow,
    AuditDenials,
    AuditMissing,
    AuditObligations,
    AuditProblems,
    AuditProblemLine,
    AuditMore,
    AuditDisagreements,
    AuditDisagreementLine,
    AuditNoRecorded,
    AuditRecordedAgree,
    AuditAllowNowDeny,
    AuditDenyNowAllow,
    AuditChanged,
    AuditRecorded,
    AuditDecidedToday,
    AuditVerdictFailed,
    AuditVerdictStrictFailed,
    AuditVerdictPassed,
    // audit: the HTML report
    HtmlTitle,
    HtmlLines,
    HtmlDecided,
    HtmlAllowed,
    HtmlDenied,
    HtmlRejected,
    HtmlBlank,
    HtmlDisagreements,
    HtmlOutcomesOverTime,
    HtmlOutcomesNote,
    HtmlDayTip,
    HtmlDeniesByClause,
    HtmlDeniesByClauseNote,
    HtmlDeniesByReason,
    HtmlDeniesByReasonNote,
    HtmlDisagreementsChart,
    HtmlDisagreementsNote,
    HtmlNothingToDraw,
    HtmlNoDenials,
    HtmlNone,
    HtmlDenialsTable,
    HtmlKind,
    HtmlClause,
    HtmlReason,
    HtmlCount,
    HtmlDate,
    HtmlTime,
    HtmlChange,
    HtmlLine,
    HtmlProblem,
    HtmlAuthorization,
    HtmlObligation,
    HtmlSection,
    HtmlFooter,
}

/// The text of a message in a language.
pub fn text(language: Language, msg: Msg) -> &'static str {
    match language {
        Language::En => en::text(msg),
        Language::ZhCn => zh_cn::text(msg),
    }
}

/// A message with its `{name}` placeholders filled in.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The tool's sentences in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Language);

impl Tr {
    /// A message.
    pub fn t(self, msg: Msg) -> &'static str {
        text(self.0, msg)
    }

    /// A message with its placeholders filled in.
    pub fn f(self, msg: Msg, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(msg), args)
    }

    /// Whether the language is Chinese.
    pub fn zh(self) -> bool {
        self.0 == Language::ZhCn
    }
}

// ------------------------------------------------------------ command help

/// Whether the command line asked for Chinese: read before the command is
/// built, so that its help and its errors are in the language asked for.
static CHINESE: AtomicBool = AtomicBool::new(false);

/// Sets the language of the command's help.
pub fn set_help_language(language: Language) {
    CHINESE.store(language == Language::ZhCn, Ordering::Relaxed);
}

/// The language of the command's help.
pub fn help_language() -> Language {
    if CHINESE.load(Ordering::Relaxed) {
        Language::ZhCn
    } else {
        Language::En
    }
}

/// The help of a command or option, by its key (`check.party`).
pub fn help(key: &str) -> &'static str {
    let catalog = match help_language() {
        Language::En => en::HELP,
        Language::ZhCn => zh_cn::HELP,
    };
    catalog
        .iter()
        .find(|(name, _)| *name == key)
        .map_or("", |(_, text)| *text)
}

/// The help of an option with a default value, saying the default (clap's
/// own `[default: …]` is English).
pub fn help_with_default(key: &str, default: &str) -> String {
    let language = help_language();
    format!(
        "{} {}",
        help(key),
        fill(text(language, Msg::HelpDefault), &[("value", &default)])
    )
}

/// Whether clap's English annotations (`[possible values: …]`,
/// `[default: …]`) are hidden because the help is in Chinese, where the help
/// texts carry them.
pub fn hide_annotations() -> bool {
    help_language() == Language::ZhCn
}

/// The help layout: clap's default in English; in Chinese, the same with
/// a translated usage heading.
pub fn help_template() -> Option<&'static str> {
    match help_language() {
        Language::En => None,
        Language::ZhCn => Some("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}"),
    }
}

/// The usage line of a command: clap's own in English; in Chinese, with
/// the placeholders translated.
pub fn usage(command: &str) -> Option<&'static str> {
    match help_language() {
        Language::En => None,
        Language::ZhCn => zh_cn::USAGE
            .iter()
            .find(|(name, _)| *name == command)
            .map(|(_, usage)| *usage),
    }
}

/// The heading of options (clap's default in English).
pub fn options_heading() -> Option<&'static str> {
    translated_heading(Msg::HelpOptionsHeading)
}

/// The heading of positional arguments (clap's default in English).
pub fn arguments_heading() -> Option<&'static str> {
    translated_heading(Msg::HelpArgumentsHeading)
}

/// The heading of subcommands (clap's default in English).
pub fn commands_heading() -> Option<&'static str> {
    translated_heading(Msg::HelpCommandsHeading)
}

fn translated_heading(msg: Msg) -> Option<&'static str> {
    match help_language() {
        Language::En => None,
        Language::ZhCn => Some(zh_cn::text(msg)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run of three or more consecutive ASCII words: an English sentence.
    fn english_sentence(text: &str) -> Option<String> {
        let mut run: Vec<&str> = Vec::new();
        for token in text.split(|c: char| c.is_whitespace() || c == '，' || c == '。' || c == '：') {
            let word = token.trim_matches(|c: char| ",.;:!?()[]\"'".contains(c));
            if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic()) {
                run.push(word);
                if run.len() >= 3 {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
        None
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_message_is_in_both_catalogs_and_none_is_left_in_english() {
        for &msg in Msg::ALL {
            let (en, zh) = (en::text(msg), zh_cn::text(msg));
            assert!(!en.is_empty() && !zh.is_empty(), "{msg:?} is empty");
            assert_ne!(en, zh, "{msg:?} is not translated");
            assert!(has_chinese(zh), "{msg:?} has no Chinese: {zh}");
            assert_eq!(english_sentence(zh), None, "{msg:?} is English: {zh}");
            assert_eq!(placeholders(en), placeholders(zh), "{msg:?} placeholders differ");
        }
    }

    #[test]
    fn both_help_catalogs_have_the_same_keys_and_no_chinese_help_is_english() {
        let keys = |catalog: &[(&str, &str)]| {
            let mut keys: Vec<String> = catalog.iter().map(|(key, _)| (*key).to_owned()).collect();
            keys.sort();
            keys
        };
        assert_eq!(keys(en::HELP), keys(zh_cn::HELP));
        let mut seen = std::collections::BTreeSet::new();
        for (key, text) in zh_cn::HELP {
            assert!(seen.insert(*key), "help key {key} is given twice");
            assert!(has_chinese(text), "help {key} has no Chinese: {text}");
            assert_eq!(english_sentence(text), None, "help {key} is English: {text}");
        }
        for (key, text) in en::HELP {
            assert!(!text.is_empty(), "help {key} is empty");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a} and {b}, {a}", &[("a", &1), ("b", &"two")]), "1 and two, 1");
    }
}
