//! The command line as a user meets it: help, version, exit codes, `check`
//! and `clauses`, run as a process.

mod support;

use support::*;
use vianet_privacy::wire;
use vianet_privacy::{ClauseId, DenyKind, Language, Section};

// ------------------------------------------------------------ help, version

#[test]
fn help_is_on_standard_output_with_exit_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["check", "--help"],
        &["clauses", "--help"],
        &["audit", "--help"],
        &["audit", "-h"],
    ] {
        let output = run(args, None);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.contains("Usage: vianet-privacy"), "{args:?}: {text}");
        assert!(stderr(&output).is_empty(), "{args:?}: {}", stderr(&output));
    }
    let text = stdout(&run(&["--help"], None));
    for command in ["check", "clauses", "audit"] {
        assert!(text.contains(&format!("  {command} ")), "{text}");
    }
}

#[test]
fn help_lists_the_vocabulary_and_the_exit_codes() {
    let text = stdout(&run(&["check", "--help"], None));
    assert!(text.contains("- supplier:"), "{text}");
    assert!(text.contains("a supplier or subcontractor"), "{text}");
    assert!(text.contains("prior_consent_after_explanation"), "{text}");
    assert!(
        text.contains("0  allowed") && text.contains("1  denied") && text.contains("2  bad input"),
        "{text}"
    );

    let text = stdout(&run(&["audit", "--help"], None));
    assert!(text.contains("Exit status:"), "{text}");
    for code in [
        "0  a complete report",
        "1  a recorded allow is denied today",
        "2  the log cannot be read",
    ] {
        assert!(text.contains(code), "{code:?} not in\n{text}");
    }
    for option in [
        "--strict",
        "--max-problems",
        "--events",
        "--events-format",
        "--html",
        "--json",
        "--lang",
    ] {
        assert!(text.contains(option), "{option} not in\n{text}");
    }
}

#[test]
fn help_speaks_chinese() {
    for args in [
        &["--lang", "zh-CN", "--help"][..],
        &["audit", "--help", "--lang", "zh-CN"],
        &["check", "--lang=zh-CN", "-h"],
    ] {
        let output = run(args, None);
        assert_exit(&output, 0);
        let text = stdout(&output);
        assert!(text.contains("用法：") && text.contains("选项"), "{args:?}: {text}");
        assert!(
            !text.contains("Usage:") && !text.contains("Options:"),
            "{args:?}: {text}"
        );
        assert_eq!(english_sentence(&text), None, "{args:?}");
    }
    let text = stdout(&run(&["audit", "--help", "--lang", "zh-CN"], None));
    assert!(text.contains("退出状态"), "{text}");
}

