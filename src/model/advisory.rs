use crate::model::vocabulary::vocabulary;
use crate::ClauseId;

vocabulary! {
    /// Something the statement tells the customer that does not change the
    /// answer but that a caller should pass on.
    ///
    /// ```
    /// use vianet_privacy::{Advisory, ClauseId};
    ///
    /// assert_eq!(Advisory::CookieRefusalMayDegradeService.clause(), ClauseId::CookiesUserControl);
    /// ```
    pub enum Advisory / AdvisorySet(u16) : "advisory", display english {
        /// Service communications cannot be unsubscribed during the service.
        CannotUnsubscribeServiceCommunications = "cannot_unsubscribe_service_communications" {
            en: "these service communications cannot be unsubscribed during the reasonable period within or after the Online Services",
            zh: "在在线服务期间或之后的合理期限内，无法退订此类服务通知"
        },
        /// The third party's own privacy statement governs the data it gets.
        ThirdPartyPolicyGoverns = "third_party_policy_governs" {
            en: "the data and the use of the Third Party Offering are governed by the third party's privacy statement and policies",
            zh: "该数据及第三方产品的使用受第三方隐私声明和政策约束"
        },
        /// Refusing Cookies may degrade the service.
        CookieRefusalMayDegradeService = "cookie_refusal_may_degrade_service" {
            en: "without Cookies the user may not enjoy the best experience and some Online Services may not function properly",
            zh: "停用 Cookies 后可能无法享受最佳体验，某些在线服务也可能无法正常使用"
        },
        /// Previews' security measures may differ from typical Online
        /// Services'.
        PreviewSecurityMayDiffer = "preview_security_may_differ" {
            en: "this is a Preview: its security measures may differ from those of typical Online Services",
            zh: "此为预览版本，其安全措施可能与常规在线服务不同"
        },
        /// Trial data may be removed at any time after the trial.
        TrialDataMayBeRemoved = "trial_data_may_be_removed" {
            en: "data from an ended trial may be removed from the Online Services at any time",
            zh: "试用期结束后，试用数据可能随时从在线服务中删除"
        },
        /// Deleting data or narrowing the authorization may cost services.
        DeletionMayAffectServices = "deletion_may_affect_services" {
            en: "deleting this data (such as Payment Data or contact details) or narrowing the authorization may make it difficult to complete payments and receive some Online Services",
            zh: "删除此类数据（如支付数据或联系方式）或变更授权范围，可能导致难以完成支付和获得相应的在线服务"
        },
        /// A minor's guardian should read the statement.
        GuardianShouldReadStatement = "guardian_should_read_statement" {
            en: "the data subject is a minor: the guardian should read the Privacy Statement carefully",
            zh: "数据主体为未成年人，请其监护人仔细阅读本隐私声明"
        },
    }
}

impl Advisory {
    /// The clause that says it.
    pub const fn clause(self) -> ClauseId {
        match self {
            Advisory::CannotUnsubscribeServiceCommunications => ClauseId::AdministratorServiceCommunications,
            Advisory::ThirdPartyPolicyGoverns => ClauseId::SharingThirdPartyOfferings,
            Advisory::CookieRefusalMayDegradeService => ClauseId::CookiesUserControl,
            Advisory::PreviewSecurityMayDiffer => ClauseId::PreviewSecurity,
            Advisory::TrialDataMayBeRemoved => ClauseId::TrialDataRemoval,
            Advisory::DeletionMayAffectServices => ClauseId::ManagingDeletionConsequences,
            Advisory::GuardianShouldReadStatement => ClauseId::MinorsGuardianConsent,
        }
    }
}
