use crate::vocabulary::vocabulary;
use crate::ClauseId;

vocabulary! {
    /// A duty that comes with an allow: the statement permits the
    /// processing on the condition that the operator does this.
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Language, Obligation};
    ///
    /// let duty = Obligation::SuperviseOverseasAccess;
    /// assert_eq!(duty.clause(), ClauseId::CustomerDataOverseasAccess);
    /// assert!(duty.label(Language::ZhCn).contains("监督"));
    /// ```
    pub enum Obligation / ObligationSet(u64) : "obligation", display english {
        /// Supervise the overseas access to Customer Data.
        SuperviseOverseasAccess = "supervise_overseas_access" {
            en: "supervise the overseas access",
            zh: "对境外访问进行监督"
        },
        /// Terminate the overseas access when the problem is resolved.
        EndAccessWhenResolved = "end_access_when_resolved" {
            en: "terminate the access when the problem is resolved",
            zh: "问题解决后终止访问"
        },
        /// Use commercially reasonable efforts to notify the customer in
        /// advance of the disclosure (dropped when the law prohibits notice).
        NotifyCustomerBeforeDisclosure = "notify_customer_before_disclosure" {
            en: "use commercially reasonable efforts to notify the customer in advance of the disclosure",
            zh: "尽商业上合理的努力在披露前通知客户"
        },
        /// The recipient keeps the data confidential.
        KeepConfidential = "keep_confidential" {
            en: "the recipient keeps the data confidential",
            zh: "接收方对数据保密"
        },
        /// The recipient uses the data only for the purpose it was engaged
        /// or given the data for.
        UseOnlyForEngagedPurpose = "use_only_for_engaged_purpose" {
            en: "the recipient uses the data only for the purpose it was engaged for",
            zh: "接收方仅为受委托的目的使用数据"
        },
        /// The recipient protects Personal Data no less than in China.
        ProtectNoLessThanInChina = "protect_no_less_than_in_china" {
            en: "the recipient takes adequate security measures so that the data is protected no less than in China",
            zh: "接收方采取充分的安全措施，确保数据受到不低于中国境内的保护"
        },
        /// Do not retain the security code after the transaction.
        NeverRetainSecurityCode = "never_retain_security_code" {
            en: "do not retain the security code",
            zh: "不得保留安全码"
        },
        /// Inform the customer again of the new scope or purpose.
        InformOfNewPurpose = "inform_of_new_purpose" {
            en: "inform the customer again of the new scope or purpose before collecting or using the data",
            zh: "在收集或使用前再次告知客户新的范围或目的"
        },
        /// Notify the customer of a transfer due to a corporate transaction.
        NotifyOfCorporateTransfer = "notify_of_corporate_transfer" {
            en: "notify the customer of the transfer",
            zh: "将转让情况通知客户"
        },
        /// The succeeding company continues the statement's responsibilities
        /// and obligations.
        SuccessorHonoursStatement = "successor_honours_statement" {
            en: "the succeeding company continues to perform the responsibilities and obligations of this statement",
            zh: "承继公司继续履行本隐私声明规定的责任和义务"
        },
        /// Remote Access is temporary.
        RemoteAccessTemporary = "remote_access_temporary" {
            en: "operate the machine only temporarily",
            zh: "仅临时操控设备"
        },
        /// Let the customer view the record of the Remote Access afterwards.
        ShowRemoteAccessRecord = "show_remote_access_record" {
            en: "let the customer view the record after the operation has ended",
            zh: "操作结束后允许客户查看记录"
        },
        /// Let the customer terminate live chat or Remote Access at any time.
        HonourTerminationAtAnyTime = "honour_termination_at_any_time" {
            en: "let the customer terminate the live chat or Remote Access at any time",
            zh: "允许客户随时终止在线聊天或远程访问"
        },
        /// Offer an unsubscribe link (footer) or other way to unsubscribe.
        OfferSurveyUnsubscribe = "offer_survey_unsubscribe" {
            en: "offer a way to unsubscribe from the survey (e-mail footer link or support)",
            zh: "提供退订问卷的方式（邮件页脚链接或联系支持部门）"
        },
        /// Let the customer manage contact preferences or unsubscribe in the
        /// account profile.
        OfferContactPreferences = "offer_contact_preferences" {
            en: "let the customer manage contact preferences or unsubscribe in the account profile",
            zh: "允许客户在账户资料中管理联系偏好或退订"
        },
        /// Apply security measures such as encryption and restricted access.
        ApplySecurityMeasures = "apply_security_measures" {
            en: "apply appropriate security measures such as encryption, in controlled locations with restricted access",
            zh: "采取加密等适当的安全措施，并存放于受控场所、限制访问"
        },
        /// Promptly terminate the distribution of discovered Prohibited
        /// Content (stop transmission).
        StopTransmission = "stop_transmission" {
            en: "promptly terminate the distribution (stop the transmission) of the Prohibited Content",
            zh: "立即停止传输该禁止内容"
        },
        /// Keep the relevant records of the discovered Prohibited Content.
        KeepRelevantRecords = "keep_relevant_records" {
            en: "keep the relevant records",
            zh: "保存有关记录"
        },
        /// Report the discovered Prohibited Content to the authorities.
        ReportToAuthorities = "report_to_authorities" {
            en: "report to the relevant authorities",
            zh: "向国家有关机关报告"
        },
        /// Record the information provided, its time of publishing and its
        /// Internet address or domain name, and keep the records for the
        /// retention period.
        KeepInformationRecords = "keep_information_records" {
            en: "record the information provided, its time of publishing and its Internet address or domain name, and keep the records for the retention period",
            zh: "记录所提供的信息及其发布时间、互联网地址或域名，并在保存期限内保存记录"
        },
        /// Assist the authorities by providing the records they lawfully ask
        /// for.
        AssistLawfulInquiry = "assist_lawful_inquiry" {
            en: "assist in providing the records to the government authorities that inquire in accordance with applicable laws",
            zh: "相关政府机构依法调查时，协助提供相关记录"
        },
        /// Keep the real identity and contact information up to date in the
        /// administrator portal.
        KeepRegistrationUpToDate = "keep_registration_up_to_date" {
            en: "promptly update the real identity and contact information in the administrator portal when it changes",
            zh: "信息发生变更时，立即在管理员入口更新真实身份和联系方式"
        },
    }
}

