use serde::{Deserialize, Serialize};

use crate::{Decision, Obligation, ObligationSet};

/// A list of duties to carry out and check off: the obligations of an
/// allow, or those an incident brings
/// ([`incident_obligations`](crate::statement::protection::incident_obligations)).
///
/// It is a `Copy` pair of bit sets. Only a required duty can be checked
/// off, so what is done is always part of what is required; on the wire
/// `{"required": [...], "done": [...]}`, and a `done` duty that is not
/// required is rejected.
///
/// ```
/// use vianet_privacy::statement::protection::{incident_obligations, IncidentKind};
/// use vianet_privacy::{Checklist, Obligation};
///
/// let mut checklist = Checklist::new(incident_obligations(IncidentKind::CyberSecurity));
/// checklist.check_off(Obligation::FollowEmergencyResponsePlan);
/// checklist.check_off(Obligation::TakeRemedialMeasures);
/// assert_eq!(checklist.open().iter().collect::<Vec<_>>(), [Obligation::ReportIncidentToAuthorities]);
/// checklist.check_off(Obligation::ReportIncidentToAuthorities);
/// assert!(checklist.is_complete());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ChecklistWire")]
pub struct Checklist {
    required: ObligationSet,
    done: ObligationSet,
}

impl Checklist {
    /// A checklist of `required` duties, none done.
    pub const fn new(required: ObligationSet) -> Checklist {
        Checklist {
            required,
            done: ObligationSet::EMPTY,
        }
    }

    /// The checklist of a decision's obligations (empty for a deny).
    pub const fn for_decision(decision: &Decision) -> Checklist {
        Checklist::new(decision.obligations())
    }

    /// Marks `duty` as done. Returns whether it is one of the required
    /// duties; a duty that is not required is not recorded.
    pub fn check_off(&mut self, duty: Obligation) -> bool {
        if self.required.contains(duty) {
            self.done.insert(duty);
            true
        } else {
            false
        }
    }

    /// Every required duty.
    pub const fn required(&self) -> ObligationSet {
        self.required
    }

    /// The duties checked off.
    pub const fn done(&self) -> ObligationSet {
        self.done
    }

    /// The duties still open.
    pub const fn open(&self) -> ObligationSet {
        self.required.difference(self.done)
    }

    /// Whether every required duty is done.
    pub const fn is_complete(&self) -> bool {
        self.open().is_empty()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecklistWire {
    required: ObligationSet,
    #[serde(default)]
    done: ObligationSet,
}

impl TryFrom<ChecklistWire> for Checklist {
    type Error = String;

    fn try_from(wire: ChecklistWire) -> Result<Self, Self::Error> {
        let stray = wire.done.difference(wire.required);
        match stray.iter().next() {
            Some(duty) => Err(format!(
                "obligation `{}` ({duty}) is marked done but is not required; list it in `required` or remove it from `done`",
                duty.as_str()
            )),
            None => Ok(Checklist {
                required: wire.required,
                done: wire.done,
            }),
        }
    }
}
