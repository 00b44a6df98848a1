//! "Local Software".
//!
//! > Some features of the Online Services may enable or require that you
//! > install or run local software (e.g., agents, Azure Stack software,
//! > etc.). Such software may collect data from your local environment in
//! > order to provide the Online Services that you have requested. Local
//! > agents may also collect diagnostic data that will be sent to us
//! > (including our affiliates, and domestic or overseas suppliers or
//! > subcontractors) for operating and improving the Online Services.

use super::{PROCESSING, WE};
use crate::rule::{Permit, Scope};
use crate::{ClauseId, DataElement, DataElementSet, Party, Purpose, PurposeSet, Reason};

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::LocalSoftwareCollection,
        Scope::ANY
            .data(DataElementSet::of(&[DataElement::LocalEnvironmentData]))
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::ProvideService])),
        Reason::LocalSoftwareDataUseLimited,
    ),
    Permit::new(
        ClauseId::LocalSoftwareDiagnostics,
        Scope::ANY
            .data(DataElementSet::of(&[DataElement::AgentDiagnosticData]))
            .actions(PROCESSING)
            .parties(WE.with(Party::Supplier))
            .purposes(PurposeSet::of(&[Purpose::ProvideService, Purpose::ImproveService])),
        Reason::LocalSoftwareDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) =
    (ClauseId::LocalSoftwareCollection, Reason::LocalSoftwareDataUseLimited);
