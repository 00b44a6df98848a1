//! The audit's tallies: every line accounted for, every map keyed by the
//! library's enums (or by day), so memory stays bounded by the vocabulary
//! and the log's span, not its length.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use vianet_privacy::wire::WireErrorKind;
use vianet_privacy::{Authorization, ClauseId, Decision, DenyKind, Obligation, Reason, StatementVersion};

use crate::diagnose::Diagnosis;

/// A line that could not be read or decided.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The line of the log, from 1.
    pub line: u64,
    /// What is wrong, where, and the did-you-mean.
    pub diagnosis: Diagnosis,
}

/// A problem as JSON: the log's line, and the diagnosis without its line
/// within the JSON text (always the first of a JSON Lines line).
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            line: u64,
            kind: WireErrorKind,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            field: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            column: Option<usize>,
            #[serde(skip_serializing_if = "Option::is_none")]
            suggestion: Option<&'a str>,
        }
        let d = &self.diagnosis;
        View {
            line: self.line,
            kind: d.kind,
            message: &d.message,
            field: d.field.as_deref(),
            column: d.column,
            suggestion: d.suggestion.as_deref(),
        }
        .serialize(serializer)
    }
}

/// How a recorded decision differs from today's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Recorded as allowed, denied today: a failure.
    AllowNowDeny,
    /// Recorded as denied, allowed today.
    DenyNowAllow,
    /// The same effect, with another clause, reason or obligations.
    Changed,
}

impl Change {
    /// Every kind of change.
    pub const ALL: [Change; 3] = [Change::AllowNowDeny, Change::DenyNowAllow, Change::Changed];

    /// How `recorded` differs from `decided`, if it does.
    pub fn of(recorded: &Decision, decided: &Decision) -> Option<Change> {
        match (recorded.is_allowed(), decided.is_allowed()) {
            _ if recorded == decided => None,
            (true, false) => Some(Change::AllowNowDeny),
            (false, true) => Some(Change::DenyNowAllow),
            _ => Some(Change::Changed),
        }
    }
}

/// A recorded decision that differs from today's.
#[derive(Clone, Debug, Serialize)]
pub struct Disagreement {
    /// The line of the log.
    pub line: u64,
    /// The event's time.
    pub at: DateTime<FixedOffset>,
    /// The log's identifier of the decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_id: Option<String>,
    /// How it differs.
    pub change: Change,
    /// What the log recorded.
    pub recorded: Decision,
    /// What the statement decides today.
    pub decided: Decision,
}

/// Allowed and denied counts.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Outcomes {
    /// Allowed events.
    pub allowed: u64,
    /// Denied events.
    pub denied: u64,
}

impl Outcomes {
    fn add(&mut self, allowed: bool) {
        if allowed {
            self.allowed += 1;
        } else {
            self.denied += 1;
        }
    }

    /// Both.
    pub fn total(self) -> u64 {
        self.allowed + self.denied
    }
}

/// Every tally of the audit.
#[derive(Debug, Default)]
pub struct Summary {
    /// How many listed problems and disagreements to keep (all are counted).
    pub max_listed: usize,
    /// Every line read.
    pub lines: u64,
    /// Lines holding nothing but white space.
    pub blank: u64,
    /// Lines decided.
    pub decided: u64,
    /// Of those, allowed and denied.
    pub outcomes: Outcomes,
    /// Lines that could not be read or decided.
    pub rejected: u64,
    /// The earliest and latest time of the decided events.
    pub first: Option<DateTime<FixedOffset>>,
    /// See `first`.
    pub last: Option<DateTime<FixedOffset>>,
    /// The statement version of the decisions.
    pub statement_version: Option<StatementVersion>,
    /// Outcomes per China Standard Time date.
    pub per_day: BTreeMap<NaiveDate, Outcomes>,
    /// Outcomes per deciding clause.
    pub per_clause: BTreeMap<ClauseId, Outcomes>,
    /// Denials by kind, clause and reason.
    pub denials: BTreeMap<(DenyKind, ClauseId, Reason), u64>,
    /// Denials by kind.
    pub denied_by_kind: BTreeMap<DenyKind, u64>,
    /// The authorizations that would have turned needs-authorization
    /// denials around.
    pub missing: BTreeMap<Authorization, u64>,
    /// The obligations of the allows.
    pub obligations: BTreeMap<Obligation, u64>,
    /// Rejected lines by error kind.
    pub rejected_by_kind: BTreeMap<WireErrorKind, u64>,
    /// The first `max_listed` rejected lines.
    pub problems: Vec<Problem>,
    /// Lines that carry a recorded decision.
    pub recorded: u64,
    /// Recorded decisions that differ from today's, by change.
    pub changes: BTreeMap<Change, u64>,
    /// The first `max_listed` of them.
    pub disagreements: Vec<Disagreement>,
}

