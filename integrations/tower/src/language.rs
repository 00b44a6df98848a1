//! The language of an explanation, from the request's `Accept-Language`.

use http::header::ACCEPT_LANGUAGE;
use http::HeaderMap;
use vianet_privacy::Language;

/// The language the request's `Accept-Language` header prefers among those
/// the explanations are written in: English or Simplified Chinese.
///
/// * `en` and every English range (`en-US`, `en-GB`, …) choose English.
/// * `zh`, `zh-CN`, `zh-Hans`, `zh-Hans-CN`, `zh-SG` and every other
///   Chinese range that is not Traditional choose Simplified Chinese.
/// * Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) is not
///   served: as in CLDR's fallback, it does not fall back to Simplified
///   Chinese, and the next language of the header is chosen instead.
/// * `*` stands for any language the header does not name otherwise.
/// * The higher q-value wins (a missing q is 1); `q=0` means "not this
///   one". Between equal q-values the range listed first wins.
/// * With no header, an unreadable one, or no language we serve with a
///   q-value above 0, the answer is English, the statement's complete text.
///
/// All `Accept-Language` lines of the request are read, in order, as one
/// list. The function allocates nothing.
///
/// ```
/// use http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE};
/// use vianet_privacy::Language;
/// use vianet_privacy_tower::preferred_language;
///
/// let mut headers = HeaderMap::new();
/// assert_eq!(preferred_language(&headers), Language::En);
///
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr-CH, fr;q=0.9, zh-CN;q=0.8, en;q=0.7"));
/// assert_eq!(preferred_language(&headers), Language::ZhCn);
///
/// headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("zh-TW, en;q=0.5"));
/// assert_eq!(preferred_language(&headers), Language::En);
/// ```
pub fn preferred_language(headers: &HeaderMap) -> Language {
    // The best range for each language we serve, and the best `*`.
    let mut english: Option<Preference> = None;
    let mut chinese: Option<Preference> = None;
    let mut wildcard: Option<Preference> = None;
    let mut position = 0usize;
    for value in headers.get_all(ACCEPT_LANGUAGE) {
        // A header that is not visible ASCII is not a list of language
        // ranges; skip it rather than guess.
        let Ok(text) = value.to_str() else { continue };
        for item in text.split(',') {
            position += 1;
            let Some((range, q)) = parse_item(item) else { continue };
            let preference = Preference { q, position };
            // Two ranges for the same language (`en-US;q=0.9, en;q=0.1`):
            // the better one counts.
            match Match::of(range) {
                Match::Language(Language::En) => keep_better(&mut english, preference),
                Match::Language(Language::ZhCn) => keep_better(&mut chinese, preference),
                Match::Any => keep_better(&mut wildcard, preference),
                Match::None => {}
            }
        }
    }
    let mut chosen = Language::En;
    let mut chosen_preference: Option<Preference> = None;
    for (language, named) in [(Language::En, english), (Language::ZhCn, chinese)] {
        // `*` speaks for a language only when no range names it.
        let Some(preference) = named.or(wildcard) else { continue };
        if preference.q == 0 {
            continue;
        }
        if chosen_preference.map_or(true, |seen| preference.beats(seen)) {
            chosen = language;
            chosen_preference = Some(preference);
        }
    }
    chosen
}

/// Keeps in `slot` the better of what it holds and `preference`.
fn keep_better(slot: &mut Option<Preference>, preference: Preference) {
    if slot.map_or(true, |seen| preference.beats(seen)) {
        *slot = Some(preference);
    }
}

/// How much a range wants a language: its q-value in thousandths, and where
/// it stands in the header (for ties).
#[derive(Clone, Copy, Debug)]
struct Preference {
    q: u16,
    position: usize,
}

impl Preference {
    /// Whether `self` is preferred to `other`: a higher q, or the same q
    /// listed earlier.
    fn beats(self, other: Preference) -> bool {
        self.q > other.q || (self.q == other.q && self.position < other.position)
    }
}

/// What a language range asks for, among the languages we serve.
enum Match {
    Language(Language),
    Any,
    None,
}

impl Match {
    fn of(range: &str) -> Match {
        if range == "*" {
            return Match::Any;
        }
        let mut subtags = range.split('-');
        let primary = subtags.next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            return Match::Language(Language::En);
        }
        if !primary.eq_ignore_ascii_case("zh") {
            return Match::None;
        }
        // The script decides when it is given; otherwise a region where
        // Traditional characters are the norm.
        let mut traditional_region = false;
        for subtag in subtags {
            if subtag.eq_ignore_ascii_case("hans") {
                return Match::Language(Language::ZhCn);
            }
            if subtag.eq_ignore_ascii_case("hant") {
                return Match::None;
            }
            if ["tw", "hk", "mo"]
                .iter()
                .any(|region| subtag.eq_ignore_ascii_case(region))
            {
                traditional_region = true;
            }
        }
        if traditional_region {
            Match::None
        } else {
            Match::Language(Language::ZhCn)
        }
    }
}

