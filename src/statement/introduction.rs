//! The opening paragraphs and the "Notice to End Users".
//!
//! > This Privacy Statement applies to the use of the Online Services and
//! > any other 21Vianet services that display or link to this Privacy
//! > Statement. … Any data 21Vianet collects or handles in such
//! > circumstances is processed by us on behalf of our customer, who
//! > controls the collection and use of the data.
//!
//! The statement speaks for 21Vianet. It grants nothing for the customer's
//! or its end users' own processing, so a request whose acting party is the
//! customer or an end user is denied unless a later section (managing one's
//! own data) says otherwise.

use crate::{ClauseId, Reason};

/// The deny for a party whose own processing the statement does not govern.
pub(crate) const OUTSIDE_SCOPE: (ClauseId, Reason) = (ClauseId::Scope, Reason::OutsideStatementScope);
