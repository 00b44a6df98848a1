//! The service over loopback: every route, its answers and its errors,
//! and the decision log each decision is written to before it is answered.

mod support;

use std::time::Duration;

use support::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use vianet_privacy::{wire, AuditRecord, ClauseId, Language};
use vianet_privacy_server::{Config, LogTarget};

/// Every answered decision is in the decision log, as an audit record
/// with its id, the request and the decision; and nothing else is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_is_answered_with_its_id_after_its_audit_record_is_logged() {
    let server = start("decide", Config::default()).await;
    let allowed = post(server.addr, "/v1/decide", ALLOWED).await;
    assert_eq!(allowed.status, 200, "{}", allowed.text());
    assert_eq!(allowed.header("content-type"), Some("application/json"));
    let allowed = allowed.json();
    assert_eq!(allowed["decision"]["effect"], "allow");
    assert_eq!(allowed["decision"]["clause"], "customer_data_overseas_access");
    assert!(allowed["decision"]["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|duty| duty == "supervise_overseas_access"));

    let denied = post(server.addr, "/v1/decide", DENIED).await.json();
    assert_eq!(denied["decision"]["effect"], "deny");
    assert_ne!(allowed["decision_id"], denied["decision_id"]);

    // The log holds exactly these two, in the audit record format, each
    // with its request, its decision and the statement version.
    let lines = server.decision_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    for (line, (answer, request)) in lines.iter().zip([(&allowed, ALLOWED), (&denied, DENIED)]) {
        let record = AuditRecord::from_json_line(line).expect("an audit record");
        assert_eq!(record.decision_id.as_deref(), answer["decision_id"].as_str());
        assert_eq!(record.request, wire::parse_request(request).unwrap());
        assert_eq!(
            record.decision,
            wire::parse_decision(answer["decision"].to_string()).unwrap()
        );
        assert_eq!(record.decision, vianet_privacy::decide(&record.request).unwrap());
        let raw: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(raw["statement_version"], "2020-12-01");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_is_answered_in_order_and_logged_line_by_line() {
    let server = start("batch", Config::default()).await;
    let body = format!("[{ALLOWED}, {DENIED}, {ALLOWED}]");
    let answer = post(server.addr, "/v1/decide", &body).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let answer = answer.json();
    let decisions = answer["decisions"].as_array().unwrap();
    let effects: Vec<&str> = decisions
        .iter()
        .map(|item| item["decision"]["effect"].as_str().unwrap())
        .collect();
    assert_eq!(effects, ["allow", "deny", "allow"]);
    let lines = server.decision_lines();
    assert_eq!(lines.len(), 3);
    for (line, item) in lines.iter().zip(decisions) {
        let record = AuditRecord::from_json_line(line).unwrap();
        assert_eq!(record.decision_id.as_deref(), item["decision_id"].as_str());
    }
    // An empty batch decides nothing and logs nothing.
    let empty = post(server.addr, "/v1/decide", "[]").await;
    assert_eq!(
        (empty.status, empty.json()["decisions"].as_array().unwrap().len()),
        (200, 0)
    );
    assert_eq!(server.decision_lines().len(), 3);
    server.stop().await;
}

/// Malformed input is a 400 with the error's kind, where it is and what
/// would have been accepted; it is never an allow, and never logged as a
/// decision.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_a_400_naming_the_error_the_path_and_the_valid_values() {
    let server = start("bad-input", Config::default()).await;
    let unknown = post(
        server.addr,
        "/v1/decide",
        r#"{"service": "azure", "party": "regulator"}"#,
    )
    .await;
    assert_eq!(unknown.status, 400);
    let error = &unknown.json()["error"];
    assert_eq!(error["kind"], "unknown_value");
    assert_eq!(error["path"], "party");
    assert_eq!(error["name"], "regulator");
    assert!(error["expected"]
        .as_array()
        .unwrap()
        .iter()
        .any(|name| name == "authority"));

    // In a batch: which request, and where in the body.
    let body = format!("[{ALLOWED},\n {}]", ALLOWED.replace("\"supplier\"", "\"suplier\""));
    let error = post(server.addr, "/v1/decide", &body).await.json()["error"].clone();
    assert_eq!(
        (error["kind"].as_str(), error["item"].as_u64()),
        (Some("unknown_value"), Some(1))
    );
    assert_eq!(error["path"], "[1].party");
    // ALLOWED spans two lines: the second request starts on line 3.
    assert_eq!(error["line"], 3);

    let cases: &[(&str, &str)] = &[
        ("", "syntax"),
        ("{", "syntax"),
        ("null", "invalid_value"),
        ("[1]", "invalid_value"),
        (r#"{"service": "azure"}"#, "missing_field"),
        (
            &ALLOWED.replace("\"service\"", "\"colour\": 1, \"service\"")[..],
            "unknown_field",
        ),
        (
            &ALLOWED.replace("\"service\"", "\"service\": \"azure\", \"service\"")[..],
            "duplicate_field",
        ),
        (&format!("{ALLOWED} trailing"), "syntax"),
        (
            &ALLOWED.replace("}", r#", "at": "2019-06-01T09:00:00+08:00"}"#),
            "before_statement_in_force",
        ),
    ];
    for (body, kind) in cases {
        let answer = post(server.addr, "/v1/decide", body).await;
        assert_eq!(answer.status, 400, "{body}: {}", answer.text());
        assert_eq!(answer.json()["error"]["kind"], *kind, "{body}");
        assert!(answer.json().get("decision").is_none());
    }
    assert!(server.decision_lines().is_empty());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limits_are_413_431_and_408_and_named() {
    let mut config = Config::default();
    config.limits.max_body_bytes = 2048;
    config.limits.max_batch = 3;
    config.limits.body_timeout = Duration::from_millis(300);
    config.limits.header_timeout = Duration::from_millis(300);
    let server = start("limits", config).await;

    let big = format!("[{}]", [ALLOWED; 20].join(","));
    let answer = post(server.addr, "/v1/decide", &big).await;
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (413, Some("body_too_large"))
    );

    let batch = format!("[{}]", [DENIED; 4].join(","));
    let answer = post(server.addr, "/v1/decide", &batch).await;
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (413, Some("batch_too_large"))
    );

    // A chunked body that grows past the limit, without a content-length.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let chunk = "x".repeat(1500);
    let request = format!(
        "POST /v1/decide HTTP/1.1\r\nhost: l\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{chunk}\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        chunk.len(),
        chunk.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = read_answer(&mut tokio::io::BufReader::new(stream)).await.unwrap();
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (413, Some("body_too_large"))
    );

    let huge_header = format!(
        "GET /healthz HTTP/1.1\r\nhost: l\r\nx-pad: {}\r\n\r\n",
        "a".repeat(40_000)
    );
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let _ = stream.write_all(huge_header.as_bytes()).await;
    let answer = read_answer(&mut tokio::io::BufReader::new(stream)).await.unwrap();
    assert_eq!(answer.status, 431);

    // A body that stops coming.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /v1/decide HTTP/1.1\r\nhost: l\r\ncontent-length: {}\r\n\r\n",
        ALLOWED.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&ALLOWED.as_bytes()[..10]).await.unwrap();
    let answer = read_answer(&mut tokio::io::BufReader::new(stream)).await.unwrap();
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (408, Some("body_timeout"))
    );

    // Headers that stop coming.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST /v1/decide HTTP/1.1\r\nhost: l\r\n")
        .await
        .unwrap();
    let answer = read_answer(&mut tokio::io::BufReader::new(stream)).await.unwrap();
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (408, Some("header_timeout"))
    );

    // A kept-alive connection left idle is closed, without an answer
    // that a client could take for the answer to its next request.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(&request_bytes("GET", "/healthz", b"")).await.unwrap();
    let mut reader = tokio::io::BufReader::new(stream);
    assert_eq!(read_answer(&mut reader).await.unwrap().status, 200);
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), reader.read_to_end(&mut rest)).await;
    assert!(
        matches!(read, Ok(Ok(0))),
        "{read:?}: {}",
        String::from_utf8_lossy(&rest)
    );

    assert!(server.decision_lines().is_empty());
    let metrics = get(server.addr, "/metrics").await.text();
    for kind in ["body_too_large", "batch_too_large", "body_timeout", "header_timeout"] {
        assert!(
            metrics.contains(&format!("vianet_request_errors_total{{kind=\"{kind}\"}} ")),
            "{kind} is not counted:\n{metrics}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_methods_are_typed_404_and_405() {
    let server = start("routes", Config::default()).await;
    let answer = get(server.addr, "/v2/decide").await;
    assert_eq!(
        (answer.status, answer.json()["error"]["kind"].as_str()),
        (404, Some("not_found"))
    );
    let answer = get(server.addr, "/v1/decide").await;
    assert_eq!(answer.status, 405);
    assert_eq!(answer.header("allow"), Some("POST"));
    assert_eq!(answer.json()["error"]["kind"], "method_not_allowed");
    let answer = post(server.addr, "/metrics", "{}").await;
    assert_eq!((answer.status, answer.header("allow")), (405, Some("GET")));
    server.stop().await;
}

/// The other parts of the statement, each on its route; each answer is
/// logged in the record log with what was asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_kind_of_the_library_has_its_route() {
    let server = start("kinds", Config::default()).await;
    let compliance = post(
        server.addr,
        "/v1/compliance",
        r#"{"activity": "serve_website", "website": "non_operational", "subject_to_permit_or_approval": false,
            "authorizations": ["non_operational_website_filing"],
            "records_kept": ["information_provided", "time_of_publishing", "internet_address_or_domain_name"]}"#,
    )
    .await
    .json();
    assert_eq!(compliance["decision"]["clause"], "non_operational_website_filing");
    assert_eq!(compliance["decision"]["effect"], "allow");

    let subject = post(
        server.addr,
        "/v1/subject-requests",
        r#"{"requester": "customer", "kind": "access", "identity_verified_at": "2024-03-01T09:00:00+08:00",
            "at": "2024-03-05T09:00:00+08:00"}"#,
    )
    .await
    .json();
    assert_eq!(subject["decision"]["effect"], "allow");
    assert_eq!(subject["decision"]["obligations"][0], "respond_by_due_date");
    assert_eq!(subject["due_date"], "2024-03-31");

    let refusal = post(
        server.addr,
        "/v1/subject-requests/refusals",
        r#"{"requester": "customer", "kind": "access", "ground": "trade_secrets"}"#,
    )
    .await
    .json();
    assert_eq!(refusal["decision"]["clause"], "managing_refusal_trade_secrets");

    let change = post(
        server.addr,
        "/v1/statement-changes",
        r#"{"substantial": true, "takes_effect": "2024-04-01",
            "notice": {"channel": "direct_notification", "given_at": "2024-03-01"}}"#,
    )
    .await
    .json();
    assert_eq!(change["decision"]["clause"], "changes_substantial_notice");

    let incident = post(server.addr, "/v1/incidents", r#"{"kinds": ["cyber_security"]}"#)
        .await
        .json();
    assert_eq!(incident["clauses"][0], "protection_cyber_security_incident");
    assert!(incident["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == "report_incident_to_authorities"));

    // Each read as strictly as a request.
    let bad: &[(&str, &str, &str, &str)] = &[
        (
            "/v1/subject-requests",
            r#"{"requester": "customer", "kind": "acess", "at": "2024-03-05"}"#,
            "unknown_value",
            "kind",
        ),
        (
            "/v1/subject-requests",
            r#"{"requester": "customer", "kind": "access"}"#,
            "missing_field",
            "at",
        ),
        (
            "/v1/subject-requests/refusals",
            r#"{"requester": "customer", "kind": "access", "ground": "x", "y": 1}"#,
            "unknown_field",
            "y",
        ),
        (
            "/v1/statement-changes",
            r#"{"substantial": "yes", "takes_effect": "2024-04-01"}"#,
            "invalid_value",
            "substantial",
        ),
        (
            "/v1/statement-changes",
            r#"{"substantial": true, "takes_effect": "2024-04-01", "notice": {"channel": "fax", "given_at": "2024-03-01"}}"#,
            "unknown_value",
            "notice.channel",
        ),
        ("/v1/incidents", r#"{"kinds": []}"#, "invalid_value", "kinds"),
        (
            "/v1/incidents",
            r#"{"kinds": ["cyber_security", "cyber_security"]}"#,
            "duplicate_value",
            "kinds[1]",
        ),
        (
            "/v1/compliance",
            r#"{"activity": "publish", "colour": 1}"#,
            "unknown_field",
            "colour",
        ),
    ];
    for (path, body, kind, at) in bad {
        let answer = post(server.addr, path, body).await;
        assert_eq!(answer.status, 400, "{path} {body}: {}", answer.text());
        let error = &answer.json()["error"];
        assert_eq!(
            (error["kind"].as_str(), error["path"].as_str()),
            (Some(*kind), Some(*at)),
            "{path} {body}"
        );
    }

    let records = server.record_lines();
    let endpoints: Vec<String> = records
        .iter()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["endpoint"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        endpoints,
        [
            "compliance",
            "subject_request",
            "refusal",
            "statement_change",
            "incident"
        ]
    );
    let first: serde_json::Value = serde_json::from_str(&records[0]).unwrap();
    assert_eq!(first["decision_id"], compliance["decision_id"]);
    assert_eq!(first["input"]["activity"], "serve_website");
    assert!(
        server.decision_lines().is_empty(),
        "only /v1/decide writes the decision log"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_vocabulary_health_and_metrics_are_served() {
    let server = start("catalog", Config::default()).await;
    let clauses = get(server.addr, "/v1/clauses").await.json();
    let clauses = clauses.as_array().unwrap();
    assert_eq!(clauses.len(), ClauseId::ALL.len());
    let overseas = clauses
        .iter()
        .find(|c| c["id"] == "customer_data_overseas_access")
        .unwrap();
    let clause: ClauseId = "customer_data_overseas_access".parse().unwrap();
    assert_eq!(overseas["passage"]["en"], clause.passage());
    assert_eq!(
        overseas["passage"]["zh-CN"].as_str(),
        clause.passage_in(Language::ZhCn),
        "the Chinese passage, where the Chinese text has one"
    );
    assert!(
        clauses.iter().any(|c| c["passage"]["zh-CN"].is_string()),
        "some clause has its Chinese text"
    );

    let vocabulary = get(server.addr, "/v1/vocabulary").await.json();
    assert!(vocabulary["party"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["value"] == "supplier" && p["zh-CN"] == "供应商或分包商"));

    let health = get(server.addr, "/healthz").await;
    assert_eq!((health.status, health.json()["status"].as_str()), (200, Some("ok")));

    post(server.addr, "/v1/decide", ALLOWED).await;
    post(server.addr, "/v1/decide", DENIED).await;
    post(server.addr, "/v1/decide", "{").await;
    let metrics = get(server.addr, "/metrics").await;
    assert!(
        metrics
            .header("content-type")
            .unwrap()
            .starts_with("application/openmetrics-text")
            || metrics.header("content-type").unwrap().starts_with("text/plain")
    );
    let text = metrics.text();
    let denied = vianet_privacy::decide(&wire::parse_request(DENIED).unwrap()).unwrap();
    for expected in [
        "vianet_decisions_total{endpoint=\"decide\",effect=\"allow\",clause=\"customer_data_overseas_access\",deny_kind=\"\"} 1".to_owned(),
        format!(
            "vianet_decisions_total{{endpoint=\"decide\",effect=\"deny\",clause=\"{}\",deny_kind=\"{}\"}} 1",
            denied.clause().as_str(),
            denied.deny_kind().unwrap().as_str()
        ),
        "vianet_request_errors_total{kind=\"syntax\"} 1".to_owned(),
        "vianet_http_request_duration_seconds_count{endpoint=\"decide\"} 3".to_owned(),
        "vianet_decision_log_lines_total{log=\"decisions\"} 2".to_owned(),
    ] {
        assert!(text.contains(&expected), "missing `{expected}` in:\n{text}");
    }
    server.stop().await;
}

/// A decision that cannot be logged is not given: `503`, and health says
/// the log is failing. (`/dev/full` refuses every write.)
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_decision_whose_log_line_cannot_be_written_is_not_given() {
    let mut config = Config::default();
    config.decision_log = LogTarget::File("/dev/full".into());
    let server = start("log-fails", config).await;
    let answer = post(server.addr, "/v1/decide", ALLOWED).await;
    assert_eq!(answer.status, 503, "{}", answer.text());
    let body = answer.json();
    assert_eq!(body["error"]["kind"], "decision_log_failed");
    assert!(body.get("decision").is_none() && !answer.text().contains("\"allow\""));
    let health = get(server.addr, "/healthz").await;
    assert_eq!(
        (health.status, health.json()["decision_log"].as_str()),
        (503, Some("failing"))
    );
    server.stop().await;
}

/// On shutdown the service stops accepting, answers (and logs) the request
/// in flight, and returns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_finishes_the_requests_in_flight() {
    let mut server = start("shutdown", Config::default()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let request = request_bytes("POST", "/v1/decide", ALLOWED.as_bytes());
    let (head, rest) = request.split_at(request.len() - 20);
    stream.write_all(head).await.unwrap();
    // Let the service read the headers, then stop it mid-body.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = server.begin_stop();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!stopping.is_finished(), "the service waits for the request in flight");
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "no new connection is accepted once the shutdown began"
    );
    stream.write_all(rest).await.unwrap();
    let answer = read_answer(&mut tokio::io::BufReader::new(stream)).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["decision"]["effect"], "allow");
    tokio::time::timeout(Duration::from_secs(5), stopping)
        .await
        .expect("the service stops once the request is answered")
        .unwrap()
        .unwrap();
    let lines = server.decision_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(
        AuditRecord::from_json_line(&lines[0]).unwrap().decision_id.as_deref(),
        answer.json()["decision_id"].as_str()
    );
}