impl Obligation {
    /// The clause that imposes the duty.
    pub const fn clause(self) -> ClauseId {
        use Obligation::*;
        match self {
            SuperviseOverseasAccess | EndAccessWhenResolved => ClauseId::CustomerDataOverseasAccess,
            NotifyCustomerBeforeDisclosure => ClauseId::SharingCustomerDataDisclosure,
            KeepConfidential | UseOnlyForEngagedPurpose => ClauseId::SharingSuppliers,
            ProtectNoLessThanInChina => ClauseId::SharingFraudAndPayment,
            NeverRetainSecurityCode => ClauseId::PaymentSecurityCodeNotRetained,
            InformOfNewPurpose => ClauseId::UseBeyondStatedScope,
            NotifyOfCorporateTransfer | SuccessorHonoursStatement => ClauseId::SharingCorporateTransactions,
            RemoteAccessTemporary | ShowRemoteAccessRecord | HonourTerminationAtAnyTime => {
                ClauseId::SupportRemoteAccess
            }
            OfferSurveyUnsubscribe => ClauseId::SupportSurvey,
            OfferContactPreferences => ClauseId::AdministratorOtherOffers,
            ApplySecurityMeasures => ClauseId::ProtectionSecurityMeasures,
            StopTransmission | KeepRelevantRecords | ReportToAuthorities => ClauseId::DiscoveredProhibitedContent,
            KeepInformationRecords | AssistLawfulInquiry => ClauseId::InformationServiceRecords,
            KeepRegistrationUpToDate => ClauseId::RealIdentityAtRegistration,
        }
    }
}
