use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{
    Action, Authorization, AuthorizationSet, Circumstance, DataCategory, DataElement, Location, Objection,
    ObjectionSet, OnlineService, Party, Purpose,
};

/// One question to the policy: may this party do this action on this data,
/// for this purpose, here, now?
///
/// A request is a small `Copy` value: building and deciding one allocates
/// nothing. Build it with [`Request::new`] and the `with_*` methods, or read
/// it from JSON (unknown fields are rejected by name).
///
/// ```
/// use vianet_privacy::{Action, Authorization, DataElement, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Supplier,
///     Action::Access,
///     DataElement::SupportContactInfo,
///     Purpose::ResolveSupportIssue,
///     Location::UnitedStates,
/// )
/// .with_authorization(Authorization::PriorConsentAfterExplanation);
/// assert!(request.authorizations.contains(Authorization::PriorConsentAfterExplanation));
/// assert!(request.location.is_outside_china());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The Online Service concerned.
    pub service: OnlineService,
    /// Who acts on the data, or receives it.
    pub party: Party,
    /// What is done with the data.
    pub action: Action,
    /// The data element; its category follows from it.
    pub data: DataElement,
    /// Why.
    pub purpose: Purpose,
    /// Where the data is stored or goes, or where the acting party is.
    pub location: Location,
    /// The authorizations, consents and legal facts the request carries.
    #[serde(default)]
    pub authorizations: AuthorizationSet,
    /// One of the six circumstances that need no explicit instruction, if
    /// it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circumstance: Option<Circumstance>,
    /// Choices by which the customer has said no.
    #[serde(default, skip_serializing_if = "no_objections")]
    pub objections: ObjectionSet,
    /// When the processing happens. Needed only by rules that depend on
    /// time; when given, it must not be before the statement took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<FixedOffset>>,
}

impl Request {
    /// A request with no authorizations, circumstance, objections or time.
    pub const fn new(
        service: OnlineService,
        party: Party,
        action: Action,
        data: DataElement,
        purpose: Purpose,
        location: Location,
    ) -> Request {
        Request {
            service,
            party,
            action,
            data,
            purpose,
            location,
            authorizations: AuthorizationSet::EMPTY,
            circumstance: None,
            objections: ObjectionSet::EMPTY,
            at: None,
        }
    }

    /// This request with one more authorization.
    #[must_use]
    pub const fn with_authorization(mut self, authorization: Authorization) -> Request {
        self.authorizations = self.authorizations.with(authorization);
        self
    }

    /// This request with the given authorizations (replacing any).
    #[must_use]
    pub const fn with_authorizations(mut self, authorizations: AuthorizationSet) -> Request {
        self.authorizations = authorizations;
        self
    }

    /// This request under one of the six circumstances.
    #[must_use]
    pub const fn with_circumstance(mut self, circumstance: Circumstance) -> Request {
        self.circumstance = Some(circumstance);
        self
    }

    /// This request with one more objection.
    #[must_use]
    pub const fn with_objection(mut self, objection: Objection) -> Request {
        self.objections = self.objections.with(objection);
        self
    }

    /// This request at the given time.
    #[must_use]
    pub const fn at(mut self, at: DateTime<FixedOffset>) -> Request {
        self.at = Some(at);
        self
    }

    /// The category of the requested data.
    pub const fn category(&self) -> DataCategory {
        self.data.category()
    }
}

fn no_objections(objections: &ObjectionSet) -> bool {
    objections.is_empty()
}