#[test]
fn version_is_on_standard_output_with_exit_0() {
    for flag in ["--version", "-V"] {
        let output = run(&[flag], None);
        assert_exit(&output, 0);
        assert_eq!(
            stdout(&output).trim(),
            format!("vianet-privacy {}", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn a_bad_command_line_exits_2_with_the_error_on_standard_error() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check", "--colour"],
        &["audit", "--fast"],
        &["clauses", "--lang", "fr"],
        &["audit", "--max-problems", "many"],
        &["audit", "--events-format", "csv"],
    ] {
        let output = run(args, None);
        assert_exit(&output, 2);
        assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
        assert!(!stderr(&output).is_empty(), "{args:?}");
    }
    let output = run(&["--lang", "zh-CN", "frobnicate"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("未知子命令"), "{}", stderr(&output));
}

// ------------------------------------------------------------ check

const OPTIONS_NEEDING_CONSENT: &[&str] = &[
    "check",
    "--service",
    "azure",
    "--party",
    "supplier",
    "--action",
    "access",
    "--data",
    "support_contact_info",
    "--purpose",
    "resolve_support_issue",
    "--location",
    "taiwan",
];

#[test]
fn check_from_options_denies_without_consent_and_allows_with_it() {
    let output = run(OPTIONS_NEEDING_CONSENT, None);
    assert_exit(&output, 1);
    let text = stdout(&output);
    assert!(text.starts_with("deny (permitted only with an authorization"), "{text}");
    assert!(text.contains("sharing_overseas_supplier_consent"), "{text}");
    assert!(
        text.contains("Under: the privacy statement updated December 1, 2020"),
        "{text}"
    );

    let mut args = OPTIONS_NEEDING_CONSENT.to_vec();
    args.extend(["--authorization", "prior_consent_after_explanation"]);
    let output = run(&args, None);
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("allow"), "{}", stdout(&output));

    args.extend(["--lang", "zh-CN"]);
    let output = run(&args, None);
    assert_exit(&output, 0);
    assert!(stdout(&output).starts_with("允许"), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("依据：隐私声明（2020年12月1日更新）"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_options_take_every_request_field() {
    let output = run(
        &[
            "check",
            "--json",
            "--service",
            "office_365",
            "--party",
            "authority",
            "--action",
            "disclose",
            "--data",
            "administrator_email",
            "--purpose",
            "legal_compliance",
            "--location",
            "mainland_china",
            "--authorization",
            "legal_requirement,legal_prohibition_on_notice",
            "--circumstance",
            "criminal_investigation",
            "--objection",
            "survey_unsubscribed",
            "--at",
            "2024-03-01T09:30:00+08:00",
        ],
        None,
    );
    let expected = wire::decide_json(
        r#"{"service": "office_365", "party": "authority", "action": "disclose", "data": "administrator_email",
            "purpose": "legal_compliance", "location": "mainland_china",
            "authorizations": ["legal_requirement", "legal_prohibition_on_notice"],
            "circumstance": "criminal_investigation", "objections": ["survey_unsubscribed"],
            "at": "2024-03-01T09:30:00+08:00"}"#,
    )
    .unwrap();
    assert_exit(&output, if expected.is_allowed() { 0 } else { 1 });
    assert_eq!(wire::parse_decision(stdout(&output).trim()).unwrap(), expected);

    let output = run(&[OPTIONS_NEEDING_CONSENT, &["--at", "yesterday"]].concat(), None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--at"), "{}", stderr(&output));
}

#[test]
fn check_reads_json_from_an_argument_a_file_and_standard_input() {
    let output = run(&["check", "--request-json", ALLOWED], None);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).starts_with("allow; obligations: supervise the overseas access"),
        "{}",
        stdout(&output)
    );

    let dir = temp_dir("check-file");
    let file = dir.join("denied.json");
    std::fs::write(&file, DENIED).unwrap();
    let output = run(&["check", "--request-file", arg(&file), "--lang", "zh-CN"], None);
    assert_exit(&output, 1);
    assert!(
        stdout(&output).starts_with("拒绝（本声明禁止）：支付工具的安全码不予保留"),
        "{}",
        stdout(&output)
    );

    let output = run(&["check", "--json", "--request-file", "-"], Some(DENIED));
    assert_exit(&output, 1);
    let decision = wire::parse_decision(stdout(&output).trim()).expect("the output is a decision");
    assert_eq!(decision, wire::decide_json(DENIED).unwrap());
    assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
}

#[test]
fn check_takes_one_request_unambiguously() {
    // Options and JSON together, or two JSON inputs, are refused.
    let mut args = OPTIONS_NEEDING_CONSENT.to_vec();
    args.extend(["--request-json", ALLOWED]);
    assert_exit(&run(&args, None), 2);
    assert_exit(
        &run(
            &["check", "--request-json", ALLOWED, "--request-file", "-"],
            Some(ALLOWED),
        ),
        2,
    );
    // No request at all, or half of one, is a usage error naming what is missing.
    let output = run(&["check"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--service"), "{}", stderr(&output));
    let output = run(&["check", "--service", "azure"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("--party"), "{}", stderr(&output));
    // A path is never guessed from a bare argument.
    assert_exit(&run(&["check", "request.json"], None), 2);
}

#[test]
fn check_says_where_bad_json_is_wrong_and_what_was_meant() {
    let misspelt = ALLOWED.replace("\"supplier\"", "\"suplier\"");
    let output = run(&["check", "--request-json", &misspelt], None);
    assert_exit(&output, 2);
    assert!(stdout(&output).is_empty());
    let text = stderr(&output);
    assert!(
        text.starts_with("error[unknown_value]: unknown party `suplier`"),
        "{text}"
    );
    assert!(text.contains("field `party`, line 1, column"), "{text}");
    assert!(text.contains("did you mean \"supplier\"?"), "{text}");

    let output = run(&["check", "--json", "--request-json", &misspelt], None);
    assert_exit(&output, 2);
    let error = &json(&output)["error"];
    assert_eq!(error["kind"], "unknown_value");
    assert_eq!(error["field"], "party");
    assert_eq!(error["suggestion"], "supplier");
    assert_eq!(error["line"], 1);
    assert!(error["expected"].as_array().unwrap().iter().any(|v| v == "supplier"));

    let unknown_field = ALLOWED.replace("\"purpose\"", "\"purpse\"");
    let text = stderr(&run(&["check", "--request-json", &unknown_field], None));
    assert!(
        text.starts_with("error[unknown_field]: unknown field `purpse`"),
        "{text}"
    );
    assert!(text.contains("did you mean \"purpose\"?"), "{text}");

    let text = stderr(&run(&["check", "--request-json", &misspelt, "--lang", "zh-CN"], None));
    assert!(
        text.contains("未知取值 `suplier`") && text.contains("您是否要输入“supplier”？"),
        "{text}"
    );
    assert_eq!(english_sentence(&text), None);

    // Nothing close: no suggestion.
    let far = ALLOWED.replace("\"supplier\"", "\"regulator\"");
    assert!(!stderr(&run(&["check", "--request-json", &far], None)).contains("did you mean"));
}

#[test]
fn check_refuses_undecidable_and_unreadable_input_with_exit_2() {
    let early = ALLOWED.replace('}', ", \"at\": \"2019-01-01T00:00:00+08:00\"}");
    let output = run(&["check", "--request-json", &early], None);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).starts_with("error[before_statement_in_force]"),
        "{}",
        stderr(&output)
    );

    assert_exit(&run(&["check", "--request-json", "{\"service\": \"azure\""], None), 2);
    assert_exit(&run(&["check", "--request-file", "-"], Some("")), 2);
    let output = run(&["check", "--request-file", "/nonexistent/request.json"], None);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("/nonexistent/request.json"),
        "{}",
        stderr(&output)
    );
    let output = run(
        &[
            "check",
            "--request-file",
            "/nonexistent/request.json",
            "--lang",
            "zh-CN",
        ],
        None,
    );
    assert!(stderr(&output).contains("文件或目录不存在"), "{}", stderr(&output));
}

#[test]
fn check_options_accept_only_the_vocabulary() {
    let mut args = OPTIONS_NEEDING_CONSENT.to_vec();
    args[4] = "suplier";
    let output = run(&args, None);
    assert_exit(&output, 2);
    let text = stderr(&output);
    assert!(text.contains("suplier") && text.contains("supplier"), "{text}");
    assert!(
        text.contains("fraud_prevention_provider"),
        "the valid values are listed: {text}"
    );
    args.extend(["--lang", "zh-CN"]);
    let text = stderr(&run(&args, None));
    assert!(text.contains("您是否要输入“supplier”？"), "{text}");
}

// ------------------------------------------------------------ clauses

#[test]
fn clauses_prints_the_whole_catalog() {
    let output = run(&["clauses"], None);
    assert_exit(&output, 0);
    let text = stdout(&output);
    for clause in ClauseId::ALL {
        assert!(
            text.contains(&format!("\n{clause}\n  {}\n", clause.label(Language::En))),
            "{clause}"
        );
        assert!(text.contains(clause.passage()), "{clause}");
        let section = clause.section();
        assert!(text.contains(&format!("== {} ({section}) ==", section.label(Language::En))));
    }
}

#[test]
fn clauses_filters_by_section_and_clause_in_chinese() {
    let output = run(&["clauses", "--lang", "zh-CN", "--section", "payment_data"], None);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("== 支付数据 (payment_data) =="), "{text}");
    let shown: Vec<ClauseId> = ClauseId::ALL
        .iter()
        .copied()
        .filter(|c| text.contains(&format!("\n{c}\n")))
        .collect();
    let payment: Vec<ClauseId> = ClauseId::ALL
        .iter()
        .copied()
        .filter(|c| c.section() == Section::PaymentData)
        .collect();
    assert_eq!(shown, payment);
    assert!(text.contains(ClauseId::PaymentSecurityCodeNotRetained.label(Language::ZhCn)));
    // Compliance with law is in the Chinese fragment: its sentence comes
    // first, then the English.
    let output = run(
        &[
            "clauses",
            "--lang",
            "zh-CN",
            "--clause",
            "discovered_prohibited_content",
        ],
        None,
    );
    let text = stdout(&output);
    let zh = ClauseId::DiscoveredProhibitedContent
        .passage_in(Language::ZhCn)
        .unwrap();
    let (zh_at, en_at) = (
        text.find(zh).unwrap(),
        text.find(ClauseId::DiscoveredProhibitedContent.passage()).unwrap(),
    );
    assert!(zh_at < en_at, "{text}");

    let output = run(
        &[
            "clauses",
            "--clause",
            "scope,sharing_overseas_supplier_consent",
            "--json",
        ],
        None,
    );
    assert_exit(&output, 0);
    let entries = json(&output);
    let ids: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["scope", "sharing_overseas_supplier_consent"]);
    assert_eq!(entries[1]["section"], "sharing");
    assert_eq!(
        entries[1]["passage"],
        ClauseId::SharingOverseasSupplierConsent.passage()
    );
    // The scope's sentence is in the Chinese fragment; the overseas
    // supplier's is not.
    assert_eq!(
        entries[0]["passage_zh"].as_str(),
        ClauseId::Scope.passage_in(Language::ZhCn)
    );
    assert!(entries[0]["passage_zh"].as_str().unwrap().contains("本隐私声明适用于"));
    assert!(entries[1]["passage_zh"].is_null());
    assert_eq!(
        entries[1]["title"],
        ClauseId::SharingOverseasSupplierConsent.label(Language::En)
    );
}

#[test]
fn clauses_json_is_the_whole_catalog() {
    let output = run(&["clauses", "--json", "--lang", "zh-CN"], None);
    assert_exit(&output, 0);
    let entries = json(&output);
    assert_eq!(entries.as_array().unwrap().len(), ClauseId::ALL.len());
    for (entry, clause) in entries.as_array().unwrap().iter().zip(ClauseId::ALL) {
        assert_eq!(entry["id"], clause.as_str());
        assert_eq!(entry["title"], clause.label(Language::ZhCn));
        assert_eq!(entry["section_title"], clause.section().label(Language::ZhCn));
    }
}

#[test]
fn clauses_refuses_an_unknown_section_with_a_suggestion() {
    let output = run(&["clauses", "--section", "payment"], None);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("payment_data"), "{}", stderr(&output));
}
