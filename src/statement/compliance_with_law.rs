//! "Compliance with Law".
//!
//! > You acknowledge that under Chinese regulations:
//! >
//! > - An Internet information service provider shall not produce,
//! >   reproduce, publish, or disseminate information that includes the
//! >   following content ("Prohibited Content"). Prohibited Content is
//! >   content that:
//! >   - is against the basic principles determined by the Constitution;
//! >   - impairs national security, divulges State secrets, subverts State
//! >     sovereignty or jeopardizes national unity;
//! >   - damages the reputation and interests of the State;
//! >   - incites ethnic hostility and ethnic discrimination or jeopardizes
//! >     unity among ethnic groups;
//! >   - damages State religious policies or that advocates sects or feudal
//! >     superstitions;
//! >   - disseminates rumors, disrupts the social order or damages social
//! >     stability;
//! >   - disseminates obscenity, pornography, gambling, violence, homicide
//! >     and terror, or that incites crime;
//! >   - insults or slanders others or that infringes their lawful rights
//! >     and interests; and
//! >   - is otherwise prohibited by laws or administrative regulations.
//! > - If an Internet information service provider discovers that
//! >   information distributed on its website falls within the scope of the
//! >   Prohibited Content, it shall promptly terminate the distribution,
//! >   keep relevant records, and report to relevant authorities.
//! >
//! > You further agree that:
//! >
//! > - If the business or organization you operate by using the Online
//! >   Services is subject to permit or approval by relevant governmental
//! >   authorities, you should obtain such relevant permit or approval,
//! >   including but not limited to:
//! >   - if your website provides non-operational Internet information
//! >     services, Customer will make the filing for the non-operational
//! >     website with the governmental authority; and
//! >   - if your website provides operational Internet information
//! >     services, you will obtain the VAT permit for operational website
//! >     from the governmental authority.
//! > - If you are an Internet information service provider using Online
//! >   Services, you will keep records of the information provided, time of
//! >   publishing and the Internet address or domain name, and assist in
//! >   providing such information when inquired by related government
//! >   authorities in accordance with applicable laws.
//! > - You will provide your real identity and contact information when
//! >   registering for the Online Services and promptly update that
//! >   information in the administrator portal if there are any changes to
//! >   the information. We will use this information to contact you, as
//! >   detailed in this Privacy Statement. You warrant that the information
//! >   you provide is true, complete, and valid; otherwise, you will bear
//! >   all the consequences.
//!
//! These sentences bind the customer as an Internet information service
//! provider, not 21Vianet's processing of personal data, so they are asked
//! with their own [`ComplianceRequest`] and answered by
//! [`decide_compliance`], which returns the crate's [`Decision`]. The lists
//! mirror the Measures for the Administration of Internet Information
//! Services (State Council Decree 292): Art. 15 (the nine kinds), Art. 16
//! (stop, keep records, report), Art. 4, 7, 8 (filing and permit), Art. 14
//! (records, 60 days: see [`RecordRetention`](crate::RecordRetention)); real identity mirrors the
//! Cybersecurity Law (Art. 24 of the 2016 text).
//!
//! | activity | rule | clause |
//! |---|---|---|
//! | produce, reproduce, publish, disseminate, serve a website | Prohibited Content: deny, forbidden | [`ClauseId::NoProhibitedContent`] |
//! | publish, disseminate | all three record items kept, else deny (not permitted); allow obliges keeping them | [`ClauseId::InformationServiceRecords`] |
//! | discover Prohibited Content | allow, obliging stop, keep records, report | [`ClauseId::DiscoveredProhibitedContent`] |
//! | serve a website | filing (non-operational) or VAT permit (operational), else deny naming it | [`ClauseId::NonOperationalWebsiteFiling`], [`ClauseId::OperationalWebsitePermit`] |
//! | operate a business, serve a website | permit or approval if subject to one, else deny naming it | [`ClauseId::BusinessPermitOrApproval`] |
//! | answer a records inquiry | only one made in accordance with law | [`ClauseId::InformationServiceRecords`] |
//! | discard records | only after the retention period, which is the Measures' (Art. 14), not the statement's | [`ClauseId::MeasuresRecordRetention`] |
//! | register, update registration | real identity and contact information, none false | [`ClauseId::RealIdentityAtRegistration`] |

use crate::{
    Activity, ActivitySet, Allow, Authorization, AuthorizationSet, ClauseId, ComplianceRequest, Decision, Deny,
    DenyKind, Obligation, ObligationSet, Reason, RecordItemSet, RegistrationInfoSet, RequestError, StatementVersion,
    WebsiteKind,
};

/// The activities to which the prohibition applies: the four it names, and
/// serving a website, which disseminates what the website holds.
pub(crate) const CONTENT_CHECKED: ActivitySet = ActivitySet::CONTENT.with(Activity::ServeWebsite);

