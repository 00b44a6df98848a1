//! Every invariant of `docs/invariants.md` on every request of the space.
//!
//! The space is finite apart from time. Of the request's fields:
//!
//! * **party × action × data × purpose × location** (14 × 14 × 31 × 38 × 6
//!   = 1,385,328 base requests) are enumerated whole.
//! * **authorizations**: for each base request, *every subset* of the
//!   authorizations its decision can depend on
//!   ([`authorizations_read`]: those named by the rules in scope of the
//!   request; scopes never read authorizations, so the others cannot
//!   matter). The test checks that claim too: each subset decides the same
//!   with every other authorization added.
//! * **circumstance**: none, or each of the six that a rule in scope names
//!   (each circumstance opens only what it is "directly related to", so
//!   rules name the ones that fit them); the test checks that a
//!   circumstance no rule in scope names decides as none.
//! * **objections**: none, or each of the three alone. Limits ask whether
//!   the request carries one of theirs, so a set of objections denies
//!   exactly when one of its members alone does.
//! * **service**: Azure; no rule reads the service, which the test checks
//!   for all six on the request without authorizations.
//! * **time**: the time rules (the end of an account's retention period,
//!   of a service, of a trial; a minor's age; a Preview) sit around the
//!   rules above and read only the request's time fields, so each base
//!   request is decided once more under each representative time context:
//!   a closed account within and after its retention period, a terminated
//!   service, an ended trial, a data subject under 18, a Preview.
//!
//! The test prints how many requests it decided.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, FixedOffset, NaiveDate};
use support::{base_request, related, ADMIN_OR_PAYMENT, BASE_SPACE, ERASURE, PHONE_OR_EMAIL, PROCESSORS, WE};
use vianet_privacy::time::parse_time;
use vianet_privacy::{
    authorizations_read, decide, decide_reference, Account, Action, ActionSet, Advisory, Authorization,
    AuthorizationSet, Circumstance, ClauseId, DataElement, DataElementSet, Decision, DenyKind, Location, Objection,
    ObjectionSet, Obligation, OnlineService, Party, PartySet, Purpose, PurposeSet, Request, StatementVersion,
};

const STORAGE: ActionSet = ActionSet::STORAGE;
const DISCLOSURE: ActionSet = ActionSet::DISCLOSURE;
const FRAUD_AND_PAYMENT: PartySet = PartySet::of(&[Party::FraudPreventionProvider, Party::PaymentProcessor]);
/// "upon your authorization or in accordance with applicable laws and
/// regulations" (the customer's direction authorizes the disclosure it
/// directs, and only that: checked beside).
const OVERSEAS_BASES: AuthorizationSet = AuthorizationSet::of(&[
    Authorization::OverseasTransferAuthorization,
    Authorization::LegalRequirement,
]);
/// Contact about other products and offers, feedback requests, promotions
/// and advertising.
const OFFERS: PurposeSet = PurposeSet::of(&[
    Purpose::OtherOffers,
    Purpose::FeedbackRequest,
    Purpose::PromotionalCommunications,
    Purpose::Advertising,
]);
/// What a recipient never does with the data it gets.
const MARKETING: PurposeSet = OFFERS.with(Purpose::SaleOfData);
const CUSTOMER_DATA_PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::ProvideService,
    Purpose::ImproveService,
    Purpose::Troubleshooting,
    Purpose::ThreatProtection,
    Purpose::ResolveSupportIssue,
]);
const SUPPLIER_PURPOSES: PurposeSet = PurposeSet::of(&[
    Purpose::ServiceOnOurBehalf,
    Purpose::Troubleshooting,
    Purpose::ResolveSupportIssue,
    Purpose::ProvideService,
    Purpose::ImproveService,
    Purpose::SiteAnalytics,
]);
/// "for operating and improving the Online Services".
const OPERATING_AND_IMPROVING: PurposeSet = PurposeSet::of(&[Purpose::ProvideService, Purpose::ImproveService]);
/// The identity documents given at registration.
const IDENTITY_DOCUMENTS: DataElementSet = DataElementSet::of(&[DataElement::BusinessLicense, DataElement::IdCardScan]);

