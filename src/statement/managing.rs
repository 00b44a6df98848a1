//! "How You Can Manage Your Personal Data", with the sharing section's
//! bullet on end users' requests and the response time of "How to Contact
//! Us".
//!
//! > We provide you with ways to manage your Personal Data. You can access
//! > and manage your Administrator Data, Real-name Authentication Data, and
//! > Payment Data in the account information of your administrator portal.
//! > However, for security and identification considerations or as required
//! > by applicable laws and regulations, you may not be able to modify the
//! > initial registration information provided at the time of registration,
//! > such as Real-Name Authentication Data.
//! >
//! > If you have other questions or needs for managing Personal Data, please
//! > contact customer support. If you choose to delete your Personal Data or
//! > change the scope of the authorization, it may result in our failure to
//! > provide certain Online Services for you. For example, deleting Payment
//! > Data or contact details will make it difficult for you to complete
//! > payments and receive corresponding Online Services.
//! >
//! > If we decide to respond to your request for deletion, we will also
//! > notify the supplier or subcontractor who has obtained your Personal
//! > Data from us and request them to delete your Personal Data in a timely
//! > manner, unless otherwise required by applicable laws and regulations.
//! >
//! > To ensure security, we may ask you to verify your identity first in
//! > response to your request to manage Personal Data under this section.
//! > We will timely respond to your request above after verifying your
//! > identity, and reply or make reasonable explanations to you within 30
//! > days or the time limit stipulated by applicable laws and regulations,
//! > or inform you about the external approaches you may choose to resolve
//! > the disputes.
//! >
//! > Notwithstanding the above, pursuant to applicable laws and regulations,
//! > we may not need to respond to your requests under the following
//! > circumstances, including but not limited to: (seven grounds, see
//! > [`RefusalGround`])
//!
//! and, from "How We Share, Transfer, and Disclose Your Data":
//!
//! > We will not substantively respond to data protection and privacy
//! > requests from your end users without your prior written instruction,
//! > unless required by applicable laws and regulations.
//!
//! Two ways in:
//!
//! * **Processing requests** to [`decide`](crate::decide) with
//!   [`Purpose::DataSubjectRequest`]: the customer accessing, modifying or
//!   deleting its data in the administrator portal
//!   ([`Party::Customer`]); 21Vianet answering a request (accessing,
//!   correcting, deleting the data: [`Party::Operator`]); an end user
//!   asking 21Vianet directly ([`Party::EndUser`]), which needs
//!   [`Authorization::PriorWrittenInstruction`] or
//!   [`Authorization::LegalRequirement`]. Modifying Real-Name
//!   Authentication Data this way is not permitted (initial registration
//!   information). Deleting Payment Data or contact details carries
//!   [`Advisory::DeletionMayAffectServices`]; every deletion carries the
//!   duty to pass it on to suppliers and subcontractors.
//! * **A data subject's request as a whole**: [`SubjectRequest`], which
//!   says whether and by when 21Vianet must reply ([`SubjectRequest::respond`],
//!   [`SubjectRequest::due_date`]) and whether a refusal stands
//!   ([`SubjectRequest::refuse`]).
//!
//! ```
//! use vianet_privacy::{decide, Action, Advisory, DataElement, DenyKind, Location, OnlineService, Party, Purpose, Request};
//!
//! let portal = |action, data| Request::new(
//!     OnlineService::Azure,
//!     Party::Customer,
//!     action,
//!     data,
//!     Purpose::DataSubjectRequest,
//!     Location::MainlandChina,
//! );
//! assert!(decide(&portal(Action::Modify, DataElement::AdministratorPhone))?.is_allowed());
//! let real_name = decide(&portal(Action::Modify, DataElement::IdCardScan))?;
//! assert_eq!(real_name.deny_kind(), Some(DenyKind::NotPermitted));
//! let delete_card = decide(&portal(Action::Delete, DataElement::PaymentInstrumentNumber))?;
//! assert!(delete_card.advisories().contains(Advisory::DeletionMayAffectServices));
//! # Ok::<(), vianet_privacy::RequestError>(())
//! ```

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Advisory, AdvisorySet, Authorization, AuthorizationSet, ClauseId, DataElement, DataElementSet,
    Decision, Deny, DenyKind, Language, Obligation, ObligationSet, Party, PartySet, Purpose, PurposeSet, Reason,
    RequestError, StatementVersion,
};