/// The duties on discovering Prohibited Content.
pub(crate) const DISCOVERY_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::StopTransmission,
    Obligation::KeepRelevantRecords,
    Obligation::ReportToAuthorities,
]);

/// The duties of an Internet information service provider that publishes.
pub(crate) const RECORD_DUTIES: ObligationSet =
    ObligationSet::of(&[Obligation::KeepInformationRecords, Obligation::AssistLawfulInquiry]);

/// The duty that comes with a registration.
pub(crate) const REGISTRATION_DUTIES: ObligationSet = ObligationSet::of(&[Obligation::KeepRegistrationUpToDate]);

/// What makes an inquiry by the authorities one the records go to.
pub(crate) const LAWFUL_INQUIRY: Authorization = Authorization::LegalRequirement;

impl ComplianceRequest {
    /// Decides the request: the same as [`decide_compliance`]. (The rules
    /// live here, with the section; the request type in the model.)
    pub fn decide(&self) -> Result<Decision, RequestError> {
        decide_compliance(self)
    }
}

/// Decides a [`ComplianceRequest`] under "Compliance with Law".
///
/// Fails closed: Prohibited Content is forbidden; a missing filing, permit
/// or approval denies with [`DenyKind::NeedsAuthorization`] naming what is
/// missing; a fact the activity needs but the request lacks is an error.
/// Like [`decide`](crate::decide) it allocates nothing, takes no lock and
/// does no I/O.
///
/// ```
/// use vianet_privacy::{decide_compliance, Activity, Authorization, ClauseId, ComplianceRequest, DenyKind, WebsiteKind};
///
/// let site = ComplianceRequest::new(Activity::ServeWebsite)
///     .with_website(WebsiteKind::NonOperational)
///     .subject_to_permit_or_approval(false);
/// let decision = decide_compliance(&site)?;
/// assert_eq!(decision.deny_kind(), Some(DenyKind::NeedsAuthorization));
/// assert_eq!(decision.clause(), ClauseId::NonOperationalWebsiteFiling);
/// assert!(decision.missing().contains(Authorization::NonOperationalWebsiteFiling));
///
/// let filed = site.with_authorization(Authorization::NonOperationalWebsiteFiling);
/// assert!(decide_compliance(&filed)?.is_allowed());
/// # Ok::<(), vianet_privacy::RequestError>(())
/// ```
pub fn decide_compliance(request: &ComplianceRequest) -> Result<Decision, RequestError> {
    let version = StatementVersion::CURRENT;
    if let Some(at) = request.at {
        version.check_in_force(at)?;
    }
    if CONTENT_CHECKED.contains(request.activity) && request.prohibited_content.is_some() {
        return Ok(deny(
            ClauseId::NoProhibitedContent,
            DenyKind::Forbidden,
            Reason::ProhibitedContentForbidden,
            AuthorizationSet::EMPTY,
        ));
    }
    match request.activity {
        Activity::Produce | Activity::Reproduce => Ok(allow(ClauseId::NoProhibitedContent, ObligationSet::EMPTY)),
        Activity::Publish | Activity::Disseminate => Ok(publish(request)),
        Activity::DiscoverProhibitedContent => match request.prohibited_content {
            Some(_) => Ok(allow(ClauseId::DiscoveredProhibitedContent, DISCOVERY_DUTIES)),
            None => Err(missing(
                request,
                "prohibited_content",
                "a discovery of Prohibited Content names its kind",
            )),
        },
        Activity::OperateBusiness => {
            let missing_approval = business_approval_missing(request)?;
            Ok(if missing_approval.is_empty() {
                allow(ClauseId::BusinessPermitOrApproval, ObligationSet::EMPTY)
            } else {
                deny(
                    ClauseId::BusinessPermitOrApproval,
                    DenyKind::NeedsAuthorization,
                    Reason::BusinessNeedsPermitOrApproval,
                    missing_approval,
                )
            })
        }
        Activity::ServeWebsite => serve_website(request),
        Activity::AnswerRecordsInquiry => Ok(if request.authorizations.contains(LAWFUL_INQUIRY) {
            allow(
                ClauseId::InformationServiceRecords,
                Obligation::AssistLawfulInquiry.set(),
            )
        } else {
            deny(
                ClauseId::InformationServiceRecords,
                DenyKind::NeedsAuthorization,
                Reason::RecordsOnLawfulInquiry,
                LAWFUL_INQUIRY.set(),
            )
        }),
        Activity::DiscardRecords => discard_records(request),
        Activity::Register | Activity::UpdateRegistration => Ok(registration(request)),
    }
}

