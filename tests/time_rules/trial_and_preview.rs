use vianet_privacy::{Action, Advisory, ClauseId, DataElement, DenyKind, Obligation, Party, Purpose, Reason};

use super::{ok, req, t};

fn keep_for_purchase() -> vianet_privacy::Request {
    req(
        Party::Operator,
        Action::Retain,
        DataElement::CustomerContent,
        Purpose::FuturePurchaseExperience,
    )
    .with_trial_ended_at(t("2024-03-31"))
}

#[test]
fn after_a_trial_its_data_may_be_kept_temporarily_for_a_purchase() {
    let decision = ok(&keep_for_purchase().at(t("2024-03-31")));
    assert!(decision.is_allowed(), "{decision}");
    assert_eq!(decision.clause(), ClauseId::TrialDataRetention);
    assert!(decision.obligations().contains(Obligation::RetainTrialDataTemporarily));
    assert!(decision.advisories().contains(Advisory::TrialDataMayBeRemoved));
}

#[test]
fn after_a_trial_its_data_is_kept_for_nothing_else() {
    let mut keeping = keep_for_purchase().at(t("2024-04-15"));
    keeping.action = Action::Store;
    keeping.purpose = Purpose::ProvideService;
    let decision = ok(&keeping);
    assert_eq!(decision.deny_kind(), Some(DenyKind::NotPermitted));
    assert_eq!(decision.clause(), ClauseId::TrialDataRetention);
    assert_eq!(decision.reason(), Some(Reason::TrialDataOnlyKeptForPurchase));
    // A supplier keeping it for the purchase: not 21Vianet.
    let mut supplier = keep_for_purchase().at(t("2024-04-15"));
    supplier.party = Party::Supplier;
    assert_eq!(ok(&supplier).reason(), Some(Reason::TrialDataOnlyKeptForPurchase));
}

#[test]
fn after_a_trial_the_other_rules_decide_what_is_not_keeping() {
    // "The trial rule governs what 21Vianet keeps of trial data, nothing
    // more": service communications continue "within or after the Online
    // Services", and the customer still manages its Administrator Data.
    let notice = req(
        Party::Operator,
        Action::Contact,
        DataElement::AdministratorEmail,
        Purpose::ServiceCommunication,
    )
    .with_trial_ended_at(t("2024-03-31"))
    .at(t("2024-04-15"));
    assert!(ok(&notice).is_allowed());
    let portal = req(
        Party::Customer,
        Action::Access,
        DataElement::AdministratorPhone,
        Purpose::DataSubjectRequest,
    )
    .with_trial_ended_at(t("2024-03-31"))
    .at(t("2024-04-15"));
    assert!(ok(&portal).is_allowed());
}

#[test]
fn during_the_trial_the_other_rules_decide() {
    let mut using = keep_for_purchase().at(t("2024-03-30T23:59:59"));
    using.action = Action::Use;
    using.purpose = Purpose::ProvideService;
    assert!(ok(&using).is_allowed());
    // Keeping data "for a later purchase" is the trial section's purpose
    // only: without an ended trial no clause permits it.
    let untimed = req(
        Party::Operator,
        Action::Retain,
        DataElement::CustomerContent,
        Purpose::FuturePurchaseExperience,
    );
    assert!(!ok(&untimed).is_allowed());
}

#[test]
fn after_a_trial_its_data_may_be_removed_at_any_time() {
    let mut remove = keep_for_purchase().at(t("2030-01-01"));
    remove.action = Action::Delete;
    let decision = ok(&remove);
    assert!(decision.is_allowed());
    assert_eq!(decision.clause(), ClauseId::TrialDataRemoval);
}

#[test]
fn previews_are_allowed_with_the_security_advisory() {
    let store = req(
        Party::Operator,
        Action::Store,
        DataElement::CustomerContent,
        Purpose::ProvideService,
    );
    let plain = ok(&store);
    assert!(plain.is_allowed());
    assert!(!plain.advisories().contains(Advisory::PreviewSecurityMayDiffer));
    let preview = ok(&store.in_preview());
    assert!(preview.is_allowed());
    assert_eq!(preview.clause(), plain.clause());
    assert!(preview.advisories().contains(Advisory::PreviewSecurityMayDiffer));
    assert_eq!(Advisory::PreviewSecurityMayDiffer.clause(), ClauseId::PreviewSecurity);
}

#[test]
fn a_preview_does_not_turn_a_deny_into_an_allow() {
    let advertising = req(
        Party::Operator,
        Action::Use,
        DataElement::CustomerContent,
        Purpose::Advertising,
    )
    .in_preview();
    let decision = ok(&advertising);
    assert!(!decision.is_allowed());
    assert!(!decision.advisories().contains(Advisory::PreviewSecurityMayDiffer));
}
