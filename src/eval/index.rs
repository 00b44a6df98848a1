//! The decision index: the statement's rules, precomputed at compile time
//! into bit masks, so that a decision is a handful of table loads and bit
//! operations instead of a walk over every rule.
//!
//! The linear evaluation ([`super::linear`]) reads every limit, then the
//! permissions in order, testing each rule against the request. Here the
//! same rules are numbered, once and for all, in one 128-bit *rule space*:
//! the limits first (in the evaluator's order), then the permissions (in
//! order), then the limits' exceptions. At compile time:
//!
//! * for every value of each of the five scope dimensions (data element,
//!   action, party, purpose, location), a table holds the mask of the rules
//!   whose scope contains that value: AND the five masks and you have the
//!   rules in scope;
//! * for the authorizations (in nibbles of four), tables hold the rules
//!   whose `all_of` lacks one of the absent authorizations and the rules
//!   whose `any_of` holds one of the present ones: two ORs and an AND give
//!   the rules whose needs are met;
//! * for the objections, the limits that apply given those objections;
//! * for each limit with exceptions, the mask of its exceptions.
//!
//! A decision is then: the limits in scope, that apply, and that none of
//! their exceptions (in scope, needs met) lifts; if any, the first denies
//! (built by the evaluator's own `apply_limit`). Otherwise the first
//! permission in scope with its needs met allows (built by the evaluator's
//! own `allow`). Otherwise the near miss, then the section's fallback, as in
//! the evaluator. No branch on strings, no allocation, no lock, no hashing:
//! the tables are `static` data, a few kilobytes.
//!
//! The tests check that this index and the linear evaluator
//! ([`crate::decide_reference`]) agree on every combination of the five
//! dimensions, with varied authorizations, circumstances and objections.
//! If [`Scope`] ever gains a dimension, it needs a table here too (the
//! agreement test will say so).

use super::apply::{apply_limit, deny_unpermitted, near, Applying};
use crate::statement;
use crate::statement::rule::{Evaluated, Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, AuthorizationSet, Circumstance, ClauseId, DataElement, DenyKind, Location, Objection, Party, Purpose,
    Reason, Request,
};

/// How many rules of each kind there are (summing the sections' slices).
const fn count<T>(groups: &[&[T]]) -> usize {
    let mut total = 0;
    let mut rest = groups;
    while let [first, tail @ ..] = rest {
        total += first.len();
        rest = tail;
    }
    total
}

/// How many exceptions the limits have, and how many limits have any.
const fn count_exceptions() -> (usize, usize) {
    let mut exceptions = 0;
    let mut limits_with = 0;
    let mut groups = statement::LIMITS;
    while let [group, more_groups @ ..] = groups {
        let mut rules = *group;
        while let [rule, more_rules @ ..] = rules {
            exceptions += rule.unless.len();
            if !rule.unless.is_empty() {
                limits_with += 1;
            }
            rules = more_rules;
        }
        groups = more_groups;
    }
    (exceptions, limits_with)
}

const LIMIT_COUNT: usize = count(statement::LIMITS);
const PERMIT_COUNT: usize = count(statement::PERMITS);
const EXCEPTION_COUNT: usize = count_exceptions().0;
const LIMITS_WITH_EXCEPTIONS: usize = count_exceptions().1;

/// Where the permissions start in the rule space.
const FIRST_PERMIT: usize = LIMIT_COUNT;
/// Where the exceptions start in the rule space.
const FIRST_EXCEPTION: usize = LIMIT_COUNT + PERMIT_COUNT;

// The rule space is 128 bits; if the statement ever outgrows it, this fails
// the build (not a decision).
const _: () = assert!(LIMIT_COUNT + PERMIT_COUNT + EXCEPTION_COUNT <= 128);

/// The bits of `count` rules starting at `first`.
const fn range(first: usize, count: usize) -> u128 {
    if count == 0 {
        0
    } else {
        (u128::MAX >> (128 - count)) << first
    }
}

