//! `GET /v1/clauses` and `GET /v1/vocabulary`: the clause catalog and every
//! vocabulary, in English and Simplified Chinese, generated from the
//! library (`ALL`, `label(Language)`, `ClauseId::passage_in`) when the
//! service starts.

use serde::Serialize;
use vianet_privacy::statement::changes::NoticeChannel;
use vianet_privacy::statement::managing::{RefusalGround, Requester, SubjectRequestKind};
use vianet_privacy::statement::protection::IncidentKind;
use vianet_privacy::{
    Action, Activity, Advisory, Authorization, Circumstance, ClauseId, DataElement, DenyKind, Language, Location,
    Objection, Obligation, OnlineService, Party, ProhibitedContent, Purpose, Reason, RecordItem, RegistrationInfo,
    Section, StatementVersion, WebsiteKind,
};

/// A text in both languages; `zh-CN` is `null` where the statement's
/// Chinese text has no such passage.
#[derive(Serialize)]
struct Texts {
    en: &'static str,
    #[serde(rename = "zh-CN")]
    zh_cn: Option<&'static str>,
}

impl Texts {
    fn of(text: impl Fn(Language) -> Option<&'static str>) -> Texts {
        Texts {
            en: text(Language::En).unwrap_or_default(),
            zh_cn: text(Language::ZhCn),
        }
    }
}

#[derive(Serialize)]
struct Clause {
    id: &'static str,
    section: &'static str,
    section_title: Texts,
    title: Texts,
    passage: Texts,
}

/// The clause catalog as JSON: `[{"id", "section", "section_title",
/// "title", "passage"}]`, each text as `{"en", "zh-CN"}`.
pub(crate) fn clauses() -> Result<Vec<u8>, serde_json::Error> {
    let clauses: Vec<Clause> = ClauseId::ALL
        .iter()
        .map(|clause| Clause {
            id: clause.as_str(),
            section: clause.section().as_str(),
            section_title: Texts::of(|language| Some(clause.section().label(language))),
            title: Texts::of(|language| Some(clause.label(language))),
            passage: Texts::of(|language| clause.passage_in(language)),
        })
        .collect();
    serde_json::to_vec(&clauses)
}

#[derive(Serialize)]
struct Value {
    value: &'static str,
    en: &'static str,
    #[serde(rename = "zh-CN")]
    zh_cn: &'static str,
}

/// Declares the vocabulary document: each list is a field of it.
macro_rules! vocabulary_document {
    ($($field:ident: $ty:ty),+ $(,)?) => {
        #[derive(Serialize)]
        struct Vocabulary {
            statement_version: &'static str,
            $($field: Vec<Value>,)+
        }

        /// Every vocabulary as JSON: `{"service": [{"value", "en", "zh-CN"}], …}`.
        pub(crate) fn vocabulary() -> Result<Vec<u8>, serde_json::Error> {
            serde_json::to_vec(&Vocabulary {
                statement_version: StatementVersion::CURRENT.as_str(),
                $($field: <$ty>::ALL.iter().map(|value| Value {
                    value: value.as_str(),
                    en: value.label(Language::En),
                    zh_cn: value.label(Language::ZhCn),
                }).collect(),)+
            })
        }
    };
}

vocabulary_document! {
    service: OnlineService,
    party: Party,
    action: Action,
    data: DataElement,
    purpose: Purpose,
    location: Location,
    authorization: Authorization,
    circumstance: Circumstance,
    objection: Objection,
    obligation: Obligation,
    advisory: Advisory,
    reason: Reason,
    deny_kind: DenyKind,
    clause: ClauseId,
    section: Section,
    activity: Activity,
    prohibited_content: ProhibitedContent,
    website: WebsiteKind,
    record_item: RecordItem,
    registration_info: RegistrationInfo,
    requester: Requester,
    subject_request_kind: SubjectRequestKind,
    refusal_ground: RefusalGround,
    notice_channel: NoticeChannel,
    incident_kind: IncidentKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_is_in_the_catalog_with_both_languages_where_the_text_has_them() {
        let catalog: serde_json::Value = serde_json::from_slice(&clauses().unwrap()).unwrap();
        let catalog = catalog.as_array().unwrap();
        assert_eq!(catalog.len(), ClauseId::ALL.len());
        for (entry, clause) in catalog.iter().zip(ClauseId::ALL) {
            assert_eq!(entry["id"], clause.as_str());
            assert_eq!(entry["passage"]["en"], clause.passage());
            assert_eq!(entry["title"]["zh-CN"], clause.label(Language::ZhCn));
            match clause.passage_in(Language::ZhCn) {
                Some(text) => assert_eq!(entry["passage"]["zh-CN"], text),
                None => assert!(entry["passage"]["zh-CN"].is_null()),
            }
        }
    }

    #[test]
    fn the_vocabulary_lists_every_value() {
        let vocabulary: serde_json::Value = serde_json::from_slice(&vocabulary().unwrap()).unwrap();
        assert_eq!(vocabulary["party"].as_array().unwrap().len(), Party::ALL.len());
        assert_eq!(vocabulary["obligation"][0]["value"], Obligation::ALL[0].as_str());
        assert_eq!(vocabulary["statement_version"], "2020-12-01");
    }
}
