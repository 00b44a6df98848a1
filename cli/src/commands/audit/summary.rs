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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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
    pub per_clause: Tally<ClauseId, Outcomes>,
    /// Denials by kind, clause and reason.
    pub denials: BTreeMap<(DenyKind, ClauseId, Reason), u64>,
    /// Denials by kind.
    pub denied_by_kind: Tally<DenyKind, u64>,
    /// The authorizations that would have turned needs-authorization
    /// denials around.
    pub missing: Tally<Authorization, u64>,
    /// The obligations of the allows.
    pub obligations: Tally<Obligation, u64>,
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
    /// The last line's China Standard Time day (days since 1970) and date.
    last_day: Option<(i64, NaiveDate)>,
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
    /// `vianet_privacy::time::china_date`, looked up once a day: a log's
    /// lines come a day at a time.
    fn china_date(&mut self, at: DateTime<FixedOffset>) -> NaiveDate {
        let offset = i64::from(vianet_privacy::CHINA_STANDARD_TIME.local_minus_utc());
        let day = (at.timestamp() + offset).div_euclid(86_400);
        match self.last_day {
            Some((last, date)) if last == day => date,
            _ => {
                let date = vianet_privacy::time::china_date(at);
                self.last_day = Some((day, date));
                date
            }
        }
    }

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
        let day = self.china_date(at);
        self.per_day.entry(day).or_default().add(decision.is_allowed());
        self.per_clause
            .count(decision.clause(), |outcomes| outcomes.add(decision.is_allowed()));
        match decision {
            Decision::Allow(allow) => {
                for obligation in allow.obligations.iter() {
                    self.obligations.count(obligation, |count| *count += 1);
                }
            }
            Decision::Deny(deny) => {
                self.denied_by_kind.count(deny.kind, |count| *count += 1);
                *self.denials.entry((deny.kind, deny.clause, deny.reason)).or_default() += 1;
                for authorization in deny.missing.iter() {
                    self.missing.count(authorization, |count| *count += 1);
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
        self.per_clause.merge(&later.per_clause, |into, from| {
            into.allowed += from.allowed;
            into.denied += from.denied;
        });
        add(&mut self.denials, later.denials);
        self.denied_by_kind
            .merge(&later.denied_by_kind, |into, from| *into += from);
        self.missing.merge(&later.missing, |into, from| *into += from);
        self.obligations.merge(&later.obligations, |into, from| *into += from);
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

/// The vocabularies a [`Tally`] counts by: each value has a slot, its
/// position in the vocabulary (the order of its `Ord` too).
pub trait Keyed: Copy + 'static {
    const ALL: &'static [Self];
    fn index(self) -> usize;
}

macro_rules! keyed {
    ($($ty:ty),+) => {$(
        impl Keyed for $ty {
            const ALL: &'static [Self] = <$ty>::ALL;
            fn index(self) -> usize {
                <$ty>::index(self)
            }
        }
    )+};
}

keyed!(ClauseId, Obligation, Authorization, DenyKind);

/// Counts by a vocabulary's value, a slot per value: counting a line is
/// an index, not a search of a map (the audit counts each line's clause
/// and obligations). Listed, and written as a JSON object, in the
/// vocabulary's order, leaving out the values never counted: what a
/// `BTreeMap` of the same keys gives.
#[derive(Clone, Debug)]
pub struct Tally<K, V> {
    counts: Vec<V>,
    keys: std::marker::PhantomData<K>,
}

impl<K: Keyed, V: Default + Clone> Default for Tally<K, V> {
    fn default() -> Self {
        Tally {
            counts: vec![V::default(); K::ALL.len()],
            keys: std::marker::PhantomData,
        }
    }
}

impl<K: Keyed, V: Default + Clone + PartialEq> Tally<K, V> {
    /// Counts `key`: `add` changes its slot (every value has one).
    pub fn count(&mut self, key: K, add: impl FnOnce(&mut V)) {
        if let Some(slot) = self.counts.get_mut(key.index()) {
            add(slot);
        }
    }

    /// The values counted, with their counts, in the vocabulary's order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static K, &V)> + '_ {
        let zero = V::default();
        K::ALL
            .iter()
            .zip(&self.counts)
            .filter(move |(_, count)| **count != zero)
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// Adds a later part's counts.
    fn merge(&mut self, later: &Tally<K, V>, add: impl Fn(&mut V, &V)) {
        for (into, from) in self.counts.iter_mut().zip(&later.counts) {
            add(into, from);
        }
    }
}

impl<'a, K: Keyed, V: Default + Clone + PartialEq> IntoIterator for &'a Tally<K, V> {
    type Item = (&'static K, &'a V);
    type IntoIter = Box<dyn Iterator<Item = (&'static K, &'a V)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<K: Keyed + Serialize, V: Default + Clone + PartialEq + Serialize> Serialize for Tally<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

fn most_first<K: Copy>(by: BTreeMap<K, u64>) -> Vec<(K, u64)> {
    let mut list: Vec<(K, u64)> = by.into_iter().collect();
    // Stable: equal counts keep the statement's order.
    list.sort_by_key(|item| std::cmp::Reverse(item.1));
    list
}