const LIMIT_BITS: u128 = range(0, LIMIT_COUNT);
const PERMIT_BITS: u128 = range(FIRST_PERMIT, PERMIT_COUNT);

/// Placeholders, overwritten by the flatteners (every slot is filled).
const NO_LIMIT: Limit = Limit::new(
    ClauseId::Scope,
    Scope::ANY,
    DenyKind::NotPermitted,
    Reason::CustomerDataUseLimited,
);
const NO_PERMIT: Permit = Permit::new(ClauseId::Scope, Scope::ANY, Reason::CustomerDataUseLimited);
const NO_EXCEPTION: Exception = Exception {
    scope: Scope::ANY,
    needs: Needs::NOTHING,
};

// The table builders below run only in `static` initializers, so the
// compiler evaluates them: an index out of bounds there is a build error,
// never a panic at run time.

/// `const fn $name() -> [$rule; $count]`: the statement's groups of rules
/// (`$groups`), flat, in order.
macro_rules! flatten {
    ($name:ident, $groups:expr, $rule:ty, $count:expr, $none:expr) => {
        #[allow(clippy::indexing_slicing)]
        const fn $name() -> [$rule; $count] {
            let mut out = [$none; $count];
            let mut i = 0;
            let mut groups = $groups;
            while let [group, more_groups @ ..] = groups {
                let mut rules = *group;
                while let [rule, more_rules @ ..] = rules {
                    out[i] = *rule;
                    i += 1;
                    rules = more_rules;
                }
                groups = more_groups;
            }
            out
        }
    };
}

flatten!(flatten_limits, statement::LIMITS, Limit, LIMIT_COUNT, NO_LIMIT);
flatten!(flatten_permits, statement::PERMITS, Permit, PERMIT_COUNT, NO_PERMIT);

/// The exceptions, flat, and for each limit with exceptions: its bit and
/// the mask of its exceptions.
#[allow(clippy::indexing_slicing)]
const fn flatten_exceptions() -> ([Exception; EXCEPTION_COUNT], [(u32, u128); LIMITS_WITH_EXCEPTIONS]) {
    let mut exceptions = [NO_EXCEPTION; EXCEPTION_COUNT];
    let mut owners = [(0u32, 0u128); LIMITS_WITH_EXCEPTIONS];
    let mut e = 0;
    let mut o = 0;
    let mut l = 0;
    let limits = flatten_limits();
    while l < LIMIT_COUNT {
        let limit = &limits[l];
        if !limit.unless.is_empty() {
            let mut mask = 0u128;
            let mut rest = limit.unless;
            while let [exception, tail @ ..] = rest {
                exceptions[e] = *exception;
                mask |= 1u128 << (FIRST_EXCEPTION + e);
                e += 1;
                rest = tail;
            }
            owners[o] = (l as u32, mask);
            o += 1;
        }
        l += 1;
    }
    (exceptions, owners)
}

/// The limits, flat, in the evaluator's order: bit `i` (the `const` is for
/// building tables, the `static` for deciding).
const LIMIT_TABLE: [Limit; LIMIT_COUNT] = flatten_limits();
static LIMITS: [Limit; LIMIT_COUNT] = LIMIT_TABLE;

/// The permissions, flat, in the evaluator's order: bit `FIRST_PERMIT + i`.
const PERMIT_TABLE: [Permit; PERMIT_COUNT] = flatten_permits();
static PERMITS: [Permit; PERMIT_COUNT] = PERMIT_TABLE;

/// The exceptions: bit `FIRST_EXCEPTION + i`.
const EXCEPTIONS: [Exception; EXCEPTION_COUNT] = flatten_exceptions().0;

/// For each limit with exceptions: its bit, and its exceptions' bits.
static RESCUES: [(u32, u128); LIMITS_WITH_EXCEPTIONS] = flatten_exceptions().1;

