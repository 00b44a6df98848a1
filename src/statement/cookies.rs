//! "How We Use Cookies and Similar Technologies".
//!
//! > Some Online Services’ websites use “Cookies”, which are small text
//! > files placed on a device’s hard drive by a web server. We may use
//! > Cookies and similar technologies such as web beacons for storing
//! > users’ preferences and settings, to prevent fraud, authenticate users
//! > and collect operational data about the Online Services. In addition to
//! > the Cookies we may set when you visit our websites, third parties that
//! > provide certain services on our behalf, such as site analytics, may
//! > also set certain Cookies on your hard drive when you visit our sites.
//! >
//! > You may object or manage Cookies by changing the settings on your
//! > browser. However, please note that if you stop using Cookies, you may
//! > not enjoy the best service experience, and some of our Online Services
//! > may not function properly.
//!
//! Cookie data reflects a person's activity on the websites (signing in,
//! preferences, what analytics record): Personal Data by the statement's
//! definition, so it is stored in China and handled with the security
//! duties like any other (docs/clauses.md, "What is Personal Data").

use super::WE;
use crate::statement::rule::{Limit, Permit, Scope};
use crate::{
    Action, ActionSet, Advisory, AdvisorySet, ClauseId, DataElementSet, DenyKind, Objection, ObjectionSet, Obligation,
    ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason,
};

/// The purposes Cookies are used for by 21Vianet.
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::StorePreferences,
    Purpose::FraudPrevention,
    Purpose::Authentication,
    Purpose::OperationalData,
]);

const SET_AND_READ: ActionSet = ActionSet::of(&[
    Action::Collect,
    Action::Store,
    Action::Retain,
    Action::Use,
    Action::Access,
]);
const DEGRADED: AdvisorySet = AdvisorySet::of(&[Advisory::CookieRefusalMayDegradeService]);

pub(crate) const LIMITS: &[Limit] = &[Limit::new(
    ClauseId::CookiesUserControl,
    // Everything but deleting them, which honours the refusal.
    Scope::ANY
        .data(DataElementSet::COOKIE)
        .actions(ActionSet::ALL.difference(ActionSet::ERASURE)),
    DenyKind::NotPermitted,
    Reason::CookiesRefused,
)
.on_objection(ObjectionSet::of(&[Objection::CookiesRefused]))
.advisories(DEGRADED)];

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::CookiesUse,
        Scope::ANY
            .data(DataElementSet::COOKIE)
            .actions(SET_AND_READ.union(ActionSet::ERASURE))
            .parties(WE)
            .purposes(PURPOSES),
        Reason::CookieUseLimited,
    ),
    // "third parties that provide certain services on our behalf, such as
    // site analytics, may also set certain Cookies": setting them (and
    // reading what they set), for those services.
    Permit::new(
        ClauseId::CookiesThirdParty,
        Scope::ANY
            .data(DataElementSet::COOKIE)
            .actions(ActionSet::of(&[Action::Store, Action::Collect, Action::Use]))
            .parties(PartySet::of(&[Party::Supplier]))
            .purposes(PurposeSet::of(&[Purpose::SiteAnalytics, Purpose::ServiceOnOurBehalf])),
        Reason::CookieUseLimited,
    )
    .obligations(ObligationSet::of(&[
        Obligation::KeepConfidential,
        Obligation::UseOnlyForEngagedPurpose,
    ])),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::CookiesUse, Reason::CookieUseLimited);
