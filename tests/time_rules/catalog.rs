use vianet_privacy::{Advisory, ClauseId, Obligation, Section};

/// The clauses issue 3 adds, with the section each belongs to.
const CLAUSES: &[(ClauseId, Section)] = &[
    (ClauseId::StorageRetentionAfterClosure, Section::Storage),
    (ClauseId::StorageDeletionAfterRetention, Section::Storage),
    (ClauseId::StorageServiceTermination, Section::Storage),
    (ClauseId::ProtectionPersonalDataIncident, Section::Protection),
    (ClauseId::ProtectionCyberSecurityIncident, Section::Protection),
    (ClauseId::ManagingPortal, Section::Managing),
    (ClauseId::ManagingInitialRegistration, Section::Managing),
    (ClauseId::ManagingDeletionConsequences, Section::Managing),
    (ClauseId::ManagingDeletionNotifiesRecipients, Section::Managing),
    (ClauseId::ManagingIdentityAndResponseTime, Section::Managing),
    (ClauseId::ManagingRefusalGrounds, Section::Managing),
    (ClauseId::ManagingRefusalTradeSecrets, Section::Managing),
    (ClauseId::SharingEndUserRequests, Section::Sharing),
    (ClauseId::TrialDataRetention, Section::TrialPeriod),
    (ClauseId::TrialDataRemoval, Section::TrialPeriod),
    (ClauseId::PreviewSecurity, Section::PreviewReleases),
    (ClauseId::MinorsGuardianConsent, Section::ProtectionOfMinors),
    (ClauseId::ChangesLastUpdated, Section::Changes),
    (ClauseId::ChangesSubstantialNotice, Section::Changes),
    (ClauseId::ContactResponseTime, Section::ContactUs),
];

const DOC: &str = include_str!("../../docs/clauses.md");

const SOURCES: &[(&str, &str)] = &[
    ("changes", include_str!("changes.rs")),
    ("incidents", include_str!("incidents.rs")),
    ("managing", include_str!("managing.rs")),
    ("minors", include_str!("minors.rs")),
    ("properties", include_str!("properties.rs")),
    ("retention", include_str!("retention.rs")),
    ("time_input", include_str!("time_input.rs")),
    ("trial_and_preview", include_str!("trial_and_preview.rs")),
];

#[test]
fn every_new_clause_has_its_section_a_passage_and_a_catalog_row() {
    for (clause, section) in CLAUSES {
        assert_eq!(clause.section(), *section, "{clause}");
        assert!(clause.passage().len() > 40, "{clause}");
        assert!(DOC.contains(&format!("`{clause}`")), "docs/clauses.md lacks `{clause}`");
    }
}

#[test]
fn every_test_the_catalog_names_exists() {
    let mut named = 0;
    for word in DOC.split('`') {
        let Some((module, test)) = word.split_once("::") else {
            continue;
        };
        let Some((_, source)) = SOURCES.iter().find(|(name, _)| *name == module) else {
            continue;
        };
        assert!(
            source.contains(&format!("fn {test}(")),
            "docs/clauses.md names {word}, which does not exist"
        );
        named += 1;
    }
    assert!(named >= 40, "only {named} tests named");
}

#[test]
fn the_new_duties_and_advice_cite_the_new_clauses() {
    let duties = [
        (
            Obligation::DoNotUseDuringRetention,
            ClauseId::StorageRetentionAfterClosure,
        ),
        (
            Obligation::DeleteOrAnonymizeWhenRetentionEnds,
            ClauseId::StorageDeletionAfterRetention,
        ),
        (Obligation::NotifyTermination, ClauseId::StorageServiceTermination),
        (
            Obligation::DeleteOrAnonymizeOnTermination,
            ClauseId::StorageServiceTermination,
        ),
        (Obligation::RetainTrialDataTemporarily, ClauseId::TrialDataRetention),
        (Obligation::RespondByDueDate, ClauseId::ManagingIdentityAndResponseTime),
        (Obligation::ReviseLastUpdatedDate, ClauseId::ChangesLastUpdated),
        (Obligation::NotifySubstantialChange, ClauseId::ChangesSubstantialNotice),
    ];
    for (duty, clause) in duties {
        assert_eq!(duty.clause(), clause, "{duty:?}");
    }
    assert_eq!(Advisory::TrialDataMayBeRemoved.clause(), ClauseId::TrialDataRemoval);
    assert_eq!(
        Advisory::GuardianShouldReadStatement.clause(),
        ClauseId::MinorsGuardianConsent
    );
}