/// "for the purpose of fraud prevention or to process payment
/// transactions": each recipient for its own.
fn own_recipient_purpose(r: &Request) -> bool {
    matches!(
        (r.party, r.purpose),
        (Party::FraudPreventionProvider, Purpose::FraudPrevention) | (Party::PaymentProcessor, Purpose::ProcessPayment)
    )
}

/// I24: the doors through which data leaves the group, each a basis (or a
/// recipient the statement names), a purpose and the data it covers,
/// written from the statement's words. An allowed disclosure to a party
/// outside the group must go through one of them.
fn through_a_door(r: &Request) -> bool {
    let auth = r.authorizations;
    let personal = r.data.is_personal();
    let basis = (r.purpose == Purpose::CustomerInstruction && auth.contains(Authorization::CustomerDirection))
        || (r.purpose == Purpose::CustomerAgreement && auth.contains(Authorization::CustomerAgreement))
        || (r.purpose == Purpose::LegalCompliance && auth.contains(Authorization::LegalRequirement))
        || r.circumstance.is_some_and(|c| {
            // "directly related to" national security, public security and
            // health, criminal proceedings: the authorities; life or
            // property: the authorities or a rescuer.
            let recipient = match c {
                Circumstance::NationalSecurity | Circumstance::PublicInterest | Circumstance::CriminalInvestigation => {
                    r.party == Party::Authority
                }
                Circumstance::VitalInterests => matches!(r.party, Party::Authority | Party::ThirdParty),
                _ => true,
            };
            personal && recipient && related(c, r.data).contains(r.purpose)
        });
    let named = match r.party {
        Party::Supplier => {
            (r.action == Action::Share
                && PurposeSet::of(&[
                    Purpose::ServiceOnOurBehalf,
                    Purpose::Troubleshooting,
                    Purpose::ResolveSupportIssue,
                ])
                .contains(r.purpose))
                || (r.data == DataElement::AgentDiagnosticData && OPERATING_AND_IMPROVING.contains(r.purpose))
        }
        Party::FraudPreventionProvider | Party::PaymentProcessor => {
            ADMIN_OR_PAYMENT.contains(r.data) && own_recipient_purpose(r) && r.action != Action::Transfer
        }
        Party::Complainant => {
            DataElementSet::of(&[
                DataElement::AdministratorName,
                DataElement::AdministratorPhone,
                DataElement::AdministratorEmail,
            ])
            .contains(r.data)
                && r.purpose == Purpose::ComplaintHandling
                && r.action != Action::Transfer
        }
        Party::VerificationAgency => {
            DataElementSet::REAL_NAME.contains(r.data)
                && r.purpose == Purpose::RealNameVerification
                && r.action != Action::Transfer
        }
        Party::ThirdPartyOfferingProvider => {
            auth.contains(Authorization::ThirdPartyOfferingChoice)
                && r.action != Action::Transfer
                && ((ADMIN_OR_PAYMENT.contains(r.data) && r.purpose == Purpose::ThirdPartyOffering)
                    || (PHONE_OR_EMAIL.contains(r.data)
                        && DataElementSet::ADMINISTRATOR.contains(r.data)
                        && r.purpose == Purpose::PromotionalCommunications
                        && auth.contains(Authorization::ContactPreferences)))
        }
        Party::Customer => personal && r.purpose == Purpose::DataSubjectRequest && r.action != Action::Transfer,
        Party::EndUser => {
            r.purpose == Purpose::DataSubjectRequest
                && auth.intersects(AuthorizationSet::of(&[
                    Authorization::PriorWrittenInstruction,
                    Authorization::LegalRequirement,
                ]))
        }
        _ => false,
    };
    basis || named
}

