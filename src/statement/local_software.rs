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
use crate::statement::rule::{Limit, Permit, Scope};
use crate::{ActionSet, ClauseId, DataElement, DataElementSet, DenyKind, Party, Purpose, PurposeSet, Reason};

/// "for operating and improving the Online Services".
const OPERATING_AND_IMPROVING: PurposeSet = PurposeSet::of(&[Purpose::ProvideService, Purpose::ImproveService]);

const AGENT_DIAGNOSTICS: DataElementSet = DataElementSet::of(&[DataElement::AgentDiagnosticData]);

/// A supplier or subcontractor that gets agents' diagnostic data stays
/// bound to the purpose it got it for, whatever else the request carries:
/// its own processing serves operating and improving the Online Services
/// only (receiving the data, and deleting it, are not its own use).
pub(crate) const LIMITS: &[Limit] = &[Limit::new(
    ClauseId::LocalSoftwareDiagnostics,
    Scope::ANY
        .data(AGENT_DIAGNOSTICS)
        .actions(
            ActionSet::ALL
                .difference(ActionSet::DISCLOSURE)
                .difference(ActionSet::ERASURE),
        )
        .parties(super::PROCESSORS.difference(WE))
        .purposes(PurposeSet::ALL.difference(OPERATING_AND_IMPROVING)),
    DenyKind::Forbidden,
    Reason::LocalSoftwareDataUseLimited,
)];

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
            .data(AGENT_DIAGNOSTICS)
            .actions(PROCESSING)
            .parties(WE.with(Party::Supplier))
            .purposes(OPERATING_AND_IMPROVING),
        Reason::LocalSoftwareDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) =
    (ClauseId::LocalSoftwareCollection, Reason::LocalSoftwareDataUseLimited);
