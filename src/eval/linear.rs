//! The linear evaluation: every rule read in order, one by one. The
//! reference that the indexed evaluation ([`super::index`]) is tested
//! against and benchmarked beside.

use super::apply::{apply_limit, deny_unpermitted, near, Applying};
use crate::statement;
use crate::statement::rule::{Evaluated, Permit};
use crate::{AuthorizationSet, Request};

/// The rule evaluation proper, for a request already checked.
pub(crate) fn evaluate(request: &Request) -> Evaluated {
    if let Some(deny) = statement::time_limits(request) {
        return Evaluated::deny(deny);
    }
    for limits in statement::LIMITS {
        for limit in *limits {
            if let Some(deny) = apply_limit(limit, request) {
                return Evaluated::deny(deny);
            }
        }
    }

    if let Some(allow) = statement::time_permits(request) {
        return allow;
    }

    let mut applying = Applying::NONE;
    let mut near_miss: Option<&'static Permit> = None;
    let mut missing = AuthorizationSet::EMPTY;
    for permits in statement::PERMITS.iter().copied() {
        for permit in permits {
            if !permit.scope.matches(request) {
                continue;
            }
            if permit.needs.is_met(request) {
                applying.add(permit);
            } else {
                near(permit, request, &mut near_miss, &mut missing);
            }
        }
    }
    match applying.allow(request) {
        Some(allow) => allow,
        None => Evaluated::deny(deny_unpermitted(near_miss, missing, request)),
    }
}
