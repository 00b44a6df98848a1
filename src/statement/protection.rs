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
//! Personal Data; it permits and forbids nothing by itself.
//!
//! ## Incidents
//!
//! > In the event of Personal Data security incidents, 21Vianet will
//! > promptly notify you via push notifications or announcements in
//! > accordance with the requirements of applicable laws and regulations,
//! > informing you of the basic circumstances and possible impacts of the
//! > security incidents, the measures we have taken or will take, advice
//! > for you on self-prevention and mitigation of risks, remedial measures
//! > for you, etc.
//! >
//! > In the event of a cyber security incident, we will follow the
//! > emergency response plan for cyber security incidents, take appropriate
//! > remedial measures, and report to the competent authorities in
//! > accordance with relevant applicable laws and regulations.
//!
//! An incident is not a request to decide but a set of duties to carry
//! out: [`incident_obligations`] lists them, and a
//! [`Checklist`](crate::Checklist) tracks which are still open. An
//! incident that is both (a cyber attack that exposes Personal Data) takes
//! the union of the two sets.
//!
//! ```
//! use vianet_privacy::statement::protection::{incident_obligations, IncidentKind};
//! use vianet_privacy::{Checklist, Obligation};
//!
//! let mut checklist = Checklist::new(incident_obligations(IncidentKind::PersonalDataSecurity));
//! assert_eq!(checklist.open().len(), 6);
//! assert!(checklist.check_off(Obligation::NotifyIncidentPromptly));
//! assert!(!checklist.check_off(Obligation::ReportIncidentToAuthorities)); // not a duty of this kind
//! assert!(!checklist.is_complete());
//! ```

use crate::model::vocabulary::vocabulary;
use crate::{Action, ActionSet, Obligation, ObligationSet, Request};

vocabulary! {
    /// The two kinds of incident the section names.
    ///
    /// ```
    /// use vianet_privacy::statement::protection::IncidentKind;
    ///
    /// assert_eq!("cyber_security".parse::<IncidentKind>()?, IncidentKind::CyberSecurity);
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum IncidentKind / IncidentKindSet(u8) : "incident kind" {
        /// A Personal Data security incident (leak, tampering, loss).
        PersonalDataSecurity = "personal_data_security" {
            en: "Personal Data security incident",
            zh: "个人数据安全事件"
        },
        /// A cyber security incident.
        CyberSecurity = "cyber_security" { en: "cyber security incident", zh: "网络安全事件" },
    }
}

/// The duties a Personal Data security incident brings: prompt notice by
/// push notification or announcement, covering its basic circumstances,
/// possible impact, the measures taken or to be taken, advice on
/// self-protection, and remedies.
pub const PERSONAL_DATA_INCIDENT_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::NotifyIncidentPromptly,
    Obligation::InformIncidentCircumstances,
    Obligation::InformIncidentImpact,
    Obligation::InformIncidentMeasures,
    Obligation::AdviseSelfProtection,
    Obligation::InformRemedies,
]);

/// The duties a cyber security incident brings: follow the emergency
/// response plan, take remedial measures, report to the competent
/// authorities.
pub const CYBER_SECURITY_INCIDENT_DUTIES: ObligationSet = ObligationSet::of(&[
    Obligation::FollowEmergencyResponsePlan,
    Obligation::TakeRemedialMeasures,
    Obligation::ReportIncidentToAuthorities,
]);

/// The duties an incident of this kind brings; each names its clause
/// ([`Obligation::clause`]).
///
/// ```
/// use vianet_privacy::statement::protection::{incident_obligations, IncidentKind};
/// use vianet_privacy::{ClauseId, Obligation};
///
/// let duties = incident_obligations(IncidentKind::CyberSecurity);
/// assert!(duties.contains(Obligation::ReportIncidentToAuthorities));
/// assert!(duties.iter().all(|d| d.clause() == ClauseId::ProtectionCyberSecurityIncident));
/// ```
pub const fn incident_obligations(kind: IncidentKind) -> ObligationSet {
    match kind {
        IncidentKind::PersonalDataSecurity => PERSONAL_DATA_INCIDENT_DUTIES,
        IncidentKind::CyberSecurity => CYBER_SECURITY_INCIDENT_DUTIES,
    }
}

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