/// Checks the invariants of `docs/invariants.md` that a single time-free
/// decision must meet; returns the first one broken.
fn invariants(r: &Request, d: &Decision) -> Result<(), &'static str> {
    let auth = r.authorizations;
    let allowed = d.is_allowed();
    let duties = d.obligations();
    let abroad = r.location.is_outside_china();
    let customer_data = DataElementSet::CUSTOMER.contains(r.data);
    let erasing = ERASURE.contains(r.action);
    let processor = PROCESSORS.contains(r.party);
    let disclosure_out = DISCLOSURE.contains(r.action) && !WE.contains(r.party);

    // I9: every decision is well formed.
    if d.statement_version() != StatementVersion::CURRENT {
        return Err("I9 statement version");
    }
    match d.deny_kind() {
        None if !allowed => return Err("I9 deny without kind"),
        Some(_) if d.reason().is_none() => return Err("I9 deny without reason"),
        Some(DenyKind::NeedsAuthorization) if d.missing().is_empty() => return Err("I9 needs nothing"),
        Some(DenyKind::Forbidden | DenyKind::NotPermitted) if !d.missing().is_empty() => {
            return Err("I9 missing on a plain deny")
        }
        _ => {}
    }
    if !allowed {
        return Ok(());
    }
    // I1: Customer Data is stored only in China.
    if customer_data && STORAGE.contains(r.action) && abroad {
        return Err("I1 Customer Data stored abroad");
    }
    // I2: outside China, a processor handles Customer Data only as an
    // affiliate's or supplier's access to troubleshoot, supervised and
    // ended when resolved: no direction, agreement, law or circumstance
    // sends it to a third party abroad.
    if customer_data && abroad && processor && !erasing {
        let troubleshooting = PartySet::of(&[Party::Affiliate, Party::Supplier]).contains(r.party)
            && ActionSet::of(&[Action::Access, Action::Use, Action::Share]).contains(r.action)
            && PurposeSet::of(&[Purpose::Troubleshooting, Purpose::ResolveSupportIssue]).contains(r.purpose);
        if !troubleshooting {
            return Err("I2 overseas Customer Data beyond troubleshooting");
        }
        if !duties.contains(Obligation::SuperviseOverseasAccess) || !duties.contains(Obligation::EndAccessWhenResolved)
        {
            return Err("I2 overseas access without supervision");
        }
    }
    // I3: the security code is never kept, nor used for future transactions.
    if r.data == DataElement::SecurityCode
        && (STORAGE.contains(r.action) || (r.action == Action::Use && r.purpose == Purpose::FutureTransactions))
    {
        return Err("I3 security code kept");
    }
    // I4: Personal Data leaves China only upon authorization or by law, to
    // a supplier only after prior consent (that consent and nothing else),
    // or to fraud-prevention and payment recipients; I5: one of the six
    // circumstances alone never takes it abroad (the check ignores it).
    if r.data.is_personal() && abroad && processor && !erasing {
        let authorized = if r.party == Party::Supplier {
            auth.contains(Authorization::PriorConsentAfterExplanation)
        } else {
            auth.intersects(OVERSEAS_BASES)
                || (r.purpose == Purpose::CustomerInstruction && auth.contains(Authorization::CustomerDirection))
                || (FRAUD_AND_PAYMENT.contains(r.party)
                    && ADMIN_OR_PAYMENT.contains(r.data)
                    && own_recipient_purpose(r))
        };
        if !authorized {
            return Err("I4 Personal Data abroad without authorization");
        }
    }
    // I6: offers, feedback requests, promotions and advertising only with
    // the contact preferences, and only by phone or e-mail.
    if r.action == Action::Contact && OFFERS.contains(r.purpose) {
        if !auth.contains(Authorization::ContactPreferences) {
            return Err("I6 offers against the contact preferences");
        }
        if !PHONE_OR_EMAIL.contains(r.data) {
            return Err("I6 offers other than by phone or e-mail");
        }
    }
    // I7: no survey after unsubscribing, nor before the support is over.
    if r.action == Action::Contact && r.purpose == Purpose::SupportSurvey {
        if r.objections.contains(Objection::SurveyUnsubscribed) {
            return Err("I7 survey after unsubscribing");
        }
        if !auth.contains(Authorization::SupportExperienceOver) {
            return Err("I7 survey before the support experience is over");
        }
    }
    // I8: refused Cookies are not processed (but may be deleted).
    if r.objections.contains(Objection::CookiesRefused) && r.data == DataElement::CookieData && !erasing {
        return Err("I8 refused Cookies processed");
    }
    // I10: Remote Access only with permission, never after the session ended.
    if r.action == Action::RemoteControl && !auth.contains(Authorization::RemoteAccessPermission) {
        return Err("I10 Remote Access without permission");
    }
    if r.objections.contains(Objection::RemoteSessionEnded)
        && ActionSet::of(&[Action::RemoteControl, Action::Record]).contains(r.action)
    {
        return Err("I10 Remote Access after the session ended");
    }
    // I21: no authorization or circumstance opens a purpose the statement
    // closes: the sale of data never; advertising only to us, on express
    // consent to a use beyond the stated scope, which we inform of; a
    // recipient's own marketing never (a Third Party Offering's promotions,
    // which its sentence permits, aside). Deleting or anonymizing uses the
    // data for nothing: the duties to delete hold whatever purpose a
    // request names.
    if !erasing {
        if processor && r.purpose == Purpose::SaleOfData {
            return Err("I21 sale of data allowed");
        }
        if processor
            && r.purpose == Purpose::Advertising
            && !(WE.contains(r.party)
                && r.data.is_personal()
                && ActionSet::of(&[Action::Collect, Action::Use, Action::Contact]).contains(r.action)
                && auth.contains(Authorization::ExplicitConsent)
                && duties.contains(Obligation::InformOfNewPurpose))
        {
            return Err("I21 advertising without express consent to a new purpose");
        }
        if processor
            && !WE.contains(r.party)
            && MARKETING.contains(r.purpose)
            && !(r.party == Party::ThirdPartyOfferingProvider
                && r.purpose == Purpose::PromotionalCommunications
                && auth.contains(Authorization::ThirdPartyOfferingChoice))
        {
            return Err("I21 a recipient's own marketing");
        }
    }
    // I13: 21Vianet uses Customer Data only to provide the Online Services
    // and for compatible purposes.
    // (Keeping a closed account's data for the period the law sets, or a
    // trial's for a later purchase, is not a use: T1, T4.)
    if customer_data
        && WE.contains(r.party)
        && !DISCLOSURE.contains(r.action)
        && !erasing
        && !matches!(
            d.clause(),
            ClauseId::StorageRetentionAfterClosure | ClauseId::TrialDataRetention
        )
        && !CUSTOMER_DATA_PURPOSES.contains(r.purpose)
    {
        return Err("I13 Customer Data for another purpose");
    }
    // I14: Customer Data that 21Vianet discloses to a third party because
    // the law requires it or the agreement describes it comes with notice
    // in advance unless the law prohibits notice.
    if customer_data
        && disclosure_out
        && ((r.purpose == Purpose::LegalCompliance && auth.contains(Authorization::LegalRequirement))
            || (r.purpose == Purpose::CustomerAgreement && auth.contains(Authorization::CustomerAgreement)))
        && !auth.contains(Authorization::LegalProhibitionOnNotice)
        && !duties.contains(Obligation::NotifyCustomerBeforeDisclosure)
    {
        return Err("I14 Customer Data disclosed without notice");
    }
    // I24 (was I15): every disclosure outside the group goes through a
    // door the statement opens, for that door's purpose.
    if disclosure_out && !through_a_door(r) {
        return Err("I24 disclosure through no door");
    }
    // I16: fraud-prevention and payment recipients use the data only for
    // those purposes, under their duties.
    if FRAUD_AND_PAYMENT.contains(r.party) {
        if !DISCLOSURE.contains(r.action) && !erasing && !own_recipient_purpose(r) {
            return Err("I16 recipient beyond its purpose");
        }
        for duty in [
            Obligation::KeepConfidential,
            Obligation::UseOnlyForEngagedPurpose,
            Obligation::ProtectNoLessThanInChina,
        ] {
            if !duties.contains(duty) {
                return Err("I16 recipient without its duties");
            }
        }
    }
    // I17: suppliers use the data only for their engagement, confidentially;
    // agents' diagnostic data only to operate and improve the services.
    if r.party == Party::Supplier {
        if !DISCLOSURE.contains(r.action) && !erasing {
            if !SUPPLIER_PURPOSES.contains(r.purpose) {
                return Err("I17 supplier beyond its engagement");
            }
            if r.data == DataElement::AgentDiagnosticData && !OPERATING_AND_IMPROVING.contains(r.purpose) {
                return Err("I17 agent diagnostics beyond operating and improving");
            }
        }
        if !duties.contains(Obligation::KeepConfidential) || !duties.contains(Obligation::UseOnlyForEngagedPurpose) {
            return Err("I17 supplier without its duties");
        }
    }
    // I18: the identity documents given at registration are not modified.
    if IDENTITY_DOCUMENTS.contains(r.data) && r.action == Action::Modify {
        return Err("I18 identity document modified");
    }
    // I19: an end user's data-protection request is answered only on the
    // customer's prior written instruction or by law.
    if r.party == Party::EndUser
        && r.purpose == Purpose::DataSubjectRequest
        && !auth.intersects(AuthorizationSet::of(&[
            Authorization::PriorWrittenInstruction,
            Authorization::LegalRequirement,
        ]))
    {
        return Err("I19 end user answered without instruction");
    }
    // I20: a transfer to a succeeding company is notified and binds it to
    // the statement.
    if r.party == Party::SuccessorCompany
        && d.clause() == ClauseId::SharingCorporateTransactions
        && !duties.contains(Obligation::SuccessorHonoursStatement)
    {
        return Err("I20 successor not bound");
    }
    // Stored Payment Data for future transactions is authenticated.
    if DataElementSet::PAYMENT.contains(r.data)
        && STORAGE.contains(r.action)
        && r.purpose == Purpose::FutureTransactions
        && !auth.contains(Authorization::AuthenticatedPaymentData)
    {
        return Err("I26 unauthenticated Payment Data stored for future transactions");
    }
    Ok(())
}

