// Checker for tests/cedar (not built by the main crate: cargo only compiles tests/*.rs and tests/*/main.rs).
// Run from a scratch crate outside the repo: Cargo.toml deps cedar-policy = "4.14.1", serde_json = "1";
// copy this file to src/main.rs, then: CARGO_TARGET_DIR=/work/main/target cargo run -- /work/main/tests/cedar
use cedar_policy::*;
use std::str::FromStr;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or("/work/main/tests/cedar".into());
    let src = std::fs::read_to_string(format!("{dir}/statement.cedar")).unwrap();
    let pset = PolicySet::from_str(&src).expect("parse policy set");
    println!("parsed {} policies", pset.policies().count());
    for p in pset.policies() {
        assert!(p.annotation("clause").is_some(), "policy {} lacks @clause", p.id());
    }
    let sch_src = std::fs::read_to_string(format!("{dir}/statement.cedarschema")).unwrap();
    let (schema, warns) = Schema::from_cedarschema_str(&sch_src).expect("schema");
    for w in warns { println!("schema warning: {w}"); }
    let v = Validator::new(schema.clone());
    let res = v.validate(&pset, ValidationMode::Strict);
    for e in res.validation_errors() { println!("VALIDATION ERROR: {e}"); }
    for w in res.validation_warnings() { println!("validation warning: {w}"); }
    assert!(res.validation_passed(), "validation failed");
    println!("validation (strict) passed");

    let ents_json = std::fs::read_to_string(format!("{dir}/entities.json")).unwrap();
    let entities = Entities::from_json_str(&ents_json, Some(&schema)).expect("entities");
    let cases: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/cases.json")).unwrap()).unwrap();
    let auth = Authorizer::new();
    let (mut ok, mut bad) = (0, 0);
    for (i, c) in cases.as_array().unwrap().iter().enumerate() {
        let s = |k: &str| c[k].as_str().unwrap_or_else(|| panic!("case {i} missing {k}")).to_string();
        let p = EntityUid::from_str(&format!("Party::{:?}", s("party"))).unwrap();
        let a = EntityUid::from_str(&format!("Action::{:?}", s("action"))).unwrap();
        let r = EntityUid::from_str(&format!("Data::{:?}", s("data"))).unwrap();
        let ctx = serde_json::json!({
            "purpose": s("purpose"), "location": s("location"),
            "authorizations": c["authorizations"], "circumstance": s("circumstance"),
            "objections": c["objections"], "service": s("service"),
        });
        let context = Context::from_json_value(ctx, Some((&schema, &a))).expect("context");
        let req = Request::new(p, a, r, context, Some(&schema)).expect("request");
        // evaluate both with and without the entity data: policies must not depend on it
        let resp = auth.is_authorized(&req, &pset, &entities);
        let resp2 = auth.is_authorized(&req, &pset, &Entities::empty());
        assert!(resp.diagnostics().errors().next().is_none(), "case {i}: eval errors {:?}", resp.diagnostics().errors().collect::<Vec<_>>());
        assert_eq!(resp.decision(), resp2.decision(), "case {i}: entity dependence");
        let got = if resp.decision() == Decision::Allow { "allow" } else { "deny" };
        let clauses: Vec<String> = resp.diagnostics().reason()
            .map(|id| pset.policy(id).unwrap().annotation("clause").unwrap_or("?").to_string()).collect();
        let exp = s("expected");
        let mark = if got == exp { ok += 1; "ok  " } else { bad += 1; "FAIL" };
        println!("{mark} #{i:02} {} {} {} {} @{} -> {got} (expected {exp}) by {:?}",
            s("party"), s("action"), s("data"), s("purpose"), s("location"), clauses);
    }
    println!("{ok} passed, {bad} failed");
    if bad > 0 { std::process::exit(1); }
}