/// The mask of the rules (limits, permissions, exceptions) whose scope
/// satisfies `pick` for the value being tabulated.
macro_rules! scope_mask {
    (|$scope:ident| $test:expr) => {{
        let (limits, permits, exceptions) = (&LIMIT_TABLE, &PERMIT_TABLE, &EXCEPTIONS);
        let mut mask = 0u128;
        let mut i = 0;
        while i < LIMIT_COUNT {
            let $scope = &limits[i].scope;
            if $test {
                mask |= 1u128 << i;
            }
            i += 1;
        }
        let mut i = 0;
        while i < PERMIT_COUNT {
            let $scope = &permits[i].scope;
            if $test {
                mask |= 1u128 << (FIRST_PERMIT + i);
            }
            i += 1;
        }
        let mut i = 0;
        while i < EXCEPTION_COUNT {
            let $scope = &exceptions[i].scope;
            if $test {
                mask |= 1u128 << (FIRST_EXCEPTION + i);
            }
            i += 1;
        }
        mask
    }};
}

/// The masks of one dimension, by value index.
macro_rules! dimension_table {
    ($vocabulary:ident, $field:ident) => {{
        let mut table = [0u128; $vocabulary::ALL.len()];
        let mut values = $vocabulary::ALL;
        while let [value, more_values @ ..] = values {
            table[value.index()] = scope_mask!(|scope| scope.$field.contains(*value));
            values = more_values;
        }
        table
    }};
}

/// The mask of the permissions and exceptions whose needs satisfy `test`.
macro_rules! needs_mask {
    (|$needs:ident| $test:expr) => {{
        let (permits, exceptions) = (&PERMIT_TABLE, &EXCEPTIONS);
        let mut mask = 0u128;
        let mut i = 0;
        while i < PERMIT_COUNT {
            let $needs = &permits[i].needs;
            if $test {
                mask |= 1u128 << (FIRST_PERMIT + i);
            }
            i += 1;
        }
        let mut i = 0;
        while i < EXCEPTION_COUNT {
            let $needs = &exceptions[i].needs;
            if $test {
                mask |= 1u128 << (FIRST_EXCEPTION + i);
            }
            i += 1;
        }
        mask
    }};
}

/// Authorizations are looked up four at a time: nibble `n` of the set's
/// bits indexes table `n`, as many nibbles as there are authorizations.
const NIBBLES: usize = crate::Authorization::ALL.len().div_ceil(4);

/// The rules needing (in `all_of`, if `all`; else in `any_of`) one of the
/// authorizations of `nibble` whose bits are set in `x`.
#[allow(clippy::indexing_slicing)]
const fn needing(nibble: usize, x: usize, all: bool) -> u128 {
    let mut mask = 0u128;
    let mut j = 0;
    while j < 4 {
        let position = nibble * 4 + j;
        if x >> j & 1 == 1 && position < crate::Authorization::ALL.len() {
            let authorization = crate::Authorization::ALL[position];
            mask |= if all {
                needs_mask!(|needs| needs.all_of.contains(authorization))
            } else {
                needs_mask!(|needs| needs.any_of.contains(authorization))
            };
        }
        j += 1;
    }
    mask
}

#[allow(clippy::indexing_slicing)]
const fn needs_tables(all: bool) -> [[u128; 16]; NIBBLES] {
    let mut tables = [[0u128; 16]; NIBBLES];
    let mut nibble = 0;
    while nibble < NIBBLES {
        let mut x = 0;
        while x < 16 {
            tables[nibble][x] = needing(nibble, x, all);
            x += 1;
        }
        nibble += 1;
    }
    tables
}

/// The limits that apply given the request's objections (those that need
/// none, and those that need one the request has), by the objections' bits.
#[allow(clippy::indexing_slicing)]
const fn objection_table() -> [u128; 1 << Objection::ALL.len()] {
    let mut table = [0u128; 1 << Objection::ALL.len()];
    let limits = &LIMIT_TABLE;
    let mut x = 0;
    while x < table.len() {
        let mut i = 0;
        while i < LIMIT_COUNT {
            let objections = limits[i].objections;
            let mut applies = objections.is_empty();
            let mut j = 0;
            while j < Objection::ALL.len() {
                if x >> j & 1 == 1 && objections.contains(Objection::ALL[j]) {
                    applies = true;
                }
                j += 1;
            }
            if applies {
                table[x] |= 1u128 << i;
            }
            i += 1;
        }
        x += 1;
    }
    table
}