/// The data the customer accesses and manages in the administrator portal.
pub(crate) const PORTAL_DATA: DataElementSet = DataElementSet::ADMINISTRATOR
    .union(DataElementSet::REAL_NAME)
    .union(DataElementSet::PAYMENT);

/// "Contact details": the phone numbers, e-mail and postal addresses the
/// statement names.
pub(crate) const CONTACT_DETAILS: DataElementSet = DataElementSet::of(&[
    DataElement::AdministratorAddress,
    DataElement::AdministratorPhone,
    DataElement::AdministratorEmail,
    DataElement::RealNameMobileNumber,
    DataElement::SupportContactInfo,
    DataElement::RegistrationPhone,
    DataElement::RegistrationEmail,
]);

/// Data whose deletion "will make it difficult for you to complete
/// payments and receive corresponding Online Services".
const COSTLY_TO_DELETE: DataElementSet = DataElementSet::PAYMENT.union(CONTACT_DETAILS);

const SUBJECT_REQUEST: PurposeSet = PurposeSet::of(&[Purpose::DataSubjectRequest]);
const CUSTOMER: PartySet = PartySet::of(&[Party::Customer]);
const END_USER: PartySet = PartySet::of(&[Party::EndUser]);
const LOOK_AND_CORRECT: ActionSet = ActionSet::of(&[Action::Access, Action::Modify]);
/// Looking the data up and correcting it, as a request asks.
const ANSWERING: ActionSet = ActionSet::of(&[Action::Access, Action::Modify]);
/// The customer deletes in the portal, 21Vianet deletes on a request "for
/// deletion", and recipients delete when asked: deletion, as asked, not
/// anonymization (which the statement names only at the end of retention
/// and of a service).
const DELETE: ActionSet = ActionSet::of(&[Action::Delete]);
/// Suppliers and subcontractors that obtained Personal Data from 21Vianet,
/// the overseas fraud-prevention and payment subcontractors among them.
const RECIPIENTS: PartySet = PartySet::of(&[Party::Supplier, Party::FraudPreventionProvider, Party::PaymentProcessor]);
const DELETION_DUTY: ObligationSet = ObligationSet::of(&[Obligation::NotifyRecipientsToDelete]);
const COSTS_SERVICES: AdvisorySet = AdvisorySet::of(&[Advisory::DeletionMayAffectServices]);
const INSTRUCTED_OR_REQUIRED: AuthorizationSet =
    AuthorizationSet::of(&[Authorization::PriorWrittenInstruction, Authorization::LegalRequirement]);

const MANAGING: Scope = Scope::ANY.purposes(SUBJECT_REQUEST);

/// The identity documents given at registration, which are not modified
/// ("you may not be able to modify the initial registration information
/// provided at the time of registration, such as Real-Name Authentication
/// Data"). The administrator's mobile number, though given at real-name
/// authentication, is contact information, which the customer must
/// "promptly update … in the administrator portal if there are any
/// changes" (Compliance with Law): it is updated like any contact detail.
/// A change of identity goes through real-name authentication again.
pub(crate) const INITIAL_REGISTRATION: DataElementSet =
    DataElementSet::of(&[DataElement::BusinessLicense, DataElement::IdCardScan]);

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::ManagingInitialRegistration,
        MANAGING
            .data(INITIAL_REGISTRATION)
            .actions(ActionSet::of(&[Action::Modify])),
        DenyKind::NotPermitted,
        Reason::InitialRegistrationNotModifiable,
    ),
    // "We will not substantively respond to data protection and privacy
    // requests from your end users without your prior written instruction,
    // unless required by applicable laws and regulations": read before the
    // sharing section, whose general bases (as the customer directs, say)
    // do not stand in for the written instruction.
    Limit::new(
        ClauseId::SharingEndUserRequests,
        MANAGING.parties(END_USER),
        DenyKind::NeedsAuthorization,
        Reason::EndUserRequestNeedsCustomerInstruction,
    )
    .unless(&[Exception {
        scope: Scope::ANY,
        needs: Needs::any_of(INSTRUCTED_OR_REQUIRED),
    }]),
];

