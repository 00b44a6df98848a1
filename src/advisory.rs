use crate::vocabulary::vocabulary;
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
    }
}

impl Advisory {
    /// The clause that says it.
    pub const fn clause(self) -> ClauseId {
        match self {
            Advisory::CannotUnsubscribeServiceCommunications => ClauseId::AdministratorServiceCommunications,
            Advisory::ThirdPartyPolicyGoverns => ClauseId::SharingThirdPartyOfferings,
            Advisory::CookieRefusalMayDegradeService => ClauseId::CookiesUserControl,
        }
    }
}
