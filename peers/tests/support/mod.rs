//! Shared by the peers' tests (`differential_cedar`, `rego_matches_cedar`):
//! the request space and generator of the crate's own trust tests, and the
//! independent Cedar encoding of the statement (`peers/cedar/`) as a second
//! engine.
//!
//! The space and the generator are the root's `tests/support/mod.rs`,
//! included rather than copied, so both crates enumerate the same requests.
//! Nothing here reads `../shared`: the Cedar files ship in the repository.

#![allow(dead_code)] // each test binary uses part of it

#[path = "../../../tests/support/mod.rs"]
mod space;

use std::str::FromStr;

use serde_json::json;
use vianet_privacy::{Action, DataElement, Party, Request};

pub use space::*;

/// The independent Cedar encoding, in the peers crate.
const CEDAR_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/cedar");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{CEDAR_DIR}/{name}")).expect("peers/cedar file")
}

/// The text of the independent Cedar encoding, `peers/cedar/statement.cedar`.
pub fn policy_text() -> String {
    read("statement.cedar")
}

/// The independent Cedar encoding (`peers/cedar/statement.cedar`), asked
/// the same question.
pub struct Cedar {
    policies: cedar_policy::PolicySet,
    schema: cedar_policy::Schema,
    authorizer: cedar_policy::Authorizer,
    entities: cedar_policy::Entities,
    actions: Vec<cedar_policy::EntityUid>,
    parties: Vec<cedar_policy::EntityUid>,
    data: Vec<cedar_policy::EntityUid>,
}

/// Cedar's answer: allow or deny, and the `@clause` of the policies that
/// decided (the permits of an allow, the forbids of a forbid-deny, none for
/// a default deny).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CedarAnswer {
    pub allowed: bool,
    pub clauses: Vec<String>,
}

impl Cedar {
    pub fn new() -> Cedar {
        let policies = cedar_policy::PolicySet::from_str(&policy_text()).expect("Cedar policies parse");
        let (schema, _) =
            cedar_policy::Schema::from_cedarschema_str(&read("statement.cedarschema")).expect("Cedar schema parses");
        let uid = |t: &str, id: &str| cedar_policy::EntityUid::from_str(&format!("{t}::{id:?}")).expect("uid");
        Cedar {
            policies,
            schema,
            authorizer: cedar_policy::Authorizer::new(),
            entities: cedar_policy::Entities::empty(),
            actions: Action::ALL.iter().map(|a| uid("Action", a.as_str())).collect(),
            parties: Party::ALL.iter().map(|p| uid("Party", p.as_str())).collect(),
            data: DataElement::ALL.iter().map(|d| uid("Data", d.as_str())).collect(),
        }
    }

    /// Cedar's decision on a time-free request.
    pub fn decide(&self, request: &Request) -> CedarAnswer {
        let names = |set: Vec<&'static str>| json!(set);
        let context = json!({
            "purpose": request.purpose.as_str(),
            "location": request.location.as_str(),
            "authorizations": names(request.authorizations.iter().map(|a| a.as_str()).collect()),
            "circumstance": request.circumstance.map_or("none", |c| c.as_str()),
            "objections": names(request.objections.iter().map(|o| o.as_str()).collect()),
            "service": request.service.as_str(),
        });
        let action = &self.actions[request.action.index()];
        let context =
            cedar_policy::Context::from_json_value(context, Some((&self.schema, action))).expect("Cedar context");
        let cedar_request = cedar_policy::Request::new(
            self.parties[request.party.index()].clone(),
            action.clone(),
            self.data[request.data.index()].clone(),
            context,
            Some(&self.schema),
        )
        .expect("valid Cedar request");
        let response = self
            .authorizer
            .is_authorized(&cedar_request, &self.policies, &self.entities);
        assert!(
            response.diagnostics().errors().next().is_none(),
            "Cedar evaluation errors on {request:?}"
        );
        let mut clauses: Vec<String> = response
            .diagnostics()
            .reason()
            .filter_map(|id| self.policies.policy(id))
            .filter_map(|policy| policy.annotation("clause").map(str::to_owned))
            .collect();
        clauses.sort();
        CedarAnswer {
            allowed: response.decision() == cedar_policy::Decision::Allow,
            clauses,
        }
    }
}
