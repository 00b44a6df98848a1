//! The audit as one self-contained HTML page for a compliance officer:
//! inline CSS, inline SVG charts and one small inline script, nothing
//! fetched from the network.
//!
//! The script only counts: once the page is laid out it counts the chart
//! marks drawn with a non-zero size (`getBoundingClientRect`) and writes
//! the count into `<body data-charts-drawn="N">` and each chart's
//! `data-marks-drawn`, so a test in a real browser can check that the
//! charts are drawn. The charts themselves need no script.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use vianet_privacy::StatementVersion;

use super::summary::{Change, Summary};
use super::text::{change_label, time, verdict};
use crate::messages::{Msg, Tr};

const CSS: &str = r#"
:root{--allow:#2f855a;--deny:#c53030;--amber:#b7791f;--blue:#2b6cb0;--ink:#1a202c;--muted:#4a5568;--faint:#718096;--line:#e2e8f0;--bg:#f4f6f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei","Liberation Sans",Arial,sans-serif}
header{background:#1a365d;color:#fff;padding:28px 0 24px}
.wrap{max-width:1160px;margin:0 auto;padding:0 32px}
header h1{margin:0 0 6px;font-size:26px;font-weight:650;letter-spacing:.2px}
header p{margin:2px 0;color:#d6e0ef;font-size:14px}
header code{color:#fff;background:rgba(255,255,255,.12);padding:1px 6px;border-radius:4px}
main{padding:24px 0 8px}
.status{display:flex;gap:12px;align-items:center;border-radius:8px;padding:14px 18px;margin:0 0 20px;font-weight:600;border:1px solid}
.status.ok{background:#f0fff4;border-color:#9ae6b4;color:#22543d}
.status.fail{background:#fff5f5;border-color:#feb2b2;color:#742a2a}
.status b{font-size:20px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:0 0 20px}
.kpi{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.kpi .v{display:block;font-size:28px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.2}
.kpi .l{color:var(--muted);font-size:13px}
.kpi.allow .v{color:var(--allow)}.kpi.deny .v{color:var(--deny)}.kpi.warn .v{color:var(--amber)}
.period{color:var(--muted);margin:-8px 0 20px;font-size:14px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 20px}
figure.card{margin:0 0 20px}
h2{font-size:18px;margin:0 0 4px}
.note{color:var(--faint);font-size:13px;margin:0 0 12px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.grid{margin:0 0 20px}.grid>.card{margin:0}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
.legend{display:flex;gap:18px;font-size:13px;color:var(--muted);margin:0 0 6px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
svg.time{width:100%;height:auto;display:block}
svg text{font-size:11px;fill:#4a5568;font-family:inherit}
svg .grid-line{stroke:#e2e8f0;stroke-width:1}
svg .axis{stroke:#a0aec0;stroke-width:1}
.allowed{fill:var(--allow)}.denied{fill:var(--deny)}
.bars{display:grid;grid-template-columns:minmax(180px,46%) 1fr 44px;gap:8px 12px;align-items:center}
.bars .label{font-size:13px;line-height:1.35}
.bars .label code{display:block;color:var(--faint);font-size:11px}
.bars svg{width:100%;height:16px;display:block}
.bars .n{text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
.c-allow_now_deny{fill:var(--deny)}.c-deny_now_allow{fill:var(--amber)}.c-changed{fill:var(--blue)}
.empty{color:var(--faint);font-style:italic;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:13px;background:#f7fafc}
th::first-letter{text-transform:uppercase}
td.time{white-space:nowrap}td.change{min-width:9em}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td code,li code{font-size:12px;color:var(--muted)}
.tag{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.tag.forbidden{background:#fed7d7;color:#822727}.tag.not_permitted{background:#feebc8;color:#7b341e}.tag.needs_authorization{background:#fefcbf;color:#744210}
.tag.allow{background:#c6f6d5;color:#22543d}.tag.deny{background:#fed7d7;color:#822727}
.more{color:var(--muted);font-size:13px;margin:8px 0 0}
footer{color:var(--faint);font-size:12px;padding:8px 0 32px}
@media print{body{background:#fff}.card,.kpi{break-inside:avoid}header{background:#fff;color:#000}header p{color:#333}}
"#;

const SCRIPT: &str = r#"
(function () {
  function count() {
    var total = 0;
    document.querySelectorAll("figure.chart").forEach(function (chart) {
      var drawn = 0;
      chart.querySelectorAll(".mark").forEach(function (mark) {
        var box = mark.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) { drawn += 1; }
      });
      chart.setAttribute("data-marks-drawn", String(drawn));
      total += drawn;
    });
    document.body.setAttribute("data-charts-drawn", String(total));
  }
  if (document.readyState === "complete") { count(); } else { window.addEventListener("load", count); }
})();
"#;

/// A round step for an axis: 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw <= 1.0 {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

fn number(value: f64) -> String {
    format!("{value:.1}")
}

/// Outcomes per day: stacked bars, allowed below, denied above.
fn outcomes_chart(summary: &Summary, tr: Tr) -> Markup {
    let days = summary.days();
    let (width, height) = (960.0, 280.0);
    let (left, right, top, bottom) = (48.0, 12.0, 14.0, 44.0);
    let (plot_w, plot_h) = (width - left - right, height - top - bottom);
    let max = days.iter().map(|(_, o)| o.total()).max().unwrap_or(0) as f64;
    let step = nice_step(max / 4.0);
    let top_value = (step * (max / step).ceil()).max(step);
    let scale = plot_h / top_value;
    let slot = plot_w / days.len().max(1) as f64;
    let bar = (slot * 0.72).max(1.0);
    let label_every = if days.len() <= 16 { 1 } else { days.len().div_ceil(12) };
    let ticks: Vec<f64> = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|value| *value <= top_value + 0.5)
        .collect();
    let base = top + plot_h;
    html! {
        figure.chart.card id="chart-outcomes" data-chart="outcomes" {
            h2 { (tr.t(Msg::HtmlOutcomesOverTime)) }
            p.note { (tr.t(Msg::HtmlOutcomesNote)) }
            @if days.is_empty() {
                p.empty { (tr.t(Msg::HtmlNothingToDraw)) }
            } @else {
                div.legend {
                    span { i style="background:var(--allow)" {} (tr.t(Msg::HtmlAllowed)) }
                    span { i style="background:var(--deny)" {} (tr.t(Msg::HtmlDenied)) }
                }
                svg.time viewBox=(format!("0 0 {width} {height}")) role="img" aria-label=(tr.t(Msg::HtmlOutcomesOverTime)) {
                    @for tick in &ticks {
                        @let y = base - tick * scale;
                        line.grid-line x1=(left) x2=(width - right) y1=(number(y)) y2=(number(y)) {}
                        text x=(left - 8.0) y=(number(y + 4.0)) text-anchor="end" { (tick) }
                    }
                    line.axis x1=(left) x2=(width - right) y1=(base) y2=(base) {}
                    @for (i, (day, outcomes)) in days.iter().enumerate() {
                        @let x = left + slot * i as f64 + (slot - bar) / 2.0;
                        @let allowed_h = outcomes.allowed as f64 * scale;
                        @let denied_h = outcomes.denied as f64 * scale;
                        @let tip = tr.f(Msg::HtmlDayTip, &[("date", day), ("allowed", &outcomes.allowed), ("denied", &outcomes.denied)]);
                        @if outcomes.allowed > 0 {
                            rect.mark.allowed x=(number(x)) y=(number(base - allowed_h)) width=(number(bar)) height=(number(allowed_h)) {
                                title { (tip) }
                            }
                        }
                        @if outcomes.denied > 0 {
                            rect.mark.denied x=(number(x)) y=(number(base - allowed_h - denied_h)) width=(number(bar)) height=(number(denied_h)) {
                                title { (tip) }
                            }
                        }
                        @if i % label_every == 0 {
                            text x=(number(x + bar / 2.0)) y=(base + 18.0) text-anchor="middle" { (day.format("%m-%d")) }
                        }
                    }
                    text x=(left) y=(height - 6.0) { (tr.t(Msg::HtmlDate)) }
                }
            }
        }
    }
}

/// A horizontal bar chart: one row per item, label, bar and count.
fn bar_chart(id: &str, title: &str, note: &str, empty: &str, rows: &[(String, String, u64, &str)]) -> Markup {
    let max = rows.iter().map(|row| row.2).max().unwrap_or(0).max(1) as f64;
    html! {
        figure.chart.card id=(format!("chart-{id}")) data-chart=(id) {
            h2 { (title) }
            p.note { (note) }
            @if rows.is_empty() {
                p.empty { (empty) }
            } @else {
                div.bars {
                    @for (label, code, count, class) in rows {
                        div.label { (label) code { (code) } }
                        svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=(format!("{label}: {count}")) {
                            rect class=(format!("mark {class}")) x="0" y="0" height="10" width=(number((*count as f64 / max * 100.0).max(0.5))) {
                                title { (label) ": " (count) }
                            }
                        }
                        div.n { (count) }
                    }
                }
            }
        }
    }
}

/// The whole page.
pub fn report(summary: &Summary, source: &str, failed: bool, strict: bool, tr: Tr) -> String {
    let lang = tr.0;
    let version = summary.statement_version.unwrap_or(StatementVersion::CURRENT);
    let by_clause: Vec<(String, String, u64, &str)> = summary
        .denied_by_clause()
        .into_iter()
        .map(|(clause, count)| {
            (
                clause.label(lang).to_owned(),
                clause.as_str().to_owned(),
                count,
                "denied",
            )
        })
        .collect();
    let by_reason: Vec<(String, String, u64, &str)> = summary
        .denied_by_reason()
        .into_iter()
        .map(|(reason, count)| {
            (
                reason.text(lang).to_owned(),
                reason.as_str().to_owned(),
                count,
                "denied",
            )
        })
        .collect();
    let changes: Vec<(String, String, u64, &str)> = Change::ALL
        .iter()
        .filter_map(|&change| {
            let count = summary.changes.get(&change).copied()?;
            let class = match change {
                Change::AllowNowDeny => "c-allow_now_deny",
                Change::DenyNowAllow => "c-deny_now_allow",
                Change::Changed => "c-changed",
            };
            let code = serde_json::to_value(change)
                .ok()
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default();
            Some((change_label(change, tr).to_owned(), code, count, class))
        })
        .collect();
    let disagreement_empty = if summary.recorded == 0 {
        tr.t(Msg::AuditNoRecorded).to_owned()
    } else {
        tr.f(Msg::AuditRecordedAgree, &[("count", &summary.recorded)])
    };
    let kpis = [
        (tr.t(Msg::HtmlLines), summary.lines, ""),
        (tr.t(Msg::HtmlDecided), summary.decided, ""),
        (tr.t(Msg::HtmlAllowed), summary.outcomes.allowed, "allow"),
        (tr.t(Msg::HtmlDenied), summary.outcomes.denied, "deny"),
        (tr.t(Msg::HtmlRejected), summary.rejected, "warn"),
        (tr.t(Msg::HtmlBlank), summary.blank, ""),
        (tr.t(Msg::HtmlDisagreements), summary.differing(), "warn"),
    ];
    let page = html! {
        (DOCTYPE)
        html lang=(lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (tr.t(Msg::HtmlTitle)) " · " (source) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    div.wrap {
                        h1 { (tr.t(Msg::HtmlTitle)) }
                        p { (tr.f(Msg::AuditTitle, &[("source", &source), ("version", &version.label(lang))])) }
                    }
                }
                main.wrap {
                    div.status.(if failed { "fail" } else { "ok" }) {
                        b { (if failed { "✗" } else { "✓" }) }
                        span { (verdict(summary, failed, strict, tr)) }
                    }
                    div.kpis {
                        @for (label, value, class) in &kpis {
                            div.kpi.(class) { span.v { (value) } span.l { (label) } }
                        }
                    }
                    p.period {
                        @match (summary.first, summary.last) {
                            (Some(first), Some(last)) => (tr.f(Msg::AuditTimeRange, &[("first", &time(first)), ("last", &time(last))])),
                            _ => (tr.t(Msg::AuditNoEvents)),
                        }
                    }
                    (outcomes_chart(summary, tr))
                    div.grid {
                        (bar_chart("denials-by-clause", tr.t(Msg::HtmlDeniesByClause), tr.t(Msg::HtmlDeniesByClauseNote), tr.t(Msg::HtmlNoDenials), &by_clause))
                        (bar_chart("denials-by-reason", tr.t(Msg::HtmlDeniesByReason), tr.t(Msg::HtmlDeniesByReasonNote), tr.t(Msg::HtmlNoDenials), &by_reason))
                    }
                    (bar_chart("disagreements", tr.t(Msg::HtmlDisagreementsChart), tr.t(Msg::HtmlDisagreementsNote), &disagreement_empty, &changes))
                    @if !summary.disagreements.is_empty() {
                        section.card {
                            h2 { (tr.f(Msg::AuditDisagreements, &[("count", &summary.differing())])) }
                            table {
                                thead { tr { th.n { (tr.t(Msg::HtmlLine)) } th { (tr.t(Msg::HtmlTime)) } th { (tr.t(Msg::HtmlChange)) } th { (tr.t(Msg::AuditRecorded)) } th { (tr.t(Msg::AuditDecidedToday)) } } }
                                tbody {
                                    @for d in &summary.disagreements {
                                        tr {
                                            td.n { (d.line) }
                                            td.time { (time(d.at)) @if let Some(id) = &d.decision_id { br; code { (id) } } }
                                            td.change { (change_label(d.change, tr)) }
                                            td { (d.recorded.explain(lang)) }
                                            td { (d.decided.explain(lang)) }
                                        }
                                    }
                                }
                            }
                            @let more = summary.differing() - summary.disagreements.len() as u64;
                            @if more > 0 { p.more { (tr.f(Msg::AuditMore, &[("count", &more)])) } }
                        }
                    }
                    section.card {
                        h2 { (tr.t(Msg::HtmlDenialsTable)) }
                        @if summary.denials.is_empty() {
                            p.empty { (tr.t(Msg::HtmlNoDenials)) }
                        } @else {
                            table {
                                thead { tr { th { (tr.t(Msg::HtmlKind)) } th { (tr.t(Msg::HtmlReason)) } th { (tr.t(Msg::HtmlClause)) } th.n { (tr.t(Msg::HtmlCount)) } } }
                                tbody {
                                    @for (&(kind, clause, reason), &count) in &summary.denials {
                                        tr {
                                            td { span.tag.(kind.as_str()) { (kind.label(lang)) } }
                                            td { (reason.text(lang)) }
                                            td { (clause.label(lang)) br; code { (clause.as_str()) } }
                                            td.n { (count) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    div.grid {
                        section.card {
                            h2 { (tr.t(Msg::AuditMissing)) }
                            @if summary.missing.is_empty() {
                                p.empty { (tr.t(Msg::HtmlNone)) }
                            } @else {
                                table {
                                    thead { tr { th { (tr.t(Msg::HtmlAuthorization)) } th.n { (tr.t(Msg::HtmlCount)) } } }
                                    tbody {
                                        @for (&authorization, &count) in &summary.missing {
                                            tr { td { (authorization.label(lang)) br; code { (authorization.as_str()) } } td.n { (count) } }
                                        }
                                    }
                                }
                            }
                        }
                        section.card {
                            h2 { (tr.t(Msg::AuditObligations)) }
                            @if summary.obligations.is_empty() {
                                p.empty { (tr.t(Msg::HtmlNone)) }
                            } @else {
                                table {
                                    thead { tr { th { (tr.t(Msg::HtmlObligation)) } th.n { (tr.t(Msg::HtmlCount)) } } }
                                    tbody {
                                        @for (&obligation, &count) in &summary.obligations {
                                            tr { td { (obligation.label(lang)) br; code { (obligation.as_str()) } } td.n { (count) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    section.card {
                        h2 { (tr.t(Msg::AuditPerClause)) }
                        table {
                            thead { tr { th { (tr.t(Msg::HtmlClause)) } th { (tr.t(Msg::HtmlSection)) } th.n { (tr.t(Msg::HtmlAllowed)) } th.n { (tr.t(Msg::HtmlDenied)) } } }
                            tbody {
                                @for (&clause, outcomes) in &summary.per_clause {
                                    tr {
                                        td { (clause.label(lang)) br; code { (clause.as_str()) } }
                                        td { (clause.section().label(lang)) }
                                        td.n { (outcomes.allowed) }
                                        td.n { (outcomes.denied) }
                                    }
                                }
                            }
                        }
                    }
                    section.card id="problems" {
                        h2 { (tr.f(Msg::AuditProblems, &[("count", &summary.rejected), ("listed", &summary.problems.len())])) }
                        @if summary.problems.is_empty() {
                            p.empty { (tr.t(Msg::HtmlNone)) }
                        } @else {
                            table {
                                thead { tr { th.n { (tr.t(Msg::HtmlLine)) } th { (tr.t(Msg::HtmlKind)) } th { (tr.t(Msg::HtmlProblem)) } } }
                                tbody {
                                    @for problem in &summary.problems {
                                        @let d = &problem.diagnosis;
                                        tr {
                                            td.n { (problem.line) }
                                            td { (d.kind.label(lang)) br; code { (d.kind.as_str()) } }
                                            td {
                                                (d.message)
                                                @if let Some(location) = d.location(tr, false) { br; code { (location) } }
                                                @if let Some(hint) = d.hint(tr) { br; strong { (hint) } }
                                            }
                                        }
                                    }
                                }
                            }
                            @let more = summary.rejected - summary.problems.len() as u64;
                            @if more > 0 { p.more { (tr.f(Msg::AuditMore, &[("count", &more)])) } }
                        }
                    }
                }
                footer.wrap { (tr.f(Msg::HtmlFooter, &[("version", &env!("CARGO_PKG_VERSION"))])) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    page.into_string()
}