/// The permissions and exceptions each circumstance satisfies.
#[allow(clippy::indexing_slicing)]
const fn circumstance_table() -> [u128; Circumstance::ALL.len()] {
    let mut table = [0u128; Circumstance::ALL.len()];
    let mut values = Circumstance::ALL;
    while let [value, more_values @ ..] = values {
        table[value.index()] = needs_mask!(|needs| needs.circumstances.contains(*value));
        values = more_values;
    }
    table
}

/// Every table, in one place.
struct Index {
    data: [u128; DataElement::ALL.len()],
    actions: [u128; Action::ALL.len()],
    parties: [u128; Party::ALL.len()],
    purposes: [u128; Purpose::ALL.len()],
    locations: [u128; Location::ALL.len()],
    /// By absent authorizations: the rules whose `all_of` is not met.
    lacking: [[u128; 16]; NIBBLES],
    /// By present authorizations: the rules one of whose `any_of` is there.
    offered: [[u128; 16]; NIBBLES],
    /// The rules with no alternatives to meet (empty `any_of`, no
    /// circumstances).
    no_alternatives: u128,
    /// By circumstance: the rules it satisfies.
    circumstances: [u128; Circumstance::ALL.len()],
    /// By objections: the limits that apply.
    objections: [u128; 1 << Objection::ALL.len()],
}

#[allow(clippy::indexing_slicing)]
const fn build() -> Index {
    Index {
        data: dimension_table!(DataElement, data),
        actions: dimension_table!(Action, actions),
        parties: dimension_table!(Party, parties),
        purposes: dimension_table!(Purpose, purposes),
        locations: dimension_table!(Location, locations),
        lacking: needs_tables(true),
        offered: needs_tables(false),
        no_alternatives: needs_mask!(|needs| needs.any_of.is_empty() && needs.circumstances.is_empty()),
        circumstances: circumstance_table(),
        objections: objection_table(),
    }
}

static INDEX: Index = build();

/// One table load. Every index used is below the table's length by
/// construction (an enum's position, a masked nibble), so the compiler drops
/// the bounds check; were it not, the load gives no rule, and the request
/// is denied (fail closed).
#[inline(always)]
fn load(table: &[u128], index: usize) -> u128 {
    match table.get(index) {
        Some(mask) => *mask,
        None => 0,
    }
}

/// The rules in scope of the request.
#[inline(always)]
fn in_scope(request: &Request) -> u128 {
    load(&INDEX.data, request.data.index())
        & load(&INDEX.actions, request.action.index())
        & load(&INDEX.parties, request.party.index())
        & load(&INDEX.purposes, request.purpose.index())
        & load(&INDEX.locations, request.location.index())
}

/// The permissions and exceptions whose needs the request meets.
#[inline(always)]
fn needs_met(request: &Request) -> u128 {
    let present = request.authorizations.bits() as usize;
    let absent = !present;
    let mut lacking = 0u128;
    let mut offered = 0u128;
    let mut nibble = 0;
    while nibble < NIBBLES {
        let shift = nibble * 4;
        if let (Some(lack), Some(offer)) = (INDEX.lacking.get(nibble), INDEX.offered.get(nibble)) {
            lacking |= load(lack, absent >> shift & 0xf);
            offered |= load(offer, present >> shift & 0xf);
        }
        nibble += 1;
    }
    let circumstance = match request.circumstance {
        Some(circumstance) => load(&INDEX.circumstances, circumstance.index()),
        None => 0,
    };
    !lacking & (INDEX.no_alternatives | offered | circumstance)
}

/// Decides a checked request through the index. Same answer as
/// the linear evaluation ([`super::linear`]).
#[inline]
pub(crate) fn evaluate(request: &Request) -> Evaluated {
    let mut read_one_by_one = 0;
    run(request, &mut read_one_by_one)
}

