//! docs/wire-format.md cannot go stale: its value lists are generated from
//! the code's `ALL` constants, every field of every wire type is in its
//! table, and every example is read (and every example decision is what
//! the engine decides for its request).
//!
//! After adding values: `UPDATE_WIRE_DOC=1 cargo test --test wire_format_doc`.
#![cfg(feature = "json")]

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use vianet_privacy::wire::{self, WireErrorKind, FORMAT_VERSION};
use vianet_privacy::*;

const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/wire-format.md");
const BEGIN: &str = "<!-- BEGIN GENERATED: values -->\n";
const END: &str = "<!-- END GENERATED: values -->";

fn doc() -> String {
    std::fs::read_to_string(DOC_PATH).expect("docs/wire-format.md ships with the crate")
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

macro_rules! table {
    ($out:ident, $ty:ty, $title:literal, $used:literal) => {{
        let _ = writeln!(
            $out,
            "\n### {}\n\n{}\n\n| Value | English | 中文 |\n|---|---|---|",
            $title, $used
        );
        for value in <$ty>::ALL {
            let _ = writeln!(
                $out,
                "| `{}` | {} | {} |",
                value.as_str(),
                cell(value.label(Language::En)),
                cell(value.label(Language::ZhCn))
            );
        }
    }};
}

/// The generated part of the document.
fn generated() -> String {
    let mut out = String::new();
    table!(out, OnlineService, "online service", "Request `service`.");
    table!(out, Party, "party", "Request `party`.");
    table!(out, Action, "action", "Request `action`.");
    let _ = writeln!(
        out,
        "\n### data element\n\nRequest `data`. The category follows from the element.\n\n\
         | Value | Category | English | 中文 |\n|---|---|---|---|"
    );
    for value in DataElement::ALL {
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {} |",
            value.as_str(),
            value.category().as_str(),
            cell(value.label(Language::En)),
            cell(value.label(Language::ZhCn))
        );
    }
    table!(
        out,
        DataCategory,
        "data category",
        "Not on the wire: derived from the data element."
    );
    table!(out, Purpose, "purpose", "Request `purpose`.");
    table!(out, Location, "location", "Request `location`.");
    table!(
        out,
        Authorization,
        "authorization",
        "Request `authorizations`; deny `missing`."
    );
    table!(out, Circumstance, "circumstance", "Request `circumstance`.");
    table!(out, Objection, "objection", "Request `objections`.");
    table!(out, DenyKind, "deny kind", "Deny `kind`.");
    table!(out, Reason, "reason", "Deny `reason`.");
    table!(out, Obligation, "obligation", "Allow `obligations`.");
    table!(out, Advisory, "advisory", "Allow and deny `advisories`.");
    let _ = writeln!(
        out,
        "\n### clause\n\nAllow and deny `clause`. `cargo run --example clauses` prints each clause's passage.\n\n\
         | Value | Section | English | 中文 |\n|---|---|---|---|"
    );
    for value in ClauseId::ALL {
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {} |",
            value.as_str(),
            value.section().as_str(),
            cell(value.label(Language::En)),
            cell(value.label(Language::ZhCn))
        );
    }
    table!(out, Section, "section", "Not on the wire: the section of a clause.");
    table!(
        out,
        StatementVersion,
        "statement version",
        "Decision and audit record `statement_version`."
    );
    table!(out, WireErrorKind, "wire error kind", "Error `kind`.");
    table!(out, Activity, "activity", "Compliance request `activity`.");
    table!(
        out,
        ProhibitedContent,
        "prohibited content",
        "Compliance request `prohibited_content`: the nine kinds, in the statement's order."
    );
    table!(out, WebsiteKind, "website kind", "Compliance request `website`.");
    table!(out, RecordItem, "record item", "Compliance request `records_kept`.");
    table!(
        out,
        RegistrationInfo,
        "registration info",
        "Compliance request `identity_provided` and `identity_false`."
    );
    out
}

#[test]
fn the_value_lists_are_generated_from_the_code() {
    let doc = doc();
    let start = doc.find(BEGIN).expect("the generated block's start marker") + BEGIN.len();
    let end = doc.find(END).expect("the generated block's end marker");
    let want = generated();
    if doc[start..end] != want {
        if std::env::var_os("UPDATE_WIRE_DOC").is_some() {
            let updated = format!("{}{}{}", &doc[..start], want, &doc[end..]);
            std::fs::write(DOC_PATH, updated).expect("docs/wire-format.md is writable");
        } else {
            panic!("docs/wire-format.md's value lists are stale: run `UPDATE_WIRE_DOC=1 cargo test --test wire_format_doc`");
        }
    }
}

#[test]
fn the_generated_lists_name_every_wire_value() {
    let generated = generated();
    let mut names = 0;
    macro_rules! every {
        ($($ty:ty),+) => {$(
            for value in <$ty>::ALL {
                assert!(generated.contains(&format!("| `{}` |", value.as_str())), "{}", value.as_str());
                names += 1;
            }
        )+};
    }
    every!(
        OnlineService,
        Party,
        Action,
        DataElement,
        Purpose,
        Location,
        Authorization,
        Circumstance,
        Objection
    );
    every!(
        DenyKind,
        Reason,
        Obligation,
        Advisory,
        ClauseId,
        StatementVersion,
        WireErrorKind
    );
    every!(Activity, ProhibitedContent, WebsiteKind, RecordItem, RegistrationInfo);
    assert!(names > 200);
}