pub(crate) const PERMITS: &[Permit] = &[
    // The customer in the administrator portal.
    Permit::new(
        ClauseId::ManagingPortal,
        MANAGING.data(PORTAL_DATA).actions(LOOK_AND_CORRECT).parties(CUSTOMER),
        Reason::PortalManagesListedDataOnly,
    ),
    Permit::new(
        ClauseId::ManagingPortal,
        MANAGING
            .data(PORTAL_DATA.difference(PORTAL_DATA.difference(COSTLY_TO_DELETE)))
            .actions(DELETE)
            .parties(CUSTOMER),
        Reason::PortalManagesListedDataOnly,
    )
    .obligations(DELETION_DUTY)
    .advisories(COSTS_SERVICES),
    Permit::new(
        ClauseId::ManagingPortal,
        MANAGING.data(PORTAL_DATA).actions(DELETE).parties(CUSTOMER),
        Reason::PortalManagesListedDataOnly,
    )
    .obligations(DELETION_DUTY),
    // 21Vianet answering a request through customer support.
    Permit::new(
        ClauseId::ManagingIdentityAndResponseTime,
        MANAGING
            .data(DataElementSet::PERSONAL)
            .actions(ANSWERING)
            .parties(super::WE),
        Reason::ResponseNeedsVerifiedIdentity,
    ),
    Permit::new(
        ClauseId::ManagingDeletionNotifiesRecipients,
        MANAGING.data(COSTLY_TO_DELETE).actions(DELETE).parties(super::WE),
        Reason::ResponseNeedsVerifiedIdentity,
    )
    .obligations(DELETION_DUTY)
    .advisories(COSTS_SERVICES),
    Permit::new(
        ClauseId::ManagingDeletionNotifiesRecipients,
        MANAGING
            .data(DataElementSet::PERSONAL)
            .actions(DELETE)
            .parties(super::WE),
        Reason::ResponseNeedsVerifiedIdentity,
    )
    .obligations(DELETION_DUTY),
    // The reply to the customer: "reply or make reasonable explanations to
    // you within 30 days".
    Permit::new(
        ClauseId::ManagingIdentityAndResponseTime,
        MANAGING
            .data(DataElementSet::PERSONAL)
            .actions(ActionSet::of(&[Action::Share, Action::Disclose]))
            .parties(CUSTOMER),
        Reason::ResponseNeedsVerifiedIdentity,
    ),
    // "we will also notify the supplier or subcontractor who has obtained
    // your Personal Data from us and request them to delete your Personal
    // Data": the recipients deleting at 21Vianet's request.
    Permit::new(
        ClauseId::ManagingDeletionNotifiesRecipients,
        MANAGING
            .data(DataElementSet::PERSONAL)
            .actions(DELETE)
            .parties(RECIPIENTS),
        Reason::ResponseNeedsVerifiedIdentity,
    ),
    // An end user of the customer asking 21Vianet directly: the answer is
    // a disclosure to the end user (the limit above requires the written
    // instruction or the law).
    Permit::new(
        ClauseId::SharingEndUserRequests,
        MANAGING.actions(ActionSet::DISCLOSURE).parties(END_USER),
        Reason::EndUserRequestNeedsCustomerInstruction,
    )
    .needs(Needs::any_of(INSTRUCTED_OR_REQUIRED)),
];

/// The customer asking the portal for data it does not manage there.
pub(crate) const PORTAL_FALLBACK: (ClauseId, Reason) = (ClauseId::ManagingPortal, Reason::PortalManagesListedDataOnly);

/// An end user asking for something no end-user permission covers.
pub(crate) const END_USER_FALLBACK: (ClauseId, Reason) = (
    ClauseId::SharingEndUserRequests,
    Reason::EndUserRequestNeedsCustomerInstruction,
);

/// The days within which 21Vianet replies after verifying the requester's
/// identity: "within 30 days or the time limit stipulated by applicable
/// laws and regulations", and, unconditionally, "We will respond to you
/// within 30 days after the verification of your identity" (How to
/// Contact Us).
pub const RESPONSE_DAYS: u16 = 30;