impl Summary {
    /// An empty summary that lists at most `max_listed` problems and
    /// disagreements.
    pub fn new(max_listed: usize) -> Summary {
        Summary {
            max_listed,
            ..Summary::default()
        }
    }

    /// A blank line.
    pub fn blank(&mut self) {
        self.blank += 1;
    }

    /// The time of a decided event.
    fn saw(&mut self, at: DateTime<FixedOffset>) {
        if self.first.is_none_or(|first| at < first) {
            self.first = Some(at);
        }
        if self.last.is_none_or(|last| at > last) {
            self.last = Some(at);
        }
    }

    /// A line that could not be read or decided.
    pub fn reject(&mut self, line: u64, kind: WireErrorKind, diagnosis: impl FnOnce() -> Diagnosis) {
        self.rejected += 1;
        *self.rejected_by_kind.entry(kind).or_default() += 1;
        if self.problems.len() < self.max_listed {
            self.problems.push(Problem {
                line,
                diagnosis: diagnosis(),
            });
        }
    }

    /// A decided line; returns how the recorded decision differs, if it does.
    pub fn decided(
        &mut self,
        line: u64,
        at: DateTime<FixedOffset>,
        decision: &Decision,
        recorded: Option<&Decision>,
        decision_id: Option<&str>,
    ) -> Option<Change> {
        self.decided += 1;
        self.saw(at);
        self.statement_version = Some(decision.statement_version());
        self.outcomes.add(decision.is_allowed());
        self.per_day
            .entry(vianet_privacy::time::china_date(at))
            .or_default()
            .add(decision.is_allowed());
        self.per_clause
            .entry(decision.clause())
            .or_default()
            .add(decision.is_allowed());
        match decision {
            Decision::Allow(allow) => {
                for obligation in allow.obligations.iter() {
                    *self.obligations.entry(obligation).or_default() += 1;
                }
            }
            Decision::Deny(deny) => {
                *self.denied_by_kind.entry(deny.kind).or_default() += 1;
                *self.denials.entry((deny.kind, deny.clause, deny.reason)).or_default() += 1;
                for authorization in deny.missing.iter() {
                    *self.missing.entry(authorization).or_default() += 1;
                }
            }
        }
        let recorded = recorded?;
        self.recorded += 1;
        let change = Change::of(recorded, decision)?;
        *self.changes.entry(change).or_default() += 1;
        if self.disagreements.len() < self.max_listed {
            self.disagreements.push(Disagreement {
                line,
                at,
                decision_id: decision_id.map(str::to_owned),
                change,
                recorded: *recorded,
                decided: *decision,
            });
        }
        Some(change)
    }

    /// Adds the summary of the lines that follow this one's (a later part
    /// of the same log, its problems and disagreements numbered in the
    /// whole log): the result is the summary of both parts read in one go.
    pub fn merge(&mut self, later: Summary) {
        fn add<K: Ord>(into: &mut BTreeMap<K, u64>, from: BTreeMap<K, u64>) {
            for (key, count) in from {
                *into.entry(key).or_default() += count;
            }
        }
        fn add_outcomes<K: Ord>(into: &mut BTreeMap<K, Outcomes>, from: BTreeMap<K, Outcomes>) {
            for (key, outcomes) in from {
                let entry = into.entry(key).or_default();
                entry.allowed += outcomes.allowed;
                entry.denied += outcomes.denied;
            }
        }
        self.lines += later.lines;
        self.blank += later.blank;
        self.decided += later.decided;
        self.outcomes.allowed += later.outcomes.allowed;
        self.outcomes.denied += later.outcomes.denied;
        self.rejected += later.rejected;
        for at in later.first.into_iter().chain(later.last) {
            self.saw(at);
        }
        if later.statement_version.is_some() {
            self.statement_version = later.statement_version;
        }
        add_outcomes(&mut self.per_day, later.per_day);
        add_outcomes(&mut self.per_clause, later.per_clause);
        add(&mut self.denials, later.denials);
        add(&mut self.denied_by_kind, later.denied_by_kind);
        add(&mut self.missing, later.missing);
        add(&mut self.obligations, later.obligations);
        add(&mut self.rejected_by_kind, later.rejected_by_kind);
        let room = self.max_listed.saturating_sub(self.problems.len());
        self.problems.extend(later.problems.into_iter().take(room));
        self.recorded += later.recorded;
        add(&mut self.changes, later.changes);
        let room = self.max_listed.saturating_sub(self.disagreements.len());
        self.disagreements.extend(later.disagreements.into_iter().take(room));
    }