/// Publishing needs the three record items, and obliges keeping them.
fn publish(request: &ComplianceRequest) -> Decision {
    if request.records_kept == RecordItemSet::ALL {
        allow(ClauseId::NoProhibitedContent, RECORD_DUTIES)
    } else {
        deny(
            ClauseId::InformationServiceRecords,
            DenyKind::NotPermitted,
            Reason::InformationRecordsRequired,
            AuthorizationSet::EMPTY,
        )
    }
}

/// The government permit or approval the business lacks (empty if it is
/// not subject to one or holds it).
fn business_approval_missing(request: &ComplianceRequest) -> Result<AuthorizationSet, RequestError> {
    match request.subject_to_permit_or_approval {
        None => Err(missing(
            request,
            "subject_to_permit_or_approval",
            "whether the business is subject to permit or approval by the governmental authorities decides whether it needs one",
        )),
        Some(true) if !request.authorizations.contains(Authorization::GovernmentPermitOrApproval) => {
            Ok(Authorization::GovernmentPermitOrApproval.set())
        }
        Some(_) => Ok(AuthorizationSet::EMPTY),
    }
}

/// A website needs its filing or permit, and the business its approval;
/// the deny names all that is missing and cites the website's clause first.
fn serve_website(request: &ComplianceRequest) -> Result<Decision, RequestError> {
    let Some(kind) = request.website else {
        return Err(missing(
            request,
            "website",
            "a non-operational website needs a filing and an operational one a VAT permit",
        ));
    };
    let approval = business_approval_missing(request)?;
    let needed = kind.required_authorization();
    if !request.authorizations.contains(needed) {
        let reason = match kind {
            WebsiteKind::NonOperational => Reason::NonOperationalWebsiteNeedsFiling,
            WebsiteKind::Operational => Reason::OperationalWebsiteNeedsPermit,
        };
        return Ok(deny(
            kind.clause(),
            DenyKind::NeedsAuthorization,
            reason,
            approval.with(needed),
        ));
    }
    if !approval.is_empty() {
        return Ok(deny(
            ClauseId::BusinessPermitOrApproval,
            DenyKind::NeedsAuthorization,
            Reason::BusinessNeedsPermitOrApproval,
            approval,
        ));
    }
    Ok(allow(kind.clause(), RECORD_DUTIES))
}

/// A record may be discarded only once the retention period has passed.
fn discard_records(request: &ComplianceRequest) -> Result<Decision, RequestError> {
    let Some(recorded_at) = request.recorded_at else {
        return Err(missing(
            request,
            "recorded_at",
            "the retention period runs from when the record was made",
        ));
    };
    let Some(at) = request.at else {
        return Err(missing(
            request,
            "at",
            "whether the retention period has passed depends on the time of discarding",
        ));
    };
    // The period is the Measures' (or the caller's), not the statement's:
    // the decision cites it as such.
    Ok(if request.retention.may_discard(recorded_at, at) {
        allow(ClauseId::MeasuresRecordRetention, ObligationSet::EMPTY)
    } else {
        deny(
            ClauseId::MeasuresRecordRetention,
            DenyKind::Forbidden,
            Reason::RecordsKeptForRetentionPeriod,
            AuthorizationSet::EMPTY,
        )
    })
}

/// Registration needs true, complete identity and contact information.
fn registration(request: &ComplianceRequest) -> Decision {
    if !request.identity_false.is_empty() {
        deny(
            ClauseId::RealIdentityAtRegistration,
            DenyKind::Forbidden,
            Reason::RegistrationFalse,
            AuthorizationSet::EMPTY,
        )
    } else if request.identity_provided != RegistrationInfoSet::ALL {
        deny(
            ClauseId::RealIdentityAtRegistration,
            DenyKind::NotPermitted,
            Reason::RegistrationIncomplete,
            AuthorizationSet::EMPTY,
        )
    } else {
        allow(ClauseId::RealIdentityAtRegistration, REGISTRATION_DUTIES)
    }
}

const fn allow(clause: ClauseId, obligations: ObligationSet) -> Decision {
    Decision::Allow(Allow {
        clause,
        obligations,
        advisories: crate::AdvisorySet::EMPTY,
        statement_version: StatementVersion::CURRENT,
    })
}

const fn deny(clause: ClauseId, kind: DenyKind, reason: Reason, missing: AuthorizationSet) -> Decision {
    Decision::Deny(Deny {
        clause,
        kind,
        reason,
        missing,
        advisories: crate::AdvisorySet::EMPTY,
        statement_version: StatementVersion::CURRENT,
    })
}

const fn missing(request: &ComplianceRequest, field: &'static str, why: &'static str) -> RequestError {
    RequestError::MissingComplianceFact {
        activity: request.activity,
        field,
        why,
    }
}
