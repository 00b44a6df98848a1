//! The playground page in a real browser (headless Chromium): the page
//! loads from the service, builds its form from the vocabulary, asks for
//! the decision of the request its link names, and shows the decision,
//! the clause's text in English and Chinese, and the obligations, in the
//! language the link names. A screenshot of each language is kept in
//! `target/test-artifacts/`.
//!
//! Chromium is required: CI installs it (`.ci/run`); without it this test
//! fails and says so rather than passing silently.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::*;
use vianet_privacy::{ClauseId, Language, Obligation};
use vianet_privacy_server::Config;

const CHROMIUM: &str = "/usr/bin/chromium";

/// A supplier using agents' diagnostic data to improve the service: an
/// allow under a clause whose text the statement's Chinese fragment has.
const ALLOW_QUERY: &str = "service=azure&party=supplier&action=use&data=agent_diagnostic_data&purpose=improve_service&location=mainland_china";

/// The same for advertising: a deny under the same clause.
const DENY_QUERY: &str =
    "service=azure&party=supplier&action=use&data=agent_diagnostic_data&purpose=advertising&location=mainland_china";

/// Runs Chromium headless on `url` with a fresh profile, the network
/// limited to the loopback service, killing it after two minutes.
fn chromium(url: &str, profile: &Path, extra: &[String]) -> Output {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: the playground test needs Chromium. Install it (Debian: \
         `apt-get update && apt-get install -y chromium`; CI does this in .ci/run)"
    );
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Names resolve to nothing but the service's loopback address,
            // and anything not on loopback goes to a proxy that is not
            // there: the page has the service only.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--proxy-server=127.0.0.1:9",
            "--window-size=1280,1000",
            // Virtual time runs the page's script to its end (it waits
            // while the page's fetches are pending).
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
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

/// The page's DOM after its script ran.
async fn dom(url: String, profile: PathBuf) -> String {
    let output = tokio::task::spawn_blocking(move || chromium(&url, &profile, &["--dump-dom".to_owned()]))
        .await
        .unwrap();
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("a UTF-8 DOM")
}

/// The value of `name="…"` in the first tag that holds `marker`.
fn attribute(dom: &str, marker: &str, name: &str) -> Option<String> {
    let start = dom.find(marker)?;
    let tag_start = if marker.starts_with('<') {
        start
    } else {
        dom[..start].rfind('<')?
    };
    let tag = &dom[tag_start..tag_start + dom[tag_start..].find('>')?];
    let value = tag.split(&format!(" {name}=\"")).nth(1)?;
    Some(value.split('"').next()?.to_owned())
}

/// The text inside the element with `id` (up to its first child tag or
/// its end), with the five XML entities undone.
fn text_of(dom: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let start = dom.find(&marker).unwrap_or_else(|| panic!("no #{id} in the page"));
    let open_end = start + dom[start..].find('>').unwrap() + 1;
    let end = open_end + dom[open_end..].find('<').unwrap();
    dom[open_end..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Where screenshots are kept: `target/test-artifacts/`.
fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory")
        .join("test-artifacts");
    std::fs::create_dir_all(&dir).expect("the artifacts directory");
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_playground_shows_the_decision_its_clause_in_both_languages_and_the_obligations() {
    let server = start("playground", Config::default()).await;
    let base = format!("http://{}", server.addr);
    let clause = ClauseId::LocalSoftwareDiagnostics;
    let chinese = clause
        .passage_in(Language::ZhCn)
        .expect("the clause has its Chinese text");

    // English: the allow, its clause and its obligations.
    let page = dom(format!("{base}/?{ALLOW_QUERY}&lang=en"), server.dir.join("profile-en")).await;
    assert_eq!(
        attribute(&page, "<body", "data-state").as_deref(),
        Some("decided"),
        "{page}"
    );
    assert_eq!(attribute(&page, "<body", "data-effect").as_deref(), Some("allow"));
    assert_eq!(
        attribute(&page, "<body", "data-clause").as_deref(),
        Some(clause.as_str())
    );
    assert_eq!(attribute(&page, "<html", "lang").as_deref(), Some("en"));
    assert_eq!(text_of(&page, "effect"), "Allowed");
    assert_eq!(text_of(&page, "clause-id"), clause.as_str());
    assert_eq!(text_of(&page, "clause-title"), clause.label(Language::En));
    assert_eq!(text_of(&page, "passage-en"), clause.passage());
    assert_eq!(text_of(&page, "passage-zh"), chinese);
    for duty in [Obligation::KeepConfidential, Obligation::UseOnlyForEngagedPurpose] {
        assert!(
            page.contains(&format!("{} <code>{}</code>", duty.label(Language::En), duty.as_str())),
            "{duty} is not listed"
        );
    }
    // The decision the page shows is the one the service logged.
    let logged = server.decision_lines();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(logged[0].contains(&format!("\"decision_id\":\"{}\"", text_of(&page, "decision-id"))));

    // Chinese: the deny, in Chinese, with both texts of the clause.
    let page = dom(
        format!("{base}/?{DENY_QUERY}&lang=zh-CN"),
        server.dir.join("profile-zh"),
    )
    .await;
    assert_eq!(
        attribute(&page, "<body", "data-effect").as_deref(),
        Some("deny"),
        "{page}"
    );
    assert_eq!(
        attribute(&page, "<body", "data-clause").as_deref(),
        Some(clause.as_str())
    );
    assert_eq!(attribute(&page, "<html", "lang").as_deref(), Some("zh-CN"));
    assert_eq!(text_of(&page, "effect"), "拒绝");
    assert_eq!(text_of(&page, "clause-title"), clause.label(Language::ZhCn));
    assert_eq!(text_of(&page, "passage-zh"), chinese);
    assert_eq!(text_of(&page, "passage-en"), clause.passage());
    assert_eq!(
        text_of(&page, "deny-kind"),
        vianet_privacy::DenyKind::Forbidden.label(Language::ZhCn)
    );
    assert!(page.contains("无义务。"), "a deny has no obligations");

    // A link with a value that is not in the vocabulary is not decided:
    // the page shows the service's error, never an allow.
    let page = dom(
        format!(
            "{base}/?{}&lang=en",
            ALLOW_QUERY.replace("party=supplier", "party=regulator")
        ),
        server.dir.join("profile-bad"),
    )
    .await;
    assert_eq!(
        attribute(&page, "<body", "data-state").as_deref(),
        Some("error"),
        "{page}"
    );
    assert!(text_of(&page, "error-kind").contains("unknown_value"), "{page}");
    assert!(text_of(&page, "error-expected").contains("supplier"));
    assert!(!page.contains("data-effect=\"allow\""));

    // Screenshots for a person to look at.
    for (name, query) in [
        ("playground-en.png", format!("{ALLOW_QUERY}&lang=en")),
        ("playground-zh-CN.png", format!("{DENY_QUERY}&lang=zh-CN")),
    ] {
        let path = artifacts().join(name);
        let _ = std::fs::remove_file(&path);
        let url = format!("{base}/?{query}");
        let profile = server.dir.join(format!("profile-{name}"));
        let shot_path = path.clone();
        let output = tokio::task::spawn_blocking(move || {
            chromium(&url, &profile, &[format!("--screenshot={}", shot_path.display())])
        })
        .await
        .unwrap();
        assert!(
            output.status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let png = std::fs::read(&path).expect("the screenshot is written");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is not a PNG");
        assert!(png.len() > 50_000, "{name} is suspiciously small: {} bytes", png.len());
    }
    server.stop().await;
}
