//! The audit's report for people, on standard output.

use std::fmt::Write;

use vianet_privacy::{ClauseId, Language, StatementVersion};

use super::summary::{Change, Summary};
use crate::messages::{Msg, Tr};

/// A clause as the report cites it: section, title and id.
pub fn clause_ref(clause: ClauseId, language: Language) -> String {
    match language {
        Language::ZhCn => format!(
            "［{}：{}，{clause}］",
            clause.section().label(language),
            clause.label(language)
        ),
        Language::En => format!(
            "[{}: {}, {clause}]",
            clause.section().label(language),
            clause.label(language)
        ),
    }
}

/// A time as the reports show it.
pub fn time(at: chrono::DateTime<chrono::FixedOffset>) -> String {
    at.format("%Y-%m-%d %H:%M:%S %:z").to_string()
}

/// The name of a change between a recorded decision and today's.
pub fn change_label(change: Change, tr: Tr) -> &'static str {
    tr.t(match change {
        Change::AllowNowDeny => Msg::AuditAllowNowDeny,
        Change::DenyNowAllow => Msg::AuditDenyNowAllow,
        Change::Changed => Msg::AuditChanged,
    })
}

/// The verdict line: failed, failed under `--strict`, or passed.
pub fn verdict(summary: &Summary, failed: bool, strict: bool, tr: Tr) -> String {
    let allow_now_deny = summary.allow_now_deny();
    if allow_now_deny > 0 {
        tr.f(Msg::AuditVerdictFailed, &[("count", &allow_now_deny)])
    } else if failed && strict {
        tr.f(
            Msg::AuditVerdictStrictFailed,
            &[
                ("denied", &summary.outcomes.denied),
                ("rejected", &summary.rejected),
                ("differing", &summary.differing()),
            ],
        )
    } else {
        tr.t(Msg::AuditVerdictPassed).to_owned()
    }
}