/// The authorizations in `read`, as a list, for subset enumeration.
fn members(read: AuthorizationSet) -> Vec<Authorization> {
    read.iter().collect()
}

fn subset(list: &[Authorization], bits: usize) -> AuthorizationSet {
    list.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .fold(AuthorizationSet::EMPTY, |set, (_, &a)| set.with(a))
}

fn fail(what: &str, request: &Request, decision: &Decision) -> ! {
    panic!(
        "{what}\n  request: {}\n  decision: {decision}",
        serde_json::to_string(request).unwrap_or_default()
    )
}

/// Decides `request`, checks it against the linear evaluation and the
/// invariants.
fn decided(request: &Request, count: &mut usize) -> Decision {
    *count += 1;
    let decision = decide(request).unwrap_or_else(|e| panic!("{request:?}: {e}"));
    if let Err(what) = invariants(request, &decision) {
        fail(what, request, &decision);
    }
    decision
}

/// Whether `more` keeps every duty of `fewer`, but the advance notice
/// when what was added is the legal prohibition on notice (the one duty an
/// authorization removes, as the text says: "unless legally prohibited").
fn keeps_duties(fewer: &Decision, more: &Decision, added: Option<Authorization>) -> bool {
    let mut duties = fewer.obligations();
    if added == Some(Authorization::LegalProhibitionOnNotice) {
        duties.remove(Obligation::NotifyCustomerBeforeDisclosure);
    }
    duties.is_subset(more.obligations())
}