/// The index evaluation, counting the rules it reads one by one (the count
/// is dead code in [`evaluate`] and compiled away).
#[inline(always)]
fn run(request: &Request, read: &mut u32) -> Evaluated {
    // The ends of things (a closed account, a terminated service, an ended
    // trial) deny before the limits, as in the linear evaluator.
    if let Some(deny) = statement::time_limits(request) {
        return Evaluated::deny(deny);
    }
    let scope = in_scope(request);
    let met = scope & needs_met(request);

    // Limits: in scope, applying given the objections, and not lifted by
    // one of their exceptions (in scope, needs met).
    let mut lifted = 0u128;
    for &(limit, exceptions) in &RESCUES {
        lifted |= u128::from(met & exceptions != 0) << limit;
    }
    let objections = load(&INDEX.objections, usize::from(request.objections.bits()));
    let denying = scope & LIMIT_BITS & objections & !lifted;
    if denying != 0 {
        if let Some(limit) = LIMITS.get(denying.trailing_zeros() as usize) {
            *read += 1 + limit.unless.len() as u32;
            if let Some(deny) = apply_limit(limit, request) {
                return Evaluated::deny(deny);
            }
        }
    }

    // What the ends of things still allow (retention, deletion), after the
    // limits, as in the linear evaluator.
    if let Some(allow) = statement::time_permits(request) {
        return allow;
    }

    // Permissions: every one in scope with its needs met applies; the
    // first gives the clause, all of them their duties.
    let mut allowing = met & PERMIT_BITS;
    let mut applying = Applying::NONE;
    while allowing != 0 {
        let bit = allowing.trailing_zeros() as usize;
        allowing &= allowing - 1;
        if let Some(permit) = bit.checked_sub(FIRST_PERMIT).and_then(|i| PERMITS.get(i)) {
            *read += 1;
            applying.add(permit);
        }
    }
    if let Some(allow) = applying.allow(request) {
        return allow;
    }

    // The near miss: the first permission in scope gives the clause and
    // reason; all of them, what is missing.
    let mut in_scope = scope & PERMIT_BITS;
    let mut near_miss: Option<&'static Permit> = None;
    let mut missing = AuthorizationSet::EMPTY;
    while in_scope != 0 {
        let bit = in_scope.trailing_zeros() as usize;
        in_scope &= in_scope - 1;
        if let Some(permit) = bit.checked_sub(FIRST_PERMIT).and_then(|i| PERMITS.get(i)) {
            *read += 1;
            near(permit, request, &mut near_miss, &mut missing);
        }
    }
    Evaluated::deny(deny_unpermitted(near_miss, missing, request))
}