/// The whole report.
pub fn report(summary: &Summary, source: &str, failed: bool, strict: bool, tr: Tr) -> String {
    let lang = tr.0;
    let mut out = String::new();
    let version = summary.statement_version.unwrap_or(StatementVersion::CURRENT);
    let _ = writeln!(
        out,
        "{}",
        tr.f(
            Msg::AuditTitle,
            &[("source", &source), ("version", &version.label(lang))]
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr.f(
            Msg::AuditLines,
            &[
                ("lines", &summary.lines),
                ("decided", &summary.decided),
                ("allowed", &summary.outcomes.allowed),
                ("denied", &summary.outcomes.denied),
                ("rejected", &summary.rejected),
                ("blank", &summary.blank),
            ]
        )
    );
    match (summary.first, summary.last) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                out,
                "{}",
                tr.f(Msg::AuditTimeRange, &[("first", &time(first)), ("last", &time(last))])
            );
        }
        _ => {
            let _ = writeln!(out, "{}", tr.t(Msg::AuditNoEvents));
        }
    }
    let _ = writeln!(out, "{}", verdict(summary, failed, strict, tr));

    if !summary.per_day.is_empty() {
        let _ = write!(out, "\n{}\n", tr.t(Msg::AuditPerDay));
        for (day, outcomes) in &summary.per_day {
            let _ = writeln!(
                out,
                "  {}",
                tr.f(
                    Msg::AuditDayRow,
                    &[
                        ("date", day),
                        ("allowed", &format!("{:>5}", outcomes.allowed)),
                        ("denied", &format!("{:>4}", outcomes.denied)),
                    ]
                )
            );
        }
    }

    if !summary.per_clause.is_empty() {
        let _ = write!(out, "\n{}\n", tr.t(Msg::AuditPerClause));
        for (&clause, outcomes) in &summary.per_clause {
            let _ = writeln!(
                out,
                "  {}",
                tr.f(
                    Msg::AuditClauseRow,
                    &[
                        ("allowed", &format!("{:>5}", outcomes.allowed)),
                        ("denied", &format!("{:>4}", outcomes.denied)),
                        ("clause", &clause_ref(clause, lang)),
                    ]
                )
            );
        }
    }

    if !summary.denials.is_empty() {
        let _ = write!(out, "\n{}\n", tr.t(Msg::AuditDenials));
        for (&kind, &total) in &summary.denied_by_kind {
            let _ = if tr.zh() {
                writeln!(out, "  {}（{kind}）：{total}", kind.label(lang))
            } else {
                writeln!(out, "  {} ({kind}): {total}", kind.label(lang))
            };
            for (&(_, clause, reason), &count) in summary.denials.iter().filter(|(key, _)| key.0 == kind) {
                let _ = writeln!(
                    out,
                    "    {count:>6}  {} {}",
                    reason.text(lang),
                    clause_ref(clause, lang)
                );
            }
        }
    }

    if !summary.missing.is_empty() {
        let _ = write!(out, "\n{}\n", tr.t(Msg::AuditMissing));
        for (&authorization, &count) in &summary.missing {
            let _ = writeln!(out, "    {count:>6}  {} ({authorization})", authorization.label(lang));
        }
    }

    if !summary.obligations.is_empty() {
        let _ = write!(out, "\n{}\n", tr.t(Msg::AuditObligations));
        for (&obligation, &count) in &summary.obligations {
            let _ = writeln!(
                out,
                "    {count:>6}  {} ({})",
                obligation.label(lang),
                obligation.as_str()
            );
        }
    }

    if summary.rejected > 0 {
        let _ = write!(
            out,
            "\n{}\n",
            tr.f(
                Msg::AuditProblems,
                &[("count", &summary.rejected), ("listed", &summary.problems.len())]
            )
        );
        for problem in &summary.problems {
            let d = &problem.diagnosis;
            let _ = writeln!(
                out,
                "  {}",
                tr.f(
                    Msg::AuditProblemLine,
                    &[("line", &problem.line), ("kind", &d.kind), ("message", &d.message)]
                )
            );
            let mut details = Vec::new();
            if let Some(location) = d.location(tr, false) {
                details.push(location);
            }
            if let Some(hint) = d.hint(tr) {
                details.push(hint);
            }
            if !details.is_empty() {
                let _ = writeln!(out, "      {}", details.join(if tr.zh() { "；" } else { "; " }));
            }
        }
        let more = summary.rejected - summary.problems.len() as u64;
        if more > 0 {
            let _ = writeln!(out, "  {}", tr.f(Msg::AuditMore, &[("count", &more)]));
        }
    }

    let _ = write!(
        out,
        "\n{}\n",
        tr.f(Msg::AuditDisagreements, &[("count", &summary.differing())])
    );
    if summary.recorded == 0 {
        let _ = writeln!(out, "  {}", tr.t(Msg::AuditNoRecorded));
    } else if summary.differing() == 0 {
        let _ = writeln!(
            out,
            "  {}",
            tr.f(Msg::AuditRecordedAgree, &[("count", &summary.recorded)])
        );
    } else {
        for change in Change::ALL {
            if let Some(count) = summary.changes.get(&change) {
                let colon = if tr.zh() { "：" } else { ": " };
                let _ = writeln!(out, "  {}{colon}{count}", change_label(change, tr));
            }
        }
        for d in &summary.disagreements {
            let _ = writeln!(
                out,
                "  {}",
                tr.f(
                    Msg::AuditDisagreementLine,
                    &[("line", &d.line), ("change", &change_label(d.change, tr))]
                )
            );
            let colon = if tr.zh() { "：" } else { ": " };
            let _ = writeln!(
                out,
                "      {}{colon}{}",
                tr.t(Msg::AuditRecorded),
                d.recorded.explain(lang)
            );
            let _ = writeln!(
                out,
                "      {}{colon}{}",
                tr.t(Msg::AuditDecidedToday),
                d.decided.explain(lang)
            );
        }
        let more = summary.differing() - summary.disagreements.len() as u64;
        if more > 0 {
            let _ = writeln!(out, "  {}", tr.f(Msg::AuditMore, &[("count", &more)]));
        }
    }
    out
}
