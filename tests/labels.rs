//! Every term the crate can show a person has an English and a Simplified
//! Chinese text: reasons, obligations, advisories, clause titles, section
//! headings and every other vocabulary, and the explanations built from
//! them.

use vianet_privacy::*;

/// Pinyin tone marks: the source text of the statement carries pinyin
/// noise such as "(shàng)"; none of it may leak into the Chinese texts.
const TONE_MARKS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛńňǹḿ";

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// Checks one term's two texts; returns a description of what is wrong.
fn check(vocabulary: &str, name: &str, en: &str, zh: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    if en.trim().is_empty() {
        wrong.push(format!("{vocabulary} `{name}`: empty English text"));
    }
    if en.chars().any(is_cjk) {
        wrong.push(format!(
            "{vocabulary} `{name}`: Chinese characters in the English text {en:?}"
        ));
    }
    if zh.trim().is_empty() {
        wrong.push(format!("{vocabulary} `{name}`: empty Chinese text"));
    }
    if !zh.chars().any(is_cjk) {
        wrong.push(format!(
            "{vocabulary} `{name}`: no Chinese characters in the Chinese text {zh:?}"
        ));
    }
    if let Some(mark) = zh.chars().find(|c| TONE_MARKS.contains(*c)) {
        wrong.push(format!("{vocabulary} `{name}`: pinyin tone mark {mark:?} in {zh:?}"));
    }
    wrong
}

/// Calls `$then!` with the arguments given and then every vocabulary of
/// the crate (the one list of them the tests of this file use).
macro_rules! vocabularies {
    ($then:ident $(, $arg:ident)*) => {
        $then!(
            $($arg,)*
            OnlineService,
            Party,
            Action,
            DataElement,
            DataCategory,
            Purpose,
            Location,
            Authorization,
            Circumstance,
            Objection,
            Reason,
            DenyKind,
            Obligation,
            Advisory,
            ClauseId,
            Section,
            StatementVersion,
        )
    };
}

macro_rules! check_all {
    ($wrong:ident, $count:ident, $($ty:ty),+ $(,)?) => {$(
        for value in <$ty>::ALL {
            $count += 1;
            $wrong.extend(check(
                stringify!($ty),
                value.as_str(),
                value.label(Language::En),
                value.label(Language::ZhCn),
            ));
        }
    )+};
}

#[test]
fn every_term_has_english_and_clean_simplified_chinese() {
    let mut wrong = Vec::new();
    let mut count = 0usize;
    vocabularies!(check_all, wrong, count);
    #[cfg(feature = "json")]
    check_all!(wrong, count, vianet_privacy::wire::WireErrorKind);
    // Reasons also render through `text`.
    for reason in Reason::ALL {
        wrong.extend(check(
            "Reason::text",
            reason.as_str(),
            reason.text(Language::En),
            reason.text(Language::ZhCn),
        ));
    }
    assert!(count > 200, "only {count} terms were checked");
    assert!(wrong.is_empty(), "{} problems:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn the_checker_catches_pinyin_missing_chinese_and_empty_texts() {
    assert!(!check("t", "n", "up", "上(shàng)").is_empty());
    assert!(!check("t", "n", "Azure", "Microsoft Azure").is_empty());
    assert!(!check("t", "n", "", "上").is_empty());
    assert!(!check("t", "n", "up", "").is_empty());
    assert!(check("t", "n", "up", "上").is_empty());
}

/// Every explanation of every decision the engine can give over a broad
/// sweep of requests reads cleanly in Chinese and differs from English.
#[test]
fn explanations_render_in_both_languages() {
    let mut seen = 0;
    for &party in Party::ALL {
        for &action in Action::ALL {
            for &data in DataElement::ALL {
                for &purpose in Purpose::ALL.iter().step_by(3) {
                    let request = Request::new(
                        OnlineService::Azure,
                        party,
                        action,
                        data,
                        purpose,
                        Location::UnitedStates,
                    );
                    let Ok(decision) = decide(&request) else { continue };
                    let en = decision.explain(Language::En).to_string();
                    let zh = decision.explain(Language::ZhCn).to_string();
                    assert!(
                        check("explanation", decision.clause().as_str(), &en, &zh).is_empty(),
                        "{zh}"
                    );
                    assert_ne!(en, zh);
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 1000);
}

/// Every name reads back as its value, in every vocabulary, and nothing
/// else does: a name one byte longer, shorter or different, or in capitals,
/// is refused (unless it is another value's name), with the valid names
/// listed.
#[test]
fn every_name_reads_back_and_near_names_are_refused() {
    fn check<T: Copy + PartialEq + core::fmt::Debug + core::str::FromStr<Err = UnknownName>>(
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) -> usize {
        let names: Vec<&str> = all.iter().map(|value| name(*value)).collect();
        for value in all {
            assert_eq!(name(*value).parse::<T>().ok(), Some(*value), "{}", name(*value));
        }
        let mut refused = 0;
        for value in all {
            let wire = name(*value);
            let mut near = vec![
                format!("{wire}x"),
                wire[..wire.len() - 1].to_owned(),
                wire.to_uppercase(),
            ];
            near.push(format!(
                "{}{}",
                &wire[..wire.len() - 1],
                if wire.ends_with('a') { 'b' } else { 'a' }
            ));
            near.push(String::new());
            for other in near {
                if names.contains(&other.as_str()) {
                    continue;
                }
                let err = other.parse::<T>().expect_err(&other);
                assert_eq!(err.given(), other);
                assert_eq!(err.valid(), names.as_slice());
                refused += 1;
            }
        }
        refused
    }
    macro_rules! refused_in {
        ($($ty:ty),+ $(,)?) => {
            0 $(+ check(<$ty>::ALL, <$ty>::as_str))+
        };
    }
    let refused = vocabularies!(refused_in);
    assert!(refused > 1000, "only {refused} near names were tried");
}