/// The last day on which a reply is due: the China Standard Time date of
/// the verification plus [`RESPONSE_DAYS`], or plus the statutory limit if
/// the caller supplies one and it is shorter. `None` only if the date would
/// leave chrono's calendar.
///
/// The verification day itself is not counted (as in Civil Code Art. 201,
/// a period in days starts on the next day), and the reply is due by the
/// end of the last day in China Standard Time (see [`response_deadline`]).
/// A statutory limit longer than 30 days does not extend the due date,
/// because the contact section promises 30 days without condition. Days are
/// calendar days; the crate does not move a last day that falls on a
/// public holiday (doing so could only make the reply later).
///
/// ```
/// use chrono::NaiveDate;
/// use vianet_privacy::{statement::managing::response_due_date, time::parse_time};
///
/// let verified = parse_time("2024-01-31T10:00:00")?;
/// assert_eq!(response_due_date(verified, None), NaiveDate::from_ymd_opt(2024, 3, 1)); // leap year
/// let verified = parse_time("2023-01-31T10:00:00")?;
/// assert_eq!(response_due_date(verified, None), NaiveDate::from_ymd_opt(2023, 3, 2));
/// assert_eq!(response_due_date(verified, Some(15)), NaiveDate::from_ymd_opt(2023, 2, 15));
/// assert_eq!(response_due_date(verified, Some(45)), NaiveDate::from_ymd_opt(2023, 3, 2));
/// # Ok::<(), vianet_privacy::time::InvalidTime>(())
/// ```
pub fn response_due_date(verified_at: DateTime<FixedOffset>, statutory_limit_days: Option<u16>) -> Option<NaiveDate> {
    let days = match statutory_limit_days {
        Some(limit) if limit < RESPONSE_DAYS => limit,
        _ => RESPONSE_DAYS,
    };
    crate::time::china_date(verified_at).checked_add_days(Days::new(u64::from(days)))
}

/// The instant by which a reply is due: the end of [`response_due_date`]
/// in China Standard Time, given as the first instant after it (the start
/// of the next day, +08:00). A reply at any time before this instant is in
/// time.
///
/// ```
/// use vianet_privacy::{statement::managing::response_deadline, time::parse_time};
///
/// let deadline = response_deadline(parse_time("2023-12-15T23:30:00+08:00")?, None).unwrap();
/// assert_eq!(deadline.to_rfc3339(), "2024-01-15T00:00:00+08:00");
/// # Ok::<(), vianet_privacy::time::InvalidTime>(())
/// ```
pub fn response_deadline(
    verified_at: DateTime<FixedOffset>,
    statutory_limit_days: Option<u16>,
) -> Option<DateTime<FixedOffset>> {
    let next_day = response_due_date(verified_at, statutory_limit_days)?.succ_opt()?;
    Some(crate::time::start_of_day(next_day))
}

vocabulary! {
    /// Who makes a request to manage Personal Data.
    ///
    /// ```
    /// use vianet_privacy::statement::managing::Requester;
    ///
    /// assert_eq!("end_user".parse::<Requester>()?, Requester::EndUser);
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum Requester / RequesterSet(u8) : "requester" {
        /// The customer ("you"), for instance its administrator.
        Customer = "customer" { en: "the customer", zh: "客户" },
        /// An end user of the customer's services, asking 21Vianet directly.
        EndUser = "end_user" { en: "an end user of the customer", zh: "客户的最终用户" },
    }
}

vocabulary! {
    /// What a request to manage Personal Data asks for.
    ///
    /// ```
    /// use vianet_privacy::statement::managing::SubjectRequestKind;
    ///
    /// assert_eq!(SubjectRequestKind::Delete.to_string(), "delete");
    /// ```
    pub enum SubjectRequestKind / SubjectRequestKindSet(u8) : "subject request kind" {
        /// To see the data.
        Access = "access" { en: "access the data", zh: "访问数据" },
        /// To correct or update the data.
        Correct = "correct" { en: "correct the data", zh: "更正数据" },
        /// To delete the data.
        Delete = "delete" { en: "delete the data", zh: "删除数据" },
        /// To change (narrow) the scope of the authorization.
        ChangeAuthorization = "change_authorization" {
            en: "change the scope of the authorization",
            zh: "变更授权范围"
        },
        /// Any other question or need about managing Personal Data.
        Other = "other" { en: "another question or need", zh: "其他问题或需求" },
    }
}

