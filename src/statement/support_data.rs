//! "Support Data".
//!
//! > Support services can be provided by phone, email or online chat. With
//! > your permission, we may temporarily manipulate your machine through
//! > Remote Access. Calls, live chat, or Remote Access by professional
//! > support staff may be recorded and/or monitored. For Remote Access, you
//! > can also view the record after the operation has ended. You can choose
//! > to terminate live chat or Remote Access at any time. We use Support
//! > Data in accordance with this Privacy Statement, and we also use it to
//! > resolve your support issues and for training purposes.
//! >
//! > After the support experience is over, we may send you a questionnaire
//! > about your experience and service content. If you are unwilling to
//! > participate in the survey, you may unsubscribe through the footer link
//! > in the email or contact the support department through other
//! > communication methods provided by 21Vianet to unsubscribe.

use super::{PROCESSING, WE};
use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Authorization, AuthorizationSet, ClauseId, DataElement, DataElementSet, DenyKind, Objection,
    ObjectionSet, Obligation, ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason,
};

/// The purposes Support Data is used for: "we also use it to resolve your
/// support issues and for training purposes" (an automated fault detector
/// is one way Support Data is collected, not a purpose of its own).
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[Purpose::ResolveSupportIssue, Purpose::Training]);

const REMOTE_CONTROL: ActionSet = ActionSet::of(&[Action::RemoteControl]);
const SESSION: ActionSet = ActionSet::of(&[Action::RemoteControl, Action::Record]);
const PERMISSION: AuthorizationSet = AuthorizationSet::of(&[Authorization::RemoteAccessPermission]);
const SURVEY: Scope = Scope::ANY
    .actions(ActionSet::of(&[Action::Contact]))
    .purposes(PurposeSet::of(&[Purpose::SupportSurvey]));

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::SupportRemoteAccess,
        Scope::ANY.actions(SESSION),
        DenyKind::NotPermitted,
        Reason::RemoteSessionEnded,
    )
    .on_objection(ObjectionSet::of(&[Objection::RemoteSessionEnded])),
    Limit::new(
        ClauseId::SupportRemoteAccess,
        Scope::ANY.actions(REMOTE_CONTROL),
        DenyKind::NeedsAuthorization,
        Reason::RemoteAccessNeedsPermission,
    )
    .unless(&[Exception {
        scope: Scope::ANY,
        needs: Needs::all_of(PERMISSION),
    }]),
    Limit::new(
        ClauseId::SupportSurvey,
        SURVEY,
        DenyKind::NotPermitted,
        Reason::SurveyUnsubscribed,
    )
    .on_objection(ObjectionSet::of(&[Objection::SurveyUnsubscribed])),
    // "After the support experience is over": the sentence says when, and
    // no consent to another purpose moves it.
    Limit::new(
        ClauseId::SupportSurvey,
        SURVEY,
        DenyKind::NeedsAuthorization,
        Reason::SurveyOnlyAfterSupport,
    )
    .unless(&[Exception {
        scope: Scope::ANY,
        needs: Needs::all_of(SUPPORT_OVER),
    }]),
];

const SUPPORT_OVER: AuthorizationSet = AuthorizationSet::of(&[Authorization::SupportExperienceOver]);

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::SupportRemoteAccess,
        // Manipulating the customer's machine reaches whatever is on it.
        Scope::ANY
            .actions(REMOTE_CONTROL)
            .parties(WE)
            .purposes(PurposeSet::of(&[
                Purpose::ResolveSupportIssue,
                Purpose::Troubleshooting,
            ])),
        Reason::RemoteAccessNeedsPermission,
    )
    .needs(Needs::all_of(PERMISSION))
    .obligations(ObligationSet::of(&[
        Obligation::RemoteAccessTemporary,
        Obligation::ShowRemoteAccessRecord,
        Obligation::HonourTerminationAtAnyTime,
    ])),
    Permit::new(
        ClauseId::SupportRecording,
        Scope::ANY
            // "Calls, live chat, or Remote Access … may be recorded": what
            // is recorded is the recording.
            .data(DataElementSet::of(&[DataElement::SupportRecording]))
            .actions(ActionSet::of(&[Action::Record]))
            .parties(WE)
            .purposes(PURPOSES),
        Reason::SupportDataUseLimited,
    )
    .obligations(ObligationSet::of(&[Obligation::HonourTerminationAtAnyTime])),
    // "After the support experience is over, we may send you a
    // questionnaire": only then.
    Permit::new(
        ClauseId::SupportSurvey,
        SURVEY
            .data(DataElementSet::of(&[DataElement::SupportContactInfo]))
            .parties(WE),
        Reason::SurveyOnlyAfterSupport,
    )
    .needs(Needs::all_of(SUPPORT_OVER))
    .obligations(ObligationSet::of(&[Obligation::OfferSurveyUnsubscribe])),
    // "Support services can be provided by phone, email or online chat."
    Permit::new(
        ClauseId::SupportDataUse,
        Scope::ANY
            .data(DataElementSet::of(&[DataElement::SupportContactInfo]))
            .actions(ActionSet::of(&[Action::Contact]))
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::ResolveSupportIssue])),
        Reason::SupportDataUseLimited,
    ),
    // "For Remote Access, you can also view the record after the operation
    // has ended."
    Permit::new(
        ClauseId::SupportRecording,
        Scope::ANY
            .data(DataElementSet::of(&[DataElement::SupportRecording]))
            .actions(ActionSet::of(&[Action::Access]))
            .parties(PartySet::of(&[Party::Customer])),
        Reason::SupportDataUseLimited,
    ),
    Permit::new(
        ClauseId::SupportDataUse,
        Scope::ANY
            .data(DataElementSet::SUPPORT)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PURPOSES),
        Reason::SupportDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::SupportDataUse, Reason::SupportDataUseLimited);
