use serde::{Deserialize, Serialize};

/// The language of an explanation.
///
/// The statement is bilingual and its readers are in mainland China: every
/// reason, obligation, advisory and clause heading has an English and a
/// Simplified Chinese text. `Display` always gives English; `label` and
/// `text` methods take a `Language`.
///
/// ```
/// use vianet_privacy::{Language, Reason};
///
/// let reason = Reason::SecurityCodeNeverRetained;
/// assert!(reason.text(Language::En).contains("security code"));
/// assert!(reason.text(Language::ZhCn).contains("安全码"));
/// assert_eq!("zh-CN".parse::<Language>(), Ok(Language::ZhCn));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English, the statement's complete text.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese (`zh-CN`), without the pinyin of the source file.
    #[serde(rename = "zh-CN", alias = "zh_cn", alias = "zh")]
    ZhCn,
}

impl Language {
    /// Both languages, English first.
    pub const ALL: &'static [Language] = &[Language::En, Language::ZhCn];

    /// The language tag: `en` or `zh-CN`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        }
    }
}

impl core::fmt::Display for Language {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::str::FromStr for Language {
    type Err = crate::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Language::En),
            "zh-CN" | "zh_cn" | "zh" => Ok(Language::ZhCn),
            _ => Err(crate::UnknownName::new("language", s, &["en", "zh-CN"])),
        }
    }
}