/// How many rules the indexed decision of `request` reads one by one after
/// the table lookups (the denying limit and its exceptions, the allowing
/// permission, or every permission of a near miss): the measure of its
/// cost, used by the benchmarks to find the most expensive request. Not
/// part of the stable API.
///
/// ```
/// use vianet_privacy::{rules_visited, Action, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Use,
///     DataElement::CustomerContent,
///     Purpose::ProvideService,
///     Location::MainlandChina,
/// );
/// assert_eq!(rules_visited(&request), 1); // the permission that allows it
/// ```
#[doc(hidden)]
pub fn rules_visited(request: &Request) -> u32 {
    let mut read = 0;
    let _decision = run(request, &mut read);
    read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Authorization, Circumstance, ObjectionSet, OnlineService};

    /// The index is exact on the five dimensions: for every combination of
    /// them, a rule (limit, permission or exception) is in the index's scope
    /// if and only if its scope holds the request.
    #[test]
    fn scope_masks_are_exactly_the_rules_in_scope() {
        let mut combinations = 0u64;
        for &data in DataElement::ALL {
            for &action in Action::ALL {
                for &party in Party::ALL {
                    for &purpose in Purpose::ALL {
                        for &location in Location::ALL {
                            let request = Request::new(OnlineService::Azure, party, action, data, purpose, location);
                            let mask = in_scope(&request);
                            let bit = |i: usize| mask >> i & 1 == 1;
                            for (i, limit) in LIMITS.iter().enumerate() {
                                assert_eq!(bit(i), limit.scope.matches(&request), "{request:?}");
                            }
                            for (i, permit) in PERMITS.iter().enumerate() {
                                assert_eq!(bit(FIRST_PERMIT + i), permit.scope.matches(&request), "{request:?}");
                            }
                            for (i, exception) in EXCEPTIONS.iter().enumerate() {
                                assert_eq!(bit(FIRST_EXCEPTION + i), exception.scope.matches(&request));
                            }
                            combinations += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(
            combinations,
            (DataElement::ALL.len() * Action::ALL.len() * Party::ALL.len() * Purpose::ALL.len() * Location::ALL.len())
                as u64
        );
    }

    /// The needs tables are exact: for every set of authorizations, with
    /// and without a circumstance, a permission or exception is met by the
    /// tables if and only if `Needs::is_met` says so.
    #[test]
    fn needs_masks_are_exactly_the_needs_met() {
        let base = Request::new(
            OnlineService::Azure,
            Party::Operator,
            Action::Use,
            DataElement::CustomerContent,
            Purpose::ProvideService,
            Location::MainlandChina,
        );
        for bits in 0u32..1 << Authorization::ALL.len() {
            let authorizations = Authorization::ALL
                .iter()
                .enumerate()
                .filter(|(j, _)| bits >> j & 1 == 1)
                .map(|(_, a)| *a)
                .collect();
            for circumstance in std::iter::once(None).chain(Circumstance::ALL.iter().copied().map(Some)) {
                let mut request = base.with_authorizations(authorizations);
                request.circumstance = circumstance;
                let met = needs_met(&request);
                for (i, permit) in PERMITS.iter().enumerate() {
                    assert_eq!(met >> (FIRST_PERMIT + i) & 1 == 1, permit.needs.is_met(&request));
                }
                for (i, exception) in EXCEPTIONS.iter().enumerate() {
                    assert_eq!(met >> (FIRST_EXCEPTION + i) & 1 == 1, exception.needs.is_met(&request));
                }
            }
        }
    }

    /// The objection table is exact: a limit applies given the objections
    /// if it needs none, or one the request has.
    #[test]
    fn objection_masks_follow_the_limits() {
        for bits in 0usize..1 << Objection::ALL.len() {
            let objections: ObjectionSet = Objection::ALL
                .iter()
                .enumerate()
                .filter(|(j, _)| bits >> j & 1 == 1)
                .map(|(_, o)| *o)
                .collect();
            assert_eq!(objections.bits() as usize, bits);
            let mask = load(&INDEX.objections, bits);
            for (i, limit) in LIMITS.iter().enumerate() {
                let applies = limit.objections.is_empty() || limit.objections.intersects(objections);
                assert_eq!(mask >> i & 1 == 1, applies, "{:?} with {objections:?}", limit.clause);
            }
        }
    }

    /// The flat tables hold every rule of the statement, in the evaluator's
    /// order, and each exception belongs to its limit.
    #[test]
    fn flat_tables_keep_the_evaluator_order() {
        let limits: Vec<ClauseId> = statement::LIMITS
            .iter()
            .flat_map(|g| g.iter())
            .map(|l| l.clause)
            .collect();
        let permits: Vec<ClauseId> = statement::PERMITS
            .iter()
            .flat_map(|g| g.iter())
            .map(|p| p.clause)
            .collect();
        assert_eq!(LIMITS.iter().map(|l| l.clause).collect::<Vec<_>>(), limits);
        assert_eq!(PERMITS.iter().map(|p| p.clause).collect::<Vec<_>>(), permits);
        assert!(!limits.is_empty() && !permits.is_empty());
        let exceptions: usize = LIMITS.iter().map(|l| l.unless.len()).sum();
        assert_eq!(exceptions, EXCEPTION_COUNT);
        for &(limit, mask) in &RESCUES {
            assert_eq!(mask.count_ones() as usize, LIMITS[limit as usize].unless.len());
        }
    }
}