vocabulary! {
    /// The grounds on which 21Vianet "may not need to respond" to a request.
    ///
    /// The English text lists seven; the Chinese text lists eight, the
    /// eighth being trade secrets (涉及商业秘密的), as GB/T 35273-2020 §8.7
    /// does. [`RefusalGround::texts`] tells which language versions list a
    /// ground; [`RefusalGround::clause`] cites the English list or the
    /// Chinese-only item. The English list is "including but not limited
    /// to"; the crate fails closed and denies a refusal on a ground neither
    /// text lists ([`RefusalGround::Unlisted`]): such a refusal needs a
    /// lawyer, not a policy engine.
    ///
    /// The first ground differs between the texts: the English speaks of
    /// obligations "by the personal data subject", the Chinese (and
    /// GB/T 35273-2020 §8.7 a)) of the controller's (个人信息控制者) legal
    /// obligations. They are two grounds here, each listed by one text
    /// ([`RefusalGround::SubjectLegalObligation`],
    /// [`RefusalGround::ControllerLegalObligation`]), so a caller sees which
    /// text a refusal rests on, as for trade secrets.
    ///
    /// ```
    /// use vianet_privacy::{statement::managing::RefusalGround, Language};
    ///
    /// assert_eq!(RefusalGround::TradeSecrets.texts(), &[Language::ZhCn]);
    /// assert_eq!(RefusalGround::SubjectLegalObligation.texts(), &[Language::En]);
    /// assert_eq!(RefusalGround::ControllerLegalObligation.texts(), &[Language::ZhCn]);
    /// assert_eq!(RefusalGround::NationalSecurity.texts(), &[Language::En, Language::ZhCn]);
    /// assert!(RefusalGround::Unlisted.texts().is_empty());
    /// ```
    pub enum RefusalGround / RefusalGroundSet(u16) : "refusal ground" {
        /// Related to the data subject's performance of legal obligations:
        /// the first ground as the English text words it.
        SubjectLegalObligation = "subject_legal_obligation" {
            en: "related to the performance of the obligations specified in laws and regulations by the personal data subject",
            zh: "与个人信息主体履行法律法规规定的义务相关的（仅见于英文文本）"
        },
        /// Related to the controller's performance of legal obligations: the
        /// first ground as the Chinese text (and GB/T 35273-2020 §8.7 a))
        /// words it.
        ControllerLegalObligation = "controller_legal_obligation" {
            en: "related to the personal information controller's performance of the obligations specified in laws and regulations (Chinese text only)",
            zh: "与个人信息控制者履行法律法规规定的义务相关的"
        },
        /// Directly related to national security and national defense
        /// security.
        NationalSecurity = "national_security" {
            en: "directly related to national security and national defense security",
            zh: "与国家安全、国防安全直接相关的"
        },
        /// Directly related to public security, public health and major
        /// public interests.
        PublicInterest = "public_interest" {
            en: "directly related to public security, public health and major public interests",
            zh: "与公共安全、公共卫生、重大公共利益直接相关的"
        },
        /// Directly related to criminal investigation, prosecution, trial
        /// and enforcement of judgments.
        CriminalProceedings = "criminal_proceedings" {
            en: "directly related to criminal investigation, prosecution, trial and enforcement of judgments",
            zh: "与犯罪侦查、起诉、审判和执行判决等直接相关的"
        },
        /// Sufficient evidence of the data subject's malicious intention or
        /// abuse of rights.
        MaliceOrAbuse = "malice_or_abuse" {
            en: "personal data controller has sufficient evidence indicating that the personal data subject has subjective malicious intention or abuses his rights",
            zh: "个人信息控制者有充分证据表明个人信息主体存在主观恶意或滥用权利的"
        },
        /// Safeguarding life, property and other major legitimate interests
        /// where consent cannot be obtained.
        VitalInterests = "vital_interests" {
            en: "it is for the purpose of safeguarding the major legitimate rights and interests of the personal data subject or other individuals including life and property, but it is impossible to get his consent",
            zh: "出于维护个人信息主体或其他个人的生命、财产等重大合法权益但又很难得到本人同意的"
        },
        /// Responding would seriously damage the legitimate rights and
        /// interests of the subject or others.
        SeriousHarmToOthers = "serious_harm_to_others" {
            en: "responding to the request of personal data subject will result in serious damage to the legitimate rights and interests of personal data subject or other individuals and organizations",
            zh: "响应个人信息主体的请求将导致个人信息主体或其他个人、组织的合法权益受到严重损害的"
        },
        /// Involving trade secrets: only in the Chinese text.
        TradeSecrets = "trade_secrets" {
            en: "involving trade secrets (Chinese text only)",
            zh: "涉及商业秘密的"
        },
        /// A ground neither text lists.
        Unlisted = "unlisted" {
            en: "a ground the statement does not list",
            zh: "声明未列明的其他理由"
        },
    }
}

