//! "How We Protect Your Personal Data".
//!
//! > We use a variety of security technologies and procedures to help
//! > protect your Personal Data from unauthorized access, use, or
//! > disclosure. For example, we store your Personal Data on computer
//! > systems located in controlled locations and restrict access to these
//! > systems. When storing and transmitting your Personal Data, we will take
//! > appropriate security measures such as encryption.
//!
//! This section adds a duty to every allowed storage or transmission of
//! Personal Data; it permits and forbids nothing by itself. The incident
//! paragraphs come with the lifecycle rules.

use crate::{Action, ActionSet, Obligation, ObligationSet, Request};

const STORING_OR_TRANSMITTING: ActionSet = ActionSet::of(&[
    Action::Store,
    Action::Retain,
    Action::Share,
    Action::Disclose,
    Action::Transfer,
]);

/// The duties this section adds to an allowed request.
pub(crate) const fn obligations(request: &Request) -> ObligationSet {
    if request.data.is_personal() && STORING_OR_TRANSMITTING.contains(request.action) {
        ObligationSet::of(&[Obligation::ApplySecurityMeasures])
    } else {
        ObligationSet::EMPTY
    }
}
