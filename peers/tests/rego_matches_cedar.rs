//! The Rego policy of the comparative benchmark (`peers/rego/statement.rego`,
//! benched by `peers/benches/compare.rs`) is a faithful translation of the
//! independent Cedar encoding (`peers/cedar/statement.cedar`), so the
//! benchmark compares two engines deciding the same question the same way.
//!
//! Property checked: on every hand-written case of `peers/cedar/cases.json`
//! the Cedar policies and the Rego policy give the expected answer, and on
//! 20,000 pseudo-random requests (every data element, random party, action,
//! purpose, location, authorizations, circumstance and objections; one in
//! ten a data subject request, so that the policies on managing Personal
//! Data are reached) Rego and Cedar give the same allow or deny.

mod support;

use std::collections::BTreeMap;
use std::str::FromStr;

use serde_json::{json, Value as Json};
use support::Rng;
use vianet_privacy::{
    Action, Authorization, Circumstance, DataElement, Location, Objection, OnlineService, Party, Purpose,
};

const CEDAR_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/cedar");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{CEDAR_DIR}/{name}")).expect("peers/cedar file")
}

struct Cedar {
    policies: cedar_policy::PolicySet,
    schema: cedar_policy::Schema,
    authorizer: cedar_policy::Authorizer,
}

impl Cedar {
    fn new() -> Cedar {
        let policies = cedar_policy::PolicySet::from_str(&support::policy_text()).expect("policies parse");
        let (schema, _) = cedar_policy::Schema::from_cedarschema_str(&read("statement.cedarschema")).expect("schema");
        Cedar {
            policies,
            schema,
            authorizer: cedar_policy::Authorizer::new(),
        }
    }

    fn allows(&self, case: &Json) -> bool {
        let s = |k: &str| case[k].as_str().expect("string field").to_owned();
        let uid = |t: &str, id: String| cedar_policy::EntityUid::from_str(&format!("{t}::{id:?}")).expect("uid");
        let action = uid("Action", s("action"));
        let context = json!({
            "purpose": s("purpose"), "location": s("location"), "authorizations": case["authorizations"],
            "circumstance": s("circumstance"), "objections": case["objections"], "service": s("service"),
        });
        let context = cedar_policy::Context::from_json_value(context, Some((&self.schema, &action))).expect("context");
        let request = cedar_policy::Request::new(
            uid("Party", s("party")),
            action,
            uid("Data", s("data")),
            context,
            Some(&self.schema),
        )
        .expect("valid request");
        let response = self
            .authorizer
            .is_authorized(&request, &self.policies, &cedar_policy::Entities::empty());
        assert!(
            response.diagnostics().errors().next().is_none(),
            "Cedar errors on {case}"
        );
        response.decision() == cedar_policy::Decision::Allow
    }
}

struct Rego(regorus::Engine);

impl Rego {
    fn new() -> Rego {
        let mut engine = regorus::Engine::new();
        let policy = concat!(env!("CARGO_MANIFEST_DIR"), "/rego/statement.rego");
        engine.add_policy_from_file(policy).expect("Rego policy parses");
        Rego(engine)
    }

    fn allows(&mut self, case: &Json) -> bool {
        let input: BTreeMap<&str, &Json> = [
            "party",
            "action",
            "data",
            "purpose",
            "location",
            "authorizations",
            "circumstance",
            "objections",
            "service",
        ]
        .into_iter()
        .map(|k| (k, &case[k]))
        .collect();
        let input = serde_json::to_string(&input).expect("json");
        self.0.set_input_json(&input).expect("input");
        let allow = self
            .0
            .eval_rule("data.vianet.allow".to_owned())
            .expect("Rego evaluates");
        allow == regorus::Value::from(true)
    }
}

#[test]
fn rego_gives_the_expected_answer_on_every_cedar_case() {
    let cases: Vec<Json> = serde_json::from_str(&read("cases.json")).expect("cases parse");
    assert_eq!(cases.len(), 247);
    let cedar = Cedar::new();
    let mut rego = Rego::new();
    let mut allows = 0;
    for case in &cases {
        let expected = match case["expected"].as_str() {
            Some("allow") => true,
            Some("deny") => false,
            other => panic!("expected is {other:?} in {case}"),
        };
        let request = &case["request"];
        let why = &case["why"];
        assert_eq!(cedar.allows(request), expected, "Cedar on {request} ({why})");
        assert_eq!(rego.allows(request), expected, "Rego on {request} ({why})");
        allows += usize::from(expected);
    }
    assert!(allows > 10 && allows < cases.len() - 10, "{allows} allows");
    println!("{} cases: {allows} allow, {} deny", cases.len(), cases.len() - allows);
}

/// The wire name of one of `values`.
fn name<T: ToString>(rng: &mut Rng, values: &[T]) -> String {
    rng.pick(values).to_string()
}

/// The wire names of some of `values`, each one time in `one_in`.
fn some<T: ToString>(rng: &mut Rng, values: &[T], one_in: u64) -> Vec<String> {
    values
        .iter()
        .filter(|_| rng.one_in(one_in))
        .map(|v| v.to_string())
        .collect()
}

#[test]
fn rego_and_cedar_agree_on_random_requests() {
    let cedar = Cedar::new();
    let mut rego = Rego::new();
    let mut rng = Rng(0x005e_ed0f_ced4_2e90);
    let mut allows = 0;
    let mut subject_requests = 0;
    for i in 0..20_000 {
        let circumstance = if rng.one_in(6) {
            name(&mut rng, Circumstance::ALL)
        } else {
            "none".to_owned()
        };
        // Purpose::ALL has dozens of purposes: draw the one of the policies
        // on managing Personal Data one time in ten.
        let purpose = if rng.one_in(10) {
            subject_requests += 1;
            Purpose::DataSubjectRequest.to_string()
        } else {
            name(&mut rng, Purpose::ALL)
        };
        let case = json!({
            "party": name(&mut rng, Party::ALL),
            "action": name(&mut rng, Action::ALL),
            "data": DataElement::ALL[i % DataElement::ALL.len()].to_string(),
            "purpose": purpose,
            "location": name(&mut rng, Location::ALL),
            "authorizations": some(&mut rng, Authorization::ALL, 4),
            "circumstance": circumstance,
            "objections": some(&mut rng, Objection::ALL, 8),
            "service": name(&mut rng, OnlineService::ALL),
        });
        let allowed = cedar.allows(&case);
        assert_eq!(rego.allows(&case), allowed, "Rego and Cedar disagree on {case}");
        allows += usize::from(allowed);
    }
    // The policies of statement.cedar tie most permits to one party, action,
    // data and purpose together: about one random request in forty is
    // allowed (447 with this seed).
    assert!(allows > 200, "only {allows} allows: the sample says little");
    assert!(
        subject_requests > 1_000,
        "only {subject_requests} data subject requests"
    );
    println!("20000 random requests: {allows} allow, {subject_requests} data subject requests");
}
