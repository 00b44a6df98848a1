//! The HTML report of `audit --html`, rendered in a real browser (headless
//! Chromium) with the network blocked: the page must draw its charts from
//! what it holds.
//!
//! Chromium is required: CI installs it (`.ci/run`); without it this test
//! fails and says so rather than passing silently.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::*;
use vianet_privacy::{wire, AuditRecord};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The charts the page draws, by id.
const CHARTS: [&str; 4] = [
    "chart-outcomes",
    "chart-denials-by-clause",
    "chart-denials-by-reason",
    "chart-disagreements",
];

/// The sample log with a few decision records appended, one of them a
/// recorded allow that is denied today, so every chart has marks.
fn log_with_disagreements(dir: &Path) -> PathBuf {
    let at = chrono::DateTime::parse_from_rfc3339("2024-03-13T18:00:00+08:00").unwrap();
    let allowed = AuditRecord::decide(at, wire::parse_request(ALLOWED).unwrap()).unwrap();
    let denied = AuditRecord::decide(at, wire::parse_request(DENIED).unwrap()).unwrap();
    let mut allow_now_deny = denied.clone().with_decision_id("d-9");
    allow_now_deny.decision = allowed.decision;
    let mut deny_now_allow = allowed.clone();
    deny_now_allow.decision = denied.decision;
    let mut log = std::fs::read_to_string(SAMPLE).unwrap();
    for record in [allowed, denied, allow_now_deny, deny_now_allow] {
        log.push_str(&record.to_json_line().unwrap());
        log.push('\n');
    }
    let path = dir.join("events.jsonl");
    std::fs::write(&path, log).unwrap();
    path
}

/// Runs Chromium headless on `page` with a fresh profile and the network
/// blocked, killing it after two minutes.
fn chromium(page: &Path, profile: &Path, extra: &[String]) -> Output {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: the HTML report test needs Chromium. Install it (Debian: \
         `apt-get update && apt-get install -y chromium`; CI does this in .ci/run)"
    );
    let mut command = Command::new(CHROMIUM);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("chromium starts");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("chromium can be waited for").is_some() {
            return child.wait_with_output().expect("chromium's output");
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The value of `name="…"` in the first tag that holds `tag_marker` (an
/// attribute such as `id="…"`, or the tag's start such as `<body`).
fn attribute(dom: &str, tag_marker: &str, name: &str) -> Option<String> {
    let start = dom.find(tag_marker)?;
    let tag_start = if tag_marker.starts_with('<') {
        start
    } else {
        dom[..start].rfind('<')?
    };
    let tag = &dom[tag_start..tag_start + dom[tag_start..].find('>')?];
    let value = tag.split(&format!("{name}=\"")).nth(1)?;
    Some(value.split('"').next()?.to_owned())
}

#[test]
fn the_html_report_draws_its_charts_in_a_browser_without_network() {
    let dir = temp_dir("html-report");
    let log = log_with_disagreements(&dir);
    let page = dir.join("report.html");
    let output = run(&["audit", arg(&log), "--html", arg(&page)], None);
    // The recorded allow that is denied today fails the audit, after a
    // complete report.
    assert_exit(&output, 1);
    let html = std::fs::read_to_string(&page).expect("the report is written");

    // Self-contained: nothing to fetch.
    for external in ["<link", "src=", "@import", "url(", "http://", "https://"] {
        assert!(
            !html.contains(external),
            "the page refers to something outside it: {external}"
        );
    }
    for chart in CHARTS {
        assert!(html.contains(&format!("id=\"{chart}\"")), "{chart} is missing");
    }

    let dom_output = chromium(
        &page,
        &dir.join("profile-dom"),
        &["--virtual-time-budget=5000".to_owned(), "--dump-dom".to_owned()],
    );
    let dom = String::from_utf8_lossy(&dom_output.stdout);
    assert!(
        dom_output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&dom_output.stderr)
    );
    let drawn = attribute(&dom, "<body", "data-charts-drawn").unwrap_or_else(|| {
        panic!(
            "the page's script did not count its charts:\n{}",
            &dom[..dom.len().min(2000)]
        )
    });
    let drawn: u64 = drawn.parse().expect("data-charts-drawn is a number");
    assert!(drawn > 0, "no chart mark was drawn");
    let mut per_chart = 0;
    for chart in CHARTS {
        let marks: u64 = attribute(&dom, &format!("id=\"{chart}\""), "data-marks-drawn")
            .unwrap_or_else(|| panic!("{chart} is not in the rendered page"))
            .parse()
            .expect("data-marks-drawn is a number");
        assert!(marks > 0, "{chart} drew nothing");
        per_chart += marks;
    }
    assert_eq!(per_chart, drawn);

    // A screenshot a person can look at, kept in cargo's target directory.
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-report.png");
    let _ = std::fs::remove_file(&screenshot);
    let shot = chromium(
        &page,
        &dir.join("profile-shot"),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2000".to_owned(),
        ],
    );
    assert!(
        shot.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let png = std::fs::read(&screenshot).expect("the screenshot is written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "the screenshot is not a PNG");
    assert!(
        png.len() > 50_000,
        "the screenshot is suspiciously small: {} bytes",
        png.len()
    );
}

#[test]
fn the_html_report_speaks_the_chosen_language() {
    let dir = temp_dir("html-report-zh");
    let page = dir.join("report.html");
    let output = run(&["audit", "--lang", "zh-CN", "--html", arg(&page)], None);
    assert_exit(&output, 0);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"zh-CN\">"), "{}", &html[..200]);
    for text in [
        "隐私审计报告",
        "每日判定结果",
        "按条款统计的拒绝",
        "按理由统计的拒绝",
        "与记录决定的不一致",
    ] {
        assert!(html.contains(text), "{text} not in the page");
    }
    assert!(!html.contains("Outcomes per day"));
}