    /// Recorded decisions that differ from today's.
    pub fn differing(&self) -> u64 {
        self.changes.values().sum()
    }

    /// Recorded allows that are denied today.
    pub fn allow_now_deny(&self) -> u64 {
        self.changes.get(&Change::AllowNowDeny).copied().unwrap_or(0)
    }

    /// Denials by clause, most first.
    pub fn denied_by_clause(&self) -> Vec<(ClauseId, u64)> {
        let mut by: BTreeMap<ClauseId, u64> = BTreeMap::new();
        for (&(_, clause, _), &count) in &self.denials {
            *by.entry(clause).or_default() += count;
        }
        most_first(by)
    }

    /// Denials by reason, most first.
    pub fn denied_by_reason(&self) -> Vec<(Reason, u64)> {
        let mut by: BTreeMap<Reason, u64> = BTreeMap::new();
        for (&(_, _, reason), &count) in &self.denials {
            *by.entry(reason).or_default() += count;
        }
        most_first(by)
    }

    /// Every day from the first to the last, those without events
    /// included, so that a chart over time shows the gaps (at most a
    /// thousand days; a longer log shows the days it has).
    pub fn days(&self) -> Vec<(NaiveDate, Outcomes)> {
        let (Some(&first), Some(&last)) = (self.per_day.keys().next(), self.per_day.keys().next_back()) else {
            return Vec::new();
        };
        if (last - first).num_days() > 1000 {
            return self.per_day.iter().map(|(&day, &outcomes)| (day, outcomes)).collect();
        }
        first
            .iter_days()
            .take_while(|day| *day <= last)
            .map(|day| (day, self.per_day.get(&day).copied().unwrap_or_default()))
            .collect()
    }

    /// The summary as one JSON object (`docs/cli.md` describes the fields).
    pub fn to_json(&self, source: &str, sample: bool, strict: bool, failed: bool) -> serde_json::Value {
        use serde_json::json;
        let per_day: Vec<_> = self
            .per_day
            .iter()
            .map(|(day, o)| json!({ "date": day.to_string(), "allowed": o.allowed, "denied": o.denied }))
            .collect();
        let per_clause: Vec<_> = self
            .per_clause
            .iter()
            .map(|(clause, o)| {
                json!({ "clause": clause, "section": clause.section(), "allowed": o.allowed, "denied": o.denied })
            })
            .collect();
        let denials: Vec<_> = self
            .denials
            .iter()
            .map(|(&(kind, clause, reason), &count)| {
                json!({ "kind": kind, "clause": clause, "reason": reason, "count": count })
            })
            .collect();
        let mut changes = serde_json::Map::new();
        for change in Change::ALL {
            let count = self.changes.get(&change).copied().unwrap_or(0);
            changes.insert(json!(change).as_str().unwrap_or_default().to_owned(), json!(count));
        }
        json!({
            "source": source,
            "sample": sample,
            "statement_version": self.statement_version.unwrap_or(StatementVersion::CURRENT),
            "lines": self.lines,
            "blank": self.blank,
            "decided": self.decided,
            "allowed": self.outcomes.allowed,
            "denied": self.outcomes.denied,
            "rejected": self.rejected,
            "time_range": match (self.first, self.last) {
                (Some(first), Some(last)) => json!({ "first": first, "last": last }),
                _ => serde_json::Value::Null,
            },
            "per_day": per_day,
            "per_clause": per_clause,
            "denials": denials,
            "denied_by_kind": self.denied_by_kind,
            "missing_authorizations": self.missing,
            "obligations": self.obligations,
            "rejected_by_kind": self.rejected_by_kind,
            "problems": self.problems,
            "problems_not_listed": self.rejected - self.problems.len() as u64,
            "recorded": self.recorded,
            "disagreements": {
                "total": self.differing(),
                "by_change": changes,
                "listed": self.disagreements,
                "not_listed": self.differing() - self.disagreements.len() as u64,
            },
            "strict": strict,
            "failed": failed,
        })
    }
}

fn most_first<K: Copy>(by: BTreeMap<K, u64>) -> Vec<(K, u64)> {
    let mut list: Vec<(K, u64)> = by.into_iter().collect();
    // Stable: equal counts keep the statement's order.
    list.sort_by_key(|item| std::cmp::Reverse(item.1));
    list
}