impl RefusalGround {
    /// The language versions of the statement that list this ground: both
    /// for the six grounds the texts share, English only for the data
    /// subject's legal obligations, Chinese only for the controller's and
    /// for trade secrets, none for [`RefusalGround::Unlisted`].
    pub const fn texts(self) -> &'static [Language] {
        match self {
            RefusalGround::SubjectLegalObligation => &[Language::En],
            RefusalGround::ControllerLegalObligation | RefusalGround::TradeSecrets => &[Language::ZhCn],
            RefusalGround::Unlisted => &[],
            _ => &[Language::En, Language::ZhCn],
        }
    }

    /// Whether the statement (in either language) lists this ground.
    pub const fn is_listed(self) -> bool {
        !matches!(self, RefusalGround::Unlisted)
    }

    /// The clause that lists the ground: the English list, or the Chinese
    /// text's own first item or its eighth (trade secrets).
    pub const fn clause(self) -> ClauseId {
        match self {
            RefusalGround::TradeSecrets => ClauseId::ManagingRefusalTradeSecrets,
            RefusalGround::ControllerLegalObligation => ClauseId::ManagingRefusalControllerObligations,
            _ => ClauseId::ManagingRefusalGrounds,
        }
    }
}

/// A request from a customer or an end user to manage Personal Data, as a
/// whole: who asks, for what, when the requester's identity was verified,
/// and any shorter time limit the law sets.
///
/// ```
/// use vianet_privacy::statement::managing::{RefusalGround, Requester, SubjectRequest, SubjectRequestKind};
/// use vianet_privacy::{time::parse_time, ClauseId, Obligation};
///
/// let request = SubjectRequest::new(Requester::Customer, SubjectRequestKind::Delete);
/// // Not verified yet: no reply, and no due date.
/// assert!(!request.respond(parse_time("2024-01-31")?)?.is_allowed());
///
/// let verified = request.verified_at(parse_time("2024-01-31T10:00:00")?);
/// assert_eq!(verified.due_date()?.to_string(), "2024-03-01");
/// let reply = verified.respond(parse_time("2024-02-02")?)?;
/// assert!(reply.obligations().contains(Obligation::NotifyRecipientsToDelete));
///
/// // Refusing on a ground only the Chinese text lists.
/// let refusal = verified.refuse(RefusalGround::TradeSecrets);
/// assert!(refusal.is_allowed());
/// assert_eq!(refusal.clause(), ClauseId::ManagingRefusalTradeSecrets);
/// assert!(!verified.refuse(RefusalGround::Unlisted).is_allowed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectRequest {
    /// Who asks.
    pub requester: Requester,
    /// What they ask for.
    pub kind: SubjectRequestKind,
    /// When the requester's identity was verified; read like
    /// [`Request::at`](crate::Request::at).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::time::optional")]
    pub identity_verified_at: Option<DateTime<FixedOffset>>,
    /// The time limit, in calendar days, that applicable laws and
    /// regulations set, if the caller knows one; it counts only if shorter
    /// than [`RESPONSE_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statutory_limit_days: Option<u16>,
    /// The customer's prior written instruction, or a legal requirement to
    /// answer (for an end user's request).
    #[serde(default)]
    pub authorizations: AuthorizationSet,
}

impl SubjectRequest {
    /// A request whose requester's identity is not yet verified.
    pub const fn new(requester: Requester, kind: SubjectRequestKind) -> SubjectRequest {
        SubjectRequest {
            requester,
            kind,
            identity_verified_at: None,
            statutory_limit_days: None,
            authorizations: AuthorizationSet::EMPTY,
        }
    }

    /// This request with the requester's identity verified at `at`.
    #[must_use]
    pub const fn verified_at(mut self, at: DateTime<FixedOffset>) -> SubjectRequest {
        self.identity_verified_at = Some(at);
        self
    }

    /// This request under a statutory time limit of `days` calendar days.
    #[must_use]
    pub const fn with_statutory_limit_days(mut self, days: u16) -> SubjectRequest {
        self.statutory_limit_days = Some(days);
        self
    }

    /// This request with one more authorization.
    #[must_use]
    pub const fn with_authorization(mut self, authorization: Authorization) -> SubjectRequest {
        self.authorizations = self.authorizations.with(authorization);
        self
    }

