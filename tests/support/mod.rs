//! Shared by the trust tests (`exhaustive`, `properties`, `time_rules`,
//! `malformed`): the statement's words as the tests read them, the request
//! space and a small deterministic generator.
//!
//! Nothing here needs a peer engine: the peers crate (`peers/`) includes
//! this file (`peers/tests/support/mod.rs`) for its differential check
//! against the independent Cedar encoding, rather than copying it.

#![allow(dead_code)] // each test binary uses part of it

use vianet_privacy::{
    Action, ActionSet, Authorization, AuthorizationSet, Circumstance, DataElement, DataElementSet, Location, Objection,
    ObjectionSet, OnlineService, Party, PartySet, Purpose, PurposeSet, Request,
};

// The statement's words, as the tests read them (stated here again, not
// taken from the crate, so that a test checks the crate against the text).

/// 21Vianet, its affiliates and a succeeding company: "we".
pub const WE: PartySet = PartySet::of(&[Party::Operator, Party::Affiliate, Party::SuccessorCompany]);
/// Every party whose processing the statement governs: all but the customer
/// and its end users.
pub const PROCESSORS: PartySet = PartySet::ALL.difference(PartySet::of(&[Party::Customer, Party::EndUser]));
/// Deleting or anonymizing.
pub const ERASURE: ActionSet = ActionSet::ERASURE;
/// Administrator Data or Payment Data (the fraud and payment bullet, Third
/// Party Offerings).
pub const ADMIN_OR_PAYMENT: DataElementSet = DataElementSet::ADMINISTRATOR.union(DataElementSet::PAYMENT);
/// The data elements that are a phone number or an e-mail address ("by
/// phone or e-mail").
pub const PHONE_OR_EMAIL: DataElementSet = DataElementSet::of(&[
    DataElement::AdministratorPhone,
    DataElement::AdministratorEmail,
    DataElement::RealNameMobileNumber,
    DataElement::SupportContactInfo,
    DataElement::RegistrationPhone,
    DataElement::RegistrationEmail,
]);

/// The purposes the statement states for a kind of Personal Data when it
/// is collected: what the two public-data circumstances let it go out for.
pub fn stated_purposes(data: DataElement) -> PurposeSet {
    use vianet_privacy::DataCategory::*;
    match data.category() {
        Administrator => PurposeSet::of(&[
            Purpose::CompleteTransaction,
            Purpose::AdministerAccount,
            Purpose::ImproveService,
            Purpose::FraudPrevention,
        ]),
        RealNameAuthentication => PurposeSet::of(&[Purpose::RealNameVerification]),
        Payment => PurposeSet::of(&[Purpose::CompleteTransaction, Purpose::FraudPrevention]),
        Support => PurposeSet::of(&[
            Purpose::ResolveSupportIssue,
            Purpose::Troubleshooting,
            Purpose::Training,
        ]),
        Registration => PurposeSet::of(&[Purpose::Registration]),
        Cookie => PurposeSet::of(&[
            Purpose::StorePreferences,
            Purpose::FraudPrevention,
            Purpose::Authentication,
            Purpose::OperationalData,
        ]),
        _ => PurposeSet::EMPTY,
    }
}

/// What each of the six circumstances is "directly related to".
pub fn related(circumstance: Circumstance, data: DataElement) -> PurposeSet {
    match circumstance {
        Circumstance::NationalSecurity => Purpose::NationalSecurity.set(),
        Circumstance::PublicInterest => Purpose::PublicSecurityAndHealth.set(),
        Circumstance::CriminalInvestigation => Purpose::CriminalProceedings.set(),
        Circumstance::VitalInterests => Purpose::ProtectLifeOrProperty.set(),
        _ => stated_purposes(data),
    }
}

/// Whether a request goes out of the group through a door the law or one
/// of the six circumstances opens ("pursuant to applicable laws and
/// regulations"; "circumstances directly related to …"; data made public),
/// as the statement words them: such an allow rests on no one's choice.
pub fn through_a_door_of_the_law(request: &Request) -> bool {
    let out = ActionSet::DISCLOSURE.contains(request.action) && request.party.is_third_party();
    let law =
        request.purpose == Purpose::LegalCompliance && request.authorizations.contains(Authorization::LegalRequirement);
    let circumstance = request
        .circumstance
        .is_some_and(|c| request.data.is_personal() && related(c, request.data).contains(request.purpose));
    out && (law || circumstance)
}

/// The number of time-free base requests: every party, action, data
/// element, purpose and location.
pub const BASE_SPACE: usize =
    Party::ALL.len() * Action::ALL.len() * DataElement::ALL.len() * Purpose::ALL.len() * Location::ALL.len();

/// The `index`-th base request (party, action, data, purpose, location) of
/// the space, for `index < BASE_SPACE`: no authorization, circumstance,
/// objection or time. The service is fixed: no rule reads it.
pub fn base_request(index: usize) -> Request {
    let mut i = index;
    let mut pick = |n: usize| {
        let k = i % n;
        i /= n;
        k
    };
    let location = Location::ALL[pick(Location::ALL.len())];
    let purpose = Purpose::ALL[pick(Purpose::ALL.len())];
    let data = DataElement::ALL[pick(DataElement::ALL.len())];
    let action = Action::ALL[pick(Action::ALL.len())];
    let party = Party::ALL[pick(Party::ALL.len())];
    Request::new(OnlineService::Azure, party, action, data, purpose, location)
}

/// xorshift64*: deterministic, so a failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `values` (not empty).
    pub fn pick<'a, T>(&mut self, values: &'a [T]) -> &'a T {
        &values[self.below(values.len())]
    }

    pub fn one_in(&mut self, n: u64) -> bool {
        self.next() % n == 0
    }
}

/// A random time-free request: every dimension uniform, each authorization
/// present one time in four, a circumstance one time in six, each
/// objection one time in eight.
pub fn random_request(rng: &mut Rng) -> Request {
    let mut request = base_request(rng.below(BASE_SPACE));
    request.service = *rng.pick(OnlineService::ALL);
    for &authorization in Authorization::ALL {
        if rng.one_in(4) {
            request.authorizations.insert(authorization);
        }
    }
    if rng.one_in(6) {
        request.circumstance = Some(*rng.pick(Circumstance::ALL));
    }
    for &objection in Objection::ALL {
        if rng.one_in(8) {
            request.objections.insert(objection);
        }
    }
    request
}

/// Every subset of `Objection::ALL`.
pub fn objection_sets() -> impl Iterator<Item = ObjectionSet> {
    (0..1usize << Objection::ALL.len()).map(|bits| {
        Objection::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .fold(ObjectionSet::EMPTY, |set, (_, &o)| set.with(o))
    })
}

/// A set of authorizations from a list.
pub fn authorizations(list: &[Authorization]) -> AuthorizationSet {
    AuthorizationSet::of(list)
}