/// I25: a disclosure of Customer Data to a third party outside China is
/// allowed only where the same disclosure of Personal Data (an
/// administrator's e-mail address) would be.
fn customer_data_needs_no_less(request: &Request, decision: &Decision) {
    let abroad_to_third_party = DataElementSet::CUSTOMER.contains(request.data)
        && request.location.is_outside_china()
        && DISCLOSURE.contains(request.action)
        && !PartySet::of(&[
            Party::Operator,
            Party::Affiliate,
            Party::Supplier,
            Party::SuccessorCompany,
        ])
        .contains(request.party);
    if abroad_to_third_party && decision.is_allowed() {
        let personal = (*request).with_data(DataElement::AdministratorEmail);
        if !decide(&personal).unwrap().is_allowed() {
            fail(
                "I25 Customer Data left China on less than Personal Data needs",
                request,
                decision,
            );
        }
    }
}

/// Every authorization subset, circumstance and objection of one base
/// request. Returns how many requests were decided.
fn check_base(base: Request) -> usize {
    let mut count = 0;
    let read = authorizations_read(&base);
    let list = members(read.authorizations);
    let unread = AuthorizationSet::ALL.difference(read.authorizations);
    let circumstances: Vec<Option<Circumstance>> = std::iter::once(None)
        .chain(read.circumstances.iter().map(Some))
        .collect();
    let unread_circumstance = Circumstance::ALL
        .iter()
        .copied()
        .find(|c| !read.circumstances.contains(*c));
    let objections = [
        ObjectionSet::EMPTY,
        ObjectionSet::of(&[Objection::SurveyUnsubscribed]),
        ObjectionSet::of(&[Objection::CookiesRefused]),
        ObjectionSet::of(&[Objection::RemoteSessionEnded]),
    ];
    for objection in objections {
        let mut without_circumstance: Vec<Decision> = Vec::new();
        for &circumstance in &circumstances {
            let mut decisions: Vec<Decision> = Vec::with_capacity(1 << list.len());
            for bits in 0..1usize << list.len() {
                let request = base
                    .with_authorizations(subset(&list, bits))
                    .with_circumstance_option(circumstance)
                    .with_objections(objection);
                let decision = decided(&request, &mut count);
                customer_data_needs_no_less(&request, &decision);
                // Authorizations no rule in scope reads change nothing.
                let extra = request.with_authorizations(request.authorizations.union(unread));
                if decide(&extra).ok().as_ref() != Some(&decision) {
                    fail(
                        "an authorization outside authorizations_read changed the decision",
                        &extra,
                        &decision,
                    );
                }
                // I11: an objection never turns a deny into an allow.
                if !objection.is_empty() && decision.is_allowed() {
                    let without = request.with_objections(ObjectionSet::EMPTY);
                    if !decided(&without, &mut count).is_allowed() {
                        fail("I11 an objection allowed what was denied", &request, &decision);
                    }
                }
                if bits == 0 && objection.is_empty() {
                    if decide_reference(&request).ok().as_ref() != Some(&decision) {
                        fail("the index and the linear evaluation differ", &request, &decision);
                    }
                    // A circumstance no rule in scope names changes nothing.
                    if let (None, Some(other)) = (circumstance, unread_circumstance) {
                        let other = request.with_circumstance_option(Some(other));
                        if decide(&other).ok().as_ref() != Some(&decision) {
                            fail(
                                "a circumstance outside authorizations_read changed the decision",
                                &other,
                                &decision,
                            );
                        }
                    }
                }
                decisions.push(decision);
            }
            // I11, I22, I23: adding an authorization never turns an allow
            // into a deny and never removes a duty (but the notice, for the
            // legal prohibition on notice): so an allow carries the duties
            // of every subset of its authorizations that allows alone.
            for bits in 0..decisions.len() {
                if !decisions[bits].is_allowed() {
                    continue;
                }
                for (i, &added) in list.iter().enumerate() {
                    let more = &decisions[bits | 1 << i];
                    if bits & 1 << i != 0 {
                        continue;
                    }
                    let request = base
                        .with_authorizations(subset(&list, bits | 1 << i))
                        .with_circumstance_option(circumstance)
                        .with_objections(objection);
                    if !more.is_allowed() {
                        fail("I11 an authorization denied what its absence allowed", &request, more);
                    }
                    if !keeps_duties(&decisions[bits], more, Some(added)) {
                        fail("I22 an authorization removed a duty", &request, more);
                    }
                }
            }
            // Nor does adding the circumstance.
            if circumstance.is_none() {
                without_circumstance = decisions;
            } else {
                for (bits, with) in decisions.iter().enumerate() {
                    let without = &without_circumstance[bits];
                    if without.is_allowed() && (!with.is_allowed() || !keeps_duties(without, with, None)) {
                        let request = base
                            .with_authorizations(subset(&list, bits))
                            .with_circumstance_option(circumstance)
                            .with_objections(objection);
                        fail("I11/I22 the circumstance denied or removed a duty", &request, with);
                    }
                }
            }
        }
    }
    // No rule reads the service.
    let plain = decide(&base).unwrap();
    for &service in OnlineService::ALL {
        let other = base.with_service(service);
        if decided(&other, &mut count) != plain {
            fail("the service changed the decision", &other, &plain);
        }
    }
    count
}