    /// The last day on which the reply is due ([`response_due_date`]).
    ///
    /// # Errors
    ///
    /// [`RequestError::IdentityNotVerified`] before the identity is
    /// verified (the time runs from the verification);
    /// [`RequestError::DateOutOfRange`] if the date leaves the calendar.
    pub fn due_date(&self) -> Result<NaiveDate, RequestError> {
        let verified_at = self.identity_verified_at.ok_or(RequestError::IdentityNotVerified)?;
        // A request verified before this statement took effect was answered
        // under an earlier one.
        StatementVersion::CURRENT.check_in_force(verified_at)?;
        response_due_date(verified_at, self.statutory_limit_days).ok_or(RequestError::DateOutOfRange {
            what: "the reply's due date",
        })
    }

    /// The first instant after the due date ([`response_deadline`]).
    ///
    /// # Errors
    ///
    /// As [`SubjectRequest::due_date`].
    pub fn deadline(&self) -> Result<DateTime<FixedOffset>, RequestError> {
        let verified_at = self.identity_verified_at.ok_or(RequestError::IdentityNotVerified)?;
        response_deadline(verified_at, self.statutory_limit_days).ok_or(RequestError::DateOutOfRange {
            what: "the reply's deadline",
        })
    }

    /// Whether 21Vianet may give a substantive reply at `at`, and with which
    /// duties.
    ///
    /// * An end user's request needs the customer's prior written
    ///   instruction, or a legal requirement to answer: otherwise a deny of
    ///   kind [`DenyKind::NeedsAuthorization`] naming both.
    /// * The identity must be verified at or before `at`: otherwise a deny.
    /// * Then an allow with [`Obligation::RespondByDueDate`]; a deletion
    ///   adds [`Obligation::NotifyRecipientsToDelete`], and a deletion or a
    ///   change of the authorization adds
    ///   [`Advisory::DeletionMayAffectServices`].
    ///
    /// # Errors
    ///
    /// [`RequestError::BeforeStatementInForce`] if `at` is before the
    /// statement took effect; [`RequestError::DateOutOfRange`] if the due
    /// date leaves the calendar.
    pub fn respond(&self, at: DateTime<FixedOffset>) -> Result<Decision, RequestError> {
        let version = StatementVersion::CURRENT;
        version.check_in_force(at)?;
        if self.requester == Requester::EndUser && !self.authorizations.intersects(INSTRUCTED_OR_REQUIRED) {
            return Ok(Decision::Deny(Deny {
                missing: INSTRUCTED_OR_REQUIRED,
                ..super::deny(
                    ClauseId::SharingEndUserRequests,
                    DenyKind::NeedsAuthorization,
                    Reason::EndUserRequestNeedsCustomerInstruction,
                )
            }));
        }
        match self.identity_verified_at {
            Some(verified_at) if verified_at <= at => {}
            _ => {
                return Ok(Decision::Deny(super::deny(
                    ClauseId::ManagingIdentityAndResponseTime,
                    DenyKind::NotPermitted,
                    Reason::ResponseNeedsVerifiedIdentity,
                )))
            }
        }
        self.due_date()?;
        let mut obligations = ObligationSet::of(&[Obligation::RespondByDueDate]);
        let mut advisories = AdvisorySet::EMPTY;
        if self.kind == SubjectRequestKind::Delete {
            obligations.insert(Obligation::NotifyRecipientsToDelete);
        }
        if matches!(
            self.kind,
            SubjectRequestKind::Delete | SubjectRequestKind::ChangeAuthorization
        ) {
            advisories.insert(Advisory::DeletionMayAffectServices);
        }
        Ok(Decision::Allow(crate::Allow {
            clause: ClauseId::ManagingIdentityAndResponseTime,
            obligations,
            advisories,
            statement_version: version,
        }))
    }

    /// Whether 21Vianet may decline to respond on `ground`: an allow citing
    /// the list that names the ground (the English list, or the Chinese
    /// text's trade-secret item), or, for a ground neither text lists, a
    /// deny.
    pub const fn refuse(&self, ground: RefusalGround) -> Decision {
        if ground.is_listed() {
            Decision::Allow(crate::Allow {
                clause: ground.clause(),
                obligations: ObligationSet::EMPTY,
                advisories: AdvisorySet::EMPTY,
                statement_version: StatementVersion::CURRENT,
            })
        } else {
            Decision::Deny(super::deny(
                ClauseId::ManagingRefusalGrounds,
                DenyKind::NotPermitted,
                Reason::RefusalGroundNotListed,
            ))
        }
    }
}
