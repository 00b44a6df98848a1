use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// An authorization, consent or fact that a request can carry, each of
    /// which opens what its own sentence of the statement covers and
    /// nothing more.
    ///
    /// A request lists those it has; a deny of kind
    /// [`DenyKind::NeedsAuthorization`](crate::DenyKind) names those it
    /// lacks, so the caller knows what would change the answer.
    ///
    /// ```
    /// use vianet_privacy::{Authorization, AuthorizationSet};
    ///
    /// let have = AuthorizationSet::of(&[Authorization::CustomerDirection]);
    /// assert!(have.contains(Authorization::CustomerDirection));
    /// assert!(!have.contains(Authorization::ExplicitConsent));
    /// ```
    pub enum Authorization / AuthorizationSet(u32) : "authorization" {
        /// The customer directed this ("except as you direct"): opens what the
        /// customer directs ([`Purpose::CustomerInstruction`](crate::Purpose::CustomerInstruction)).
        CustomerDirection = "customer_direction" { en: "the customer's direction", zh: "客户的指示" },
        /// The customer agreement describes this: opens what it describes
        /// ([`Purpose::CustomerAgreement`](crate::Purpose::CustomerAgreement)).
        CustomerAgreement = "customer_agreement" { en: "the customer agreement", zh: "客户协议" },
        /// The customer's express (explicit) consent.
        ExplicitConsent = "explicit_consent" { en: "the customer's express consent", zh: "客户的明示同意" },
        /// Consent obtained in advance after customer support explained the
        /// relevant information.
        PriorConsentAfterExplanation = "prior_consent_after_explanation" {
            en: "prior consent obtained after explaining the relevant information",
            zh: "说明相关信息后取得的事先同意"
        },
        /// The customer's authorization to transfer Personal Data overseas.
        OverseasTransferAuthorization = "overseas_transfer_authorization" {
            en: "the customer's authorization to transfer data overseas",
            zh: "客户对境外传输的授权"
        },
        /// The customer's contact preferences allow this contact.
        ContactPreferences = "contact_preferences" {
            en: "contact preferences that allow this contact",
            zh: "允许此类联系的联系偏好设置"
        },
        /// The customer's permission for Remote Access.
        RemoteAccessPermission = "remote_access_permission" {
            en: "the customer's permission for Remote Access",
            zh: "客户对远程访问的许可"
        },
        /// Applicable laws and regulations require this: opens what complying
        /// with them needs ([`Purpose::LegalCompliance`](crate::Purpose::LegalCompliance)).
        LegalRequirement = "legal_requirement" {
            en: "a requirement of applicable laws and regulations",
            zh: "适用法律法规的要求"
        },
        /// Applicable law prohibits notifying the customer.
        LegalProhibitionOnNotice = "legal_prohibition_on_notice" {
            en: "a legal prohibition on notifying the customer",
            zh: "法律禁止通知客户"
        },
        /// The customer's prior written instruction (for answering its end
        /// users' requests).
        PriorWrittenInstruction = "prior_written_instruction" {
            en: "the customer's prior written instruction",
            zh: "客户事先的书面指示"
        },
        /// A guardian's consent for a minor under 18.
        GuardianConsent = "guardian_consent" { en: "a guardian's consent", zh: "监护人的同意" },
        /// The filing of a website that provides non-operational Internet
        /// information services, made with the governmental authority
        /// ("Compliance with Law").
        NonOperationalWebsiteFiling = "non_operational_website_filing" {
            en: "the filing for the non-operational website with the governmental authority",
            zh: "在政府机构办理的非经营性网站备案"
        },
        /// The "VAT permit" (the value-added telecommunications business
        /// licence) of a website that provides operational Internet
        /// information services ("Compliance with Law").
        OperationalWebsitePermit = "operational_website_permit" {
            en: "the VAT permit for the operational website from the governmental authority",
            zh: "从政府机构取得的经营性网站 VAT 许可证（增值电信业务经营许可证）"
        },
        /// The customer chose to purchase, subscribe to or use the Third
        /// Party Offering concerned: opens giving that third party
        /// Administrator or Payment Data to provide its offering, and
        /// nothing else (it is not a direction to disclose anything).
        ThirdPartyOfferingChoice = "third_party_offering_choice" {
            en: "the customer's choice of this Third Party Offering",
            zh: "客户选择了该第三方产品"
        },
        /// The Payment Data is authenticated: "When you use authenticated
        /// Payment Data, we will store that data to help you complete
        /// future transactions".
        AuthenticatedPaymentData = "authenticated_payment_data" {
            en: "the Payment Data is authenticated",
            zh: "支付数据已经认证"
        },
        /// The support experience is over: "After the support experience is
        /// over, we may send you a questionnaire".
        SupportExperienceOver = "support_experience_over" {
            en: "the support experience is over",
            zh: "支持服务已经结束"
        },
        /// The permit or approval of the relevant governmental authorities
        /// that the customer's business or organization is subject to
        /// ("Compliance with Law").
        GovernmentPermitOrApproval = "government_permit_or_approval" {
            en: "the permit or approval of the relevant governmental authorities",
            zh: "相关政府机构的许可或批准"
        },
    }
}