#[test]
fn the_document_states_the_format_version() {
    assert!(doc().contains(&format!("**Format version {FORMAT_VERSION}.**")));
    assert!(doc().contains(&format!("`\"{}\"`", StatementVersion::CURRENT)));
}

/// A deserializer that only records the field names a struct asks for.
struct FieldNames(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

fn fields<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = FieldNames(&[]);
    let _ = T::deserialize(&mut names);
    assert!(!names.0.is_empty(), "{} has no fields", std::any::type_name::<T>());
    names.0
}

/// The body of the document's section (a `## ` or `### ` heading).
fn section(doc: &str, heading: &str) -> String {
    let start = doc
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading:?}"));
    let rest = &doc[start + heading.len() + 2..];
    let end = rest.find("\n## ").or_else(|| rest.find("\n### ")).unwrap_or(rest.len());
    let end = rest[..end].find("\n### ").unwrap_or(end);
    rest[..end].to_owned()
}

#[test]
fn every_field_is_documented_in_its_table() {
    let doc = doc();
    let tables = [
        ("## Request", fields::<Request>()),
        ("### Allow", fields::<Allow>()),
        ("### Deny", fields::<Deny>()),
        ("## Audit record", fields::<AuditRecord>()),
        ("## Compliance request", fields::<ComplianceRequest>()),
    ];
    for (heading, names) in tables {
        let body = section(&doc, heading);
        for name in names {
            assert!(
                body.contains(&format!("\n| `{name}` |")),
                "field `{name}` is not in the table of {heading:?}"
            );
        }
        // ... and the table documents no field the code lacks.
        for row in body.lines().filter(|l| l.starts_with("| `")) {
            let name = row.split('`').nth(1).unwrap();
            assert!(
                name == "effect" || names.contains(&name),
                "{heading:?} documents `{name}`, which is no field"
            );
        }
    }
    // The error's fields, from its serialization.
    let err = wire::decide_json("{\"party\": \"x\"}").unwrap_err();
    let json: serde_json::Value = serde_json::from_str(&wire::to_json(&err).unwrap()).unwrap();
    let body = section(&doc, "## Errors");
    for name in json.as_object().unwrap().keys() {
        assert!(
            body.contains(&format!("\n| `{name}` |")),
            "error field `{name}` is not documented"
        );
    }
}

/// Every example block of the document, by its info string.
fn examples(doc: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```json ") {
        let after = &rest[start + 8..];
        let (info, body) = after.split_once('\n').unwrap();
        let end = body.find("```").unwrap();
        blocks.push((info.to_owned(), body[..end].to_owned()));
        rest = &body[end + 3..];
    }
    blocks
}

#[test]
fn every_example_is_read_and_every_example_decision_is_the_engine_s() {
    let doc = doc();
    let blocks = examples(&doc);
    let mut requests = BTreeMap::new();
    let mut decisions = BTreeMap::new();
    let mut kinds = Vec::new();
    for (info, body) in &blocks {
        match info.split_once('=') {
            Some(("request", id)) => {
                let request = wire::parse_request(body).unwrap_or_else(|e| panic!("request={id}: {e}"));
                decide(&request).unwrap_or_else(|e| panic!("request={id}: {e}"));
                requests.insert(id.to_owned(), request);
            }
            Some(("decision", id)) => {
                let decision = wire::parse_decision(body).unwrap_or_else(|e| panic!("decision={id}: {e}"));
                decisions.insert(id.to_owned(), decision);
            }
            _ if info == "audit-record" => {
                let record = AuditRecord::from_json_line(body.trim()).unwrap();
                assert_eq!(record.decision, decide(&record.request).unwrap());
                assert_eq!(body.trim(), record.to_json_line().unwrap());
            }
            _ if info == "compliance-request" => {
                let decision = wire::decide_compliance_json(body).unwrap_or_else(|e| panic!("compliance-request: {e}"));
                assert!(
                    decision.is_allowed(),
                    "the documented compliance request should be allowed: {decision}"
                );
            }
            _ if info == "error" => {
                let json: serde_json::Value = serde_json::from_str(body).unwrap();
                let kind: WireErrorKind = json["kind"].as_str().unwrap().parse().unwrap();
                assert_eq!(kind, WireErrorKind::UnknownValue);
            }
            _ => panic!("unknown example block `json {info}`"),
        }
    }
    for (id, decision) in &decisions {
        let request = requests
            .get(id)
            .unwrap_or_else(|| panic!("decision={id} has no request={id}"));
        assert_eq!(
            decide(request).unwrap(),
            *decision,
            "the example decision {id} is not the engine's"
        );
        kinds.push(decision.deny_kind());
    }
    // One allow and a deny of every kind.
    assert!(kinds.contains(&None));
    for kind in DenyKind::ALL {
        assert!(kinds.contains(&Some(*kind)), "no example of a {kind} deny");
    }
}
