//! "Real-Name Authentication Data".
//!
//! > We implement real-name management in accordance with applicable laws
//! > and regulations. Real-Name Authentication Data refers to your business
//! > license, administrator’s mobile phone number, or the scanned copy of ID
//! > card provided by you during real-name authentication. If you do not
//! > provide the above data, you will not be able to complete the real name
//! > authentication and may not be able to use the Online Services.
//! >
//! > In order to verify the accuracy and completeness of the Real-Name
//! > Authentication Data, we may verify the data provided by you with
//! > agencies that legally store your data.

use super::{PROCESSING, WE};
use crate::statement::rule::{Permit, Scope};
use crate::{Action, ActionSet, ClauseId, DataElementSet, Party, PartySet, Purpose, PurposeSet, Reason};

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::RealNameManagement,
        Scope::ANY
            .data(DataElementSet::REAL_NAME)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::RealNameVerification])),
        Reason::RealNameDataUseLimited,
    ),
    Permit::new(
        ClauseId::RealNameVerification,
        Scope::ANY
            // "we may verify the data provided by you with agencies that
            // legally store your data": showing it to them, not handing it over.
            .data(DataElementSet::REAL_NAME)
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(PartySet::of(&[Party::VerificationAgency]))
            .purposes(PurposeSet::of(&[Purpose::RealNameVerification])),
        Reason::RealNameDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::RealNameManagement, Reason::RealNameDataUseLimited);