fn at(s: &str) -> DateTime<FixedOffset> {
    parse_time(s).unwrap()
}

/// The representative time contexts: each sets `at` and one time field.
fn time_contexts(base: Request) -> [(&'static str, Request); 6] {
    let now = at("2024-06-01T12:00:00");
    let timed = base.at(now);
    [
        (
            "retained",
            timed.with_account(Account::Closed {
                closed_at: at("2023-01-01"),
                retention_expires: at("2026-01-01"),
            }),
        ),
        (
            "expired",
            timed.with_account(Account::Closed {
                closed_at: at("2021-01-01"),
                retention_expires: at("2024-01-01"),
            }),
        ),
        ("terminated", timed.with_service_terminated_at(at("2024-05-01"))),
        ("trial_ended", timed.with_trial_ended_at(at("2024-05-01"))),
        (
            "minor",
            timed.with_subject_birth_date(NaiveDate::from_ymd_opt(2008, 2, 29).unwrap_or_default()),
        ),
        ("preview", timed.in_preview()),
    ]
}

/// The time invariants (T1–T6) on one base request.
fn check_times(base: Request) -> usize {
    let mut count = 0;
    let plain = decided(&base.at(at("2024-06-01T12:00:00")), &mut count);
    for (context, request) in time_contexts(base) {
        let d = decided(&request, &mut count);
        let erasing = ERASURE.contains(request.action);
        let we = WE.contains(request.party);
        let keeping_for_law = STORAGE.contains(request.action) && request.purpose == Purpose::LegalCompliance && we;
        let broken = match context {
            // T1: a closed account's data is never used, only kept for the
            // law; its Personal Data is not deleted before the period ends.
            "retained" => d.is_allowed() && !(keeping_for_law || (erasing && !request.data.is_personal())),
            // T2: after the retention period, only deletion or anonymization.
            "expired" => d.is_allowed() && !erasing,
            // T3: after termination, only erasure, the termination notice
            // and keeping what the law requires.
            "terminated" => {
                let notice = request.action == Action::Contact && request.purpose == Purpose::ServiceCommunication;
                d.is_allowed() && !(erasing || keeping_for_law || notice)
            }
            // T4: after a trial, 21Vianet keeps its data only for a later
            // purchase; everything else is decided as without the trial.
            "trial_ended" => {
                let keeps = STORAGE.contains(request.action)
                    && PartySet::of(&[
                        Party::Operator,
                        Party::Affiliate,
                        Party::SuccessorCompany,
                        Party::Supplier,
                    ])
                    .contains(request.party);
                if keeps {
                    d.is_allowed() && !(request.purpose == Purpose::FuturePurchaseExperience && we)
                } else if erasing && we {
                    !d.is_allowed()
                } else {
                    d != plain
                }
            }
            // T5: a minor without the guardian's consent (and without the law
            // or a circumstance, which these requests do not carry): no
            // allow but erasure.
            "minor" => d.is_allowed() && !erasing,
            // T6: a Preview decides as the service does, with its advisory.
            "preview" => {
                d.is_allowed() != plain.is_allowed()
                    || (d.is_allowed() && !d.advisories().contains(Advisory::PreviewSecurityMayDiffer))
            }
            _ => false,
        };
        if broken {
            fail(&format!("time invariant broken: {context}"), &request, &d);
        }
        // T2: an erasure duty is never denied by the end of things.
        if matches!(context, "expired") && erasing && we && !d.is_allowed() {
            fail("T2 the duty to delete is denied", &request, &d);
        }
    }
    count
}

#[test]
fn every_invariant_holds_on_every_request() {
    // T7: nothing is decided before the statement took effect.
    let base = base_request(0);
    let early = base.at(at("2020-11-30T23:59:59"));
    assert_eq!(decide(&early).unwrap_err().code(), "before_statement_in_force");
    assert_eq!(
        decide(&early.at(StatementVersion::CURRENT.effective_from()))
            .unwrap()
            .statement_version(),
        StatementVersion::CURRENT
    );

    let next = AtomicUsize::new(0);
    let decided = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    const CHUNK: usize = 4096;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                if start >= BASE_SPACE {
                    break;
                }
                let mut count = 0;
                for index in start..(start + CHUNK).min(BASE_SPACE) {
                    let base = base_request(index);
                    count += check_base(base) + check_times(base);
                }
                decided.fetch_add(count, Ordering::Relaxed);
            });
        }
    });
    let decided = decided.into_inner();
    println!(
        "exhaustive: {BASE_SPACE} base requests, {decided} requests decided, every invariant held \
         ({} locations, {} parties, {} actions, {} data elements, {} purposes)",
        Location::ALL.len(),
        Party::ALL.len(),
        Action::ALL.len(),
        DataElement::ALL.len(),
        Purpose::ALL.len()
    );
    assert!(
        decided > 20 * BASE_SPACE,
        "{decided} decided: the enumeration is too thin"
    );
}

