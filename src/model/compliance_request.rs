use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::{
    Activity, Authorization, AuthorizationSet, ProhibitedContent, RecordItemSet, RecordRetention, RegistrationInfoSet,
    WebsiteKind,
};

/// One question about the customer's own activities as an Internet
/// information service provider on the Online Services, under "Compliance
/// with Law": may the customer do this [`Activity`], given these facts?
///
/// It is separate from [`Request`](crate::Request), which asks about
/// 21Vianet's processing of personal data. Each activity reads only the
/// facts it needs; a fact it needs but lacks is a
/// [`RequestError::MissingComplianceFact`](crate::RequestError::MissingComplianceFact), never a guess. Like `Request`
/// it is a small `Copy` value, read from JSON with unknown fields rejected.
///
/// ```
/// use vianet_privacy::{Activity, Authorization, ComplianceRequest, WebsiteKind};
///
/// let request = ComplianceRequest::new(Activity::ServeWebsite)
///     .with_website(WebsiteKind::Operational)
///     .subject_to_permit_or_approval(false)
///     .with_authorization(Authorization::OperationalWebsitePermit);
/// assert!(request.decide()?.is_allowed());
///
/// let json = r#"{"activity": "serve_website", "website": "operational", "subject_to_permit_or_approval": false,
///                "authorizations": ["operational_website_permit"]}"#;
/// assert_eq!(serde_json::from_str::<ComplianceRequest>(json)?, request);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
/// Its serde `Deserialize` is the strict reader of `crate::wire`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ComplianceRequest {
    /// What the customer does.
    pub activity: Activity,
    /// The kind of Prohibited Content the information concerned includes,
    /// if it includes any. Read by the content activities and
    /// [`Activity::ServeWebsite`]; required by
    /// [`Activity::DiscoverProhibitedContent`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prohibited_content: Option<ProhibitedContent>,
    /// The kind of website; required by [`Activity::ServeWebsite`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<WebsiteKind>,
    /// Whether the business or organization is subject to permit or
    /// approval by the governmental authorities; required by
    /// [`Activity::OperateBusiness`] and [`Activity::ServeWebsite`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_to_permit_or_approval: Option<bool>,
    /// The filings, permits and approvals held, and
    /// [`Authorization::LegalRequirement`] for an inquiry made in
    /// accordance with applicable laws.
    #[serde(default)]
    pub authorizations: AuthorizationSet,
    /// What the provider records of the information it publishes.
    #[serde(default)]
    pub records_kept: RecordItemSet,
    /// The registration information provided.
    #[serde(default)]
    pub identity_provided: RegistrationInfoSet,
    /// The registration information known to be false or invalid.
    #[serde(default)]
    pub identity_false: RegistrationInfoSet,
    /// When the record concerned was made; required by
    /// [`Activity::DiscardRecords`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<DateTime<FixedOffset>>,
    /// How long records are kept (60 days unless given).
    #[serde(default)]
    pub retention: RecordRetention,
    /// When the activity happens; required by [`Activity::DiscardRecords`].
    /// When given, it must not be before the statement took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<FixedOffset>>,
}

impl ComplianceRequest {
    /// A request for `activity` with no facts and the default retention.
    ///
    /// ```
    /// use vianet_privacy::{Activity, ComplianceRequest, RecordRetention};
    ///
    /// let request = ComplianceRequest::new(Activity::Produce);
    /// assert_eq!(request.prohibited_content, None);
    /// assert_eq!(request.retention, RecordRetention::DEFAULT);
    /// ```
    pub const fn new(activity: Activity) -> ComplianceRequest {
        ComplianceRequest {
            activity,
            prohibited_content: None,
            website: None,
            subject_to_permit_or_approval: None,
            authorizations: AuthorizationSet::EMPTY,
            records_kept: RecordItemSet::EMPTY,
            identity_provided: RegistrationInfoSet::EMPTY,
            identity_false: RegistrationInfoSet::EMPTY,
            recorded_at: None,
            retention: RecordRetention::DEFAULT,
            at: None,
        }
    }

    /// This request about information that includes `kind` of Prohibited
    /// Content.
    #[must_use]
    pub const fn with_prohibited_content(mut self, kind: ProhibitedContent) -> ComplianceRequest {
        self.prohibited_content = Some(kind);
        self
    }

    /// This request about a website of the given kind.
    #[must_use]
    pub const fn with_website(mut self, kind: WebsiteKind) -> ComplianceRequest {
        self.website = Some(kind);
        self
    }

    /// This request, saying whether the business is subject to permit or
    /// approval by the governmental authorities.
    #[must_use]
    pub const fn subject_to_permit_or_approval(mut self, subject: bool) -> ComplianceRequest {
        self.subject_to_permit_or_approval = Some(subject);
        self
    }

    /// This request with one more filing, permit, approval or legal fact.
    #[must_use]
    pub const fn with_authorization(mut self, authorization: Authorization) -> ComplianceRequest {
        self.authorizations = self.authorizations.with(authorization);
        self
    }

    /// This request with the given record items kept.
    #[must_use]
    pub const fn with_records_kept(mut self, records: RecordItemSet) -> ComplianceRequest {
        self.records_kept = records;
        self
    }

    /// This request with the given registration information provided.
    #[must_use]
    pub const fn with_identity(mut self, provided: RegistrationInfoSet) -> ComplianceRequest {
        self.identity_provided = provided;
        self
    }

    /// This request with the given registration information known false.
    #[must_use]
    pub const fn with_false_identity(mut self, false_items: RegistrationInfoSet) -> ComplianceRequest {
        self.identity_false = false_items;
        self
    }

    /// This request about a record made at `recorded_at`.
    #[must_use]
    pub const fn recorded_at(mut self, recorded_at: DateTime<FixedOffset>) -> ComplianceRequest {
        self.recorded_at = Some(recorded_at);
        self
    }

    /// This request with another retention period.
    #[must_use]
    pub const fn with_retention(mut self, retention: RecordRetention) -> ComplianceRequest {
        self.retention = retention;
        self
    }

    /// This request at the given time.
    #[must_use]
    pub const fn at(mut self, at: DateTime<FixedOffset>) -> ComplianceRequest {
        self.at = Some(at);
        self
    }
}