/// One item of the list, `range` or `range;q=0.8`, as the range and its
/// q-value in thousandths; `None` when the item is empty or malformed.
fn parse_item(item: &str) -> Option<(&str, u16)> {
    let mut params = item.split(';');
    let range = params.next()?.trim();
    if range.is_empty()
        || !range
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'*')
    {
        return None;
    }
    let mut q = 1000;
    for param in params {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            q = parse_q(value.trim())?;
        }
    }
    Some((range, q))
}

/// A q-value (`0`, `0.5`, `1`, `1.000`, at most three decimals) in
/// thousandths.
fn parse_q(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        let scale: u16 = match i {
            0 => 100,
            1 => 10,
            _ => 1,
        };
        thousandths += u16::from(digit - b'0') * scale;
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn lang(value: &'static str) -> Language {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static(value));
        preferred_language(&headers)
    }

    #[test]
    fn english_without_a_header() {
        assert_eq!(preferred_language(&HeaderMap::new()), Language::En);
    }

    #[test]
    fn simplified_chinese_tags() {
        for value in [
            "zh-CN",
            "zh",
            "zh-Hans",
            "zh-Hans-CN",
            "ZH-cn",
            "zh-SG",
            "zh-Hans-HK",
            "zh-cmn-Hans",
        ] {
            assert_eq!(lang(value), Language::ZhCn, "{value}");
        }
    }

    #[test]
    fn traditional_chinese_is_not_served() {
        for value in ["zh-TW", "zh-Hant", "zh-HK", "zh-MO", "zh-Hant-CN"] {
            assert_eq!(lang(value), Language::En, "{value}");
        }
        assert_eq!(lang("zh-TW, zh-Hans;q=0.5, en;q=0.4"), Language::ZhCn);
    }

    #[test]
    fn q_values_order() {
        assert_eq!(lang("en;q=0.5, zh-CN;q=0.9"), Language::ZhCn);
        assert_eq!(lang("zh;q=0.3, en"), Language::En);
        assert_eq!(lang("en-US;q=0.9, zh-CN;q=0.8, en;q=0.1"), Language::En);
        assert_eq!(lang("de, en;q=0.2, zh;q=0.25"), Language::ZhCn);
        assert_eq!(
            lang("zh-CN;q=1.0, en;q=1"),
            Language::ZhCn,
            "a tie goes to the first listed"
        );
        assert_eq!(lang("en , zh"), Language::En);
        assert_eq!(lang("zh-CN;Q=0.7,en;q=0.699"), Language::ZhCn);
    }

    #[test]
    fn q_zero_refuses() {
        assert_eq!(lang("zh-CN;q=0"), Language::En);
        assert_eq!(lang("en;q=0, zh;q=0.1"), Language::ZhCn);
        assert_eq!(lang("en;q=0, *"), Language::ZhCn);
        assert_eq!(lang("en;q=0, zh;q=0"), Language::En, "nothing acceptable: the default");
    }

    #[test]
    fn wildcard_counts_only_for_languages_not_named() {
        assert_eq!(lang("*"), Language::En);
        assert_eq!(lang("fr, *;q=0.5"), Language::En);
        assert_eq!(lang("zh;q=0.2, *;q=0.5"), Language::En);
        assert_eq!(lang("*;q=0.5, zh;q=0.8"), Language::ZhCn);
    }

    #[test]
    fn unknown_and_malformed_fall_back_to_english() {
        for value in [
            "fr",
            "de-DE, ja;q=0.9",
            "",
            ",,,",
            "zh;q=2",
            "zh;q=0.5x",
            "zh;q=",
            "zh;q",
            "zh CN",
            "zh;q=-1",
        ] {
            assert_eq!(lang(value), Language::En, "{value:?}");
        }
        // A malformed item is skipped; the rest of the list still counts.
        assert_eq!(lang("zh;q=abc, zh-CN;q=0.4, en;q=0.3"), Language::ZhCn);
    }

    #[test]
    fn every_header_line_is_read() {
        let mut headers = HeaderMap::new();
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("fr"));
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("zh-CN;q=0.8"));
        assert_eq!(preferred_language(&headers), Language::ZhCn);
        let mut headers = HeaderMap::new();
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_bytes(b"\xe4\xb8\xad").unwrap());
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("zh"));
        assert_eq!(preferred_language(&headers), Language::ZhCn);
    }

    #[test]
    fn q_values_parse() {
        assert_eq!(parse_q("0"), Some(0));
        assert_eq!(parse_q("0.5"), Some(500));
        assert_eq!(parse_q("0.05"), Some(50));
        assert_eq!(parse_q("0.125"), Some(125));
        assert_eq!(parse_q("1"), Some(1000));
        assert_eq!(parse_q("1.000"), Some(1000));
        assert_eq!(parse_q("1.001"), None);
        assert_eq!(parse_q("0.1234"), None);
        assert_eq!(parse_q(".5"), None);
        assert_eq!(parse_q("2"), None);
    }
}