/// The checker is not vacuous: forged decisions that break an invariant
/// are caught, each by the invariant it breaks.
#[test]
fn the_invariants_catch_forged_allows() {
    let allow = |clause| Decision::Allow(vianet_privacy::Allow::new(clause, vianet_privacy::ObligationSet::EMPTY));
    let request = |party, action, data, purpose, location| {
        Request::new(OnlineService::Azure, party, action, data, purpose, location)
    };
    let cases = [
        (
            request(
                Party::Operator,
                Action::Store,
                DataElement::CustomerContent,
                Purpose::ProvideService,
                Location::HongKong,
            ),
            "I1",
        ),
        (
            request(
                Party::Supplier,
                Action::Access,
                DataElement::CustomerContent,
                Purpose::Troubleshooting,
                Location::UnitedStates,
            ),
            "I2",
        ),
        (
            request(
                Party::Operator,
                Action::Retain,
                DataElement::SecurityCode,
                Purpose::FutureTransactions,
                Location::MainlandChina,
            ),
            "I3",
        ),
        (
            request(
                Party::Operator,
                Action::Use,
                DataElement::AdministratorEmail,
                Purpose::AdministerAccount,
                Location::Macau,
            ),
            "I4",
        ),
        (
            request(
                Party::Operator,
                Action::Contact,
                DataElement::AdministratorEmail,
                Purpose::OtherOffers,
                Location::MainlandChina,
            ),
            "I6",
        ),
        (
            request(
                Party::Operator,
                Action::Use,
                DataElement::DeviceDiagnostics,
                Purpose::Advertising,
                Location::MainlandChina,
            ),
            "I21",
        ),
        (
            request(
                Party::Authority,
                Action::Disclose,
                DataElement::InstallationData,
                Purpose::LegalCompliance,
                Location::MainlandChina,
            ),
            "I24",
        ),
        (
            request(
                Party::Operator,
                Action::Modify,
                DataElement::IdCardScan,
                Purpose::DataSubjectRequest,
                Location::MainlandChina,
            ),
            "I18",
        ),
    ];
    for (request, invariant) in cases {
        let caught = invariants(&request, &allow(ClauseId::CustomerDataUse)).unwrap_err();
        assert!(
            caught.starts_with(&format!("{invariant} ")),
            "{invariant}: caught {caught}"
        );
        // And the engine's own decision keeps it (a deny, or for I2 an
        // allow with the duties).
        let decision = decide(&request).unwrap();
        assert_eq!(invariants(&request, &decision), Ok(()), "{invariant}: {decision}");
    }
}
