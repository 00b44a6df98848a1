use crate::model::vocabulary::vocabulary;
use crate::{Language, Section};

vocabulary! {
    /// A clause of the statement: the sentence (or sentences) that a rule
    /// encodes.
    ///
    /// Every allow and every deny names the clause that decides it. The
    /// catalog gives each clause's [`Section`], a short title in English and
    /// Chinese ([`ClauseId::label`]) and the passage of the statement it
    /// encodes ([`ClauseId::passage`]). `docs/clauses.md` maps each clause to
    /// its rule and its tests.
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Section};
    ///
    /// let clause = ClauseId::PaymentSecurityCodeNotRetained;
    /// assert_eq!(clause.section(), Section::PaymentData);
    /// assert!(clause.passage().contains("security code"));
    /// ```
    pub enum ClauseId / ClauseSet(u128) : "clause" {
        /// Who the statement covers and which services.
        Scope = "scope" { en: "Scope of the statement", zh: "本声明的适用范围" },
        /// Third-party products are governed by their own statements.
        OtherProductsGovernedByTheirPolicies = "other_products_governed_by_their_policies" {
            en: "Other products follow their own privacy statements",
            zh: "其他产品适用其自身的隐私声明"
        },
        /// End users direct privacy-related requests to their provider.
        EndUserNotice = "end_user_notice" { en: "Notice to End Users", zh: "致最终用户的通知" },
        /// Data is processed on behalf of the customer, who controls its
        /// collection and use.
        CustomerControlsData = "customer_controls_data" {
            en: "Processed on behalf of the customer, who controls the data",
            zh: "代表客户处理，由客户控制数据"
        },
        /// The owner of an end user's organizational e-mail domain may
        /// administer the end user's account and process end-user data.
        DomainOwnerAdministration = "domain_owner_administration" {
            en: "The domain owner of an organizational e-mail address",
            zh: "组织电子邮件地址的域名所有者"
        },
        /// 21Vianet answers for the customer's privacy practices only within
        /// the agreed scope.
        ResponsibilityWithinAgreedScope = "responsibility_within_agreed_scope" {
            en: "Responsible only within the scope agreed with the customer",
            zh: "仅在与客户约定的范围内负责"
        },
        /// Definition of Personal Data.
        PersonalDataDefinition = "personal_data_definition" { en: "Definition of Personal Data", zh: "个人数据的定义" },
        /// Definition of Sensitive Personal Data.
        SensitivePersonalDataDefinition = "sensitive_personal_data_definition" {
            en: "Definition of Sensitive Personal Data",
            zh: "敏感个人数据的定义"
        },
        /// Collection or use beyond the stated scope needs express consent.
        UseBeyondStatedScope = "use_beyond_stated_scope" {
            en: "Use beyond the stated scope needs express consent",
            zh: "超出声明范围的使用须取得明示同意"
        },
        /// Registration data from the website, events and surveys.
        RegistrationData = "registration_data" { en: "Registration data", zh: "注册数据" },
        /// What Customer Data is, and what it is not (configuration,
        /// technical settings, support ticket information, Administrator,
        /// Real-Name Authentication and Payment Data).
        CustomerDataDefinition = "customer_data_definition" {
            en: "Definition of Customer Data",
            zh: "客户数据的定义"
        },
        /// Customer Data is used only to provide the services and for
        /// compatible purposes.
        CustomerDataUse = "customer_data_use" { en: "Use of Customer Data", zh: "客户数据的使用" },
        /// Customer Data is stored only in China.
        CustomerDataStoredInChina = "customer_data_stored_in_china" {
            en: "Customer Data is stored only in China",
            zh: "客户数据仅存储于中国境内"
        },
        /// Overseas access to Customer Data only to troubleshoot, supervised.
        CustomerDataOverseasAccess = "customer_data_overseas_access" {
            en: "Overseas access to Customer Data for troubleshooting",
            zh: "为排除故障从境外访问客户数据"
        },
        /// Uses of Administrator Data.
        AdministratorDataUse = "administrator_data_use" { en: "Use of Administrator Data", zh: "管理员数据的使用" },
        /// Service communications that cannot be unsubscribed.
        AdministratorServiceCommunications = "administrator_service_communications" {
            en: "Service communications to administrators",
            zh: "向管理员发送服务通知"
        },
        /// Contact about third-party inquiries.
        AdministratorThirdPartyInquiries = "administrator_third_party_inquiries" {
            en: "Contact about third-party inquiries",
            zh: "就第三方询问联系您"
        },
        /// Contact about other offers, subject to contact preferences.
        AdministratorOtherOffers = "administrator_other_offers" {
            en: "Offers and feedback requests, subject to contact preferences",
            zh: "根据联系偏好发送其他产品信息或征求反馈"
        },
        /// Real-name management under law.
        RealNameManagement = "real_name_management" { en: "Real-name management", zh: "实名管理" },
        /// Verifying real-name data with agencies.
        RealNameVerification = "real_name_verification" {
            en: "Verification with agencies that legally store the data",
            zh: "向依法存储数据的机构核验"
        },
        /// Uses of Payment Data.
        PaymentDataUse = "payment_data_use" { en: "Use of Payment Data", zh: "支付数据的使用" },
        /// Storing authenticated Payment Data for future transactions.
        PaymentDataStorage = "payment_data_storage" {
            en: "Storing authenticated Payment Data",
            zh: "存储经认证的支付数据"
        },
        /// The security code is never retained.
        PaymentSecurityCodeNotRetained = "payment_security_code_not_retained" {
            en: "The security code is not retained",
            zh: "不保留支付工具的安全码"
        },
        /// Uses of Support Data.
        SupportDataUse = "support_data_use" { en: "Use of Support Data", zh: "支持数据的使用" },
        /// Remote Access with permission.
        SupportRemoteAccess = "support_remote_access" { en: "Remote Access with permission", zh: "经许可的远程访问" },
        /// Recording and monitoring of support sessions.
        SupportRecording = "support_recording" { en: "Recording of support sessions", zh: "支持会话的录制和监控" },
        /// Support questionnaires, with unsubscribe.
        SupportSurvey = "support_survey" { en: "Support questionnaires", zh: "支持问卷调查" },
        /// Uses of Cookies and similar technologies.
        CookiesUse = "cookies_use" { en: "Use of Cookies", zh: "Cookies 的使用" },
        /// Third-party Cookies for services on 21Vianet's behalf.
        CookiesThirdParty = "cookies_third_party" {
            en: "Cookies set by third parties on our behalf",
            zh: "代表我们提供服务的第三方设置的 Cookies"
        },
        /// The user may refuse or manage Cookies.
        CookiesUserControl = "cookies_user_control" { en: "Refusing or managing Cookies", zh: "拒绝或管理 Cookies" },
        /// Local software collects data to provide the requested service.
        LocalSoftwareCollection = "local_software_collection" {
            en: "Data collected by local software",
            zh: "本地软件收集的数据"
        },
        /// Local agents' diagnostic data.
        LocalSoftwareDiagnostics = "local_software_diagnostics" {
            en: "Diagnostic data from local agents",
            zh: "本地代理的诊断数据"
        },
        /// Personal Data stored in China; overseas transfer upon
        /// authorization or by law.
        PersonalDataStoredInChina = "personal_data_stored_in_china" {
            en: "Personal Data is stored in China",
            zh: "个人数据存储于中国境内"
        },
        /// No disclosure to third parties except as directed, agreed, stated
        /// or required by law.
        SharingGeneral = "sharing_general" {
            en: "No disclosure to third parties without a basis",
            zh: "除非有依据，不向第三方披露"
        },
        /// Suppliers and subcontractors on 21Vianet's behalf.
        SharingSuppliers = "sharing_suppliers" {
            en: "Suppliers and subcontractors acting on our behalf",
            zh: "代表我们提供服务的供应商和分包商"
        },
        /// Overseas supplier access to Personal Data needs prior consent.
        SharingOverseasSupplierConsent = "sharing_overseas_supplier_consent" {
            en: "Overseas supplier access to Personal Data needs prior consent",
            zh: "境外供应商访问个人数据须事先同意"
        },
        /// Customer Data disclosed to a third party only when strictly
        /// necessary, with advance notice.
        SharingCustomerDataDisclosure = "sharing_customer_data_disclosure" {
            en: "Disclosing Customer Data with advance notice",
            zh: "披露客户数据前事先通知"
        },
        /// Basic contact data to a complainant.
        SharingComplainant = "sharing_complainant" {
            en: "Basic contact data to a complainant",
            zh: "向投诉方提供基本联系数据"
        },
        /// Fraud prevention and payment processing third parties.
        SharingFraudAndPayment = "sharing_fraud_and_payment" {
            en: "Third parties for fraud prevention and payments",
            zh: "用于防范欺诈和处理支付的第三方"
        },
        /// Third Party Offerings the customer chose.
        SharingThirdPartyOfferings = "sharing_third_party_offerings" {
            en: "Third Party Offerings",
            zh: "第三方产品"
        },
        /// Transfers in mergers, acquisitions and reorganizations.
        SharingCorporateTransactions = "sharing_corporate_transactions" {
            en: "Acquisitions, mergers and reorganizations",
            zh: "收购、合并和重组"
        },
        /// The six circumstances needing no explicit instruction.
        SharingSixCircumstances = "sharing_six_circumstances" {
            en: "Circumstances needing no explicit instruction",
            zh: "无需取得明确指示的情形"
        },
        /// Security measures such as encryption.
        ProtectionSecurityMeasures = "protection_security_measures" {
            en: "Security measures such as encryption",
            zh: "加密等安全措施"
        },
        /// An Internet information service provider does not produce,
        /// reproduce, publish or disseminate the nine kinds of Prohibited
        /// Content.
        NoProhibitedContent = "no_prohibited_content" {
            en: "No Prohibited Content",
            zh: "不得制作、复制、发布或传播禁止内容"
        },
        /// Prohibited Content found on the provider's website: stop it, keep
        /// records, report it.
        DiscoveredProhibitedContent = "discovered_prohibited_content" {
            en: "Prohibited Content discovered on the website",
            zh: "发现网站传输的信息属于禁止内容"
        },
        /// A business subject to a government permit or approval obtains it.
        BusinessPermitOrApproval = "business_permit_or_approval" {
            en: "Permit or approval for the business",
            zh: "业务须取得的许可或批准"
        },
        /// A non-operational website is filed with the authority.
        NonOperationalWebsiteFiling = "non_operational_website_filing" {
            en: "Filing of a non-operational website",
            zh: "非经营性网站备案"
        },
        /// An operational website holds the "VAT permit".
        OperationalWebsitePermit = "operational_website_permit" {
            en: "VAT permit of an operational website",
            zh: "经营性网站的 VAT 许可证"
        },
        /// An Internet information service provider keeps records and
        /// assists lawful inquiries.
        InformationServiceRecords = "information_service_records" {
            en: "Records of the information provided",
            zh: "记录所提供的信息"
        },
        /// Real identity and contact information at registration, kept up to
        /// date.
        RealIdentityAtRegistration = "real_identity_at_registration" {
            en: "Real identity at registration",
            zh: "注册时提供真实身份"
        },
        /// After the account is closed, Personal Data is retained as the law
        /// requires but neither used nor processed.
        StorageRetentionAfterClosure = "storage_retention_after_closure" {
            en: "Retention after the account is closed",
            zh: "账户关闭后的保留"
        },
        /// When the retention period ends, the data is deleted or anonymized
        /// immediately.
        StorageDeletionAfterRetention = "storage_deletion_after_retention" {
            en: "Deletion or anonymization when the retention period ends",
            zh: "保留期届满后删除或匿名化"
        },
        /// Terminating an Online Service or operation: notify, then delete or
        /// anonymize.
        StorageServiceTermination = "storage_service_termination" {
            en: "Termination of an Online Service or operation",
            zh: "在线服务或运营的终止"
        },
        /// What to do in a Personal Data security incident.
        ProtectionPersonalDataIncident = "protection_personal_data_incident" {
            en: "Personal Data security incidents",
            zh: "个人数据安全事件"
        },
        /// What to do in a cyber security incident.
        ProtectionCyberSecurityIncident = "protection_cyber_security_incident" {
            en: "Cyber security incidents",
            zh: "网络安全事件"
        },
        /// The customer accesses and manages Administrator, Real-Name
        /// Authentication and Payment Data in the administrator portal.
        ManagingPortal = "managing_portal" {
            en: "Managing data in the administrator portal",
            zh: "在管理员门户中管理数据"
        },
        /// Initial registration information may not be modifiable.
        ManagingInitialRegistration = "managing_initial_registration" {
            en: "Initial registration information cannot be modified",
            zh: "初始注册信息无法修改"
        },
        /// Deleting data or narrowing the authorization may cost services.
        ManagingDeletionConsequences = "managing_deletion_consequences" {
            en: "Consequences of deleting data or narrowing the authorization",
            zh: "删除数据或变更授权范围的后果"
        },
        /// A deletion is passed on to the suppliers and subcontractors that
        /// received the data.
        ManagingDeletionNotifiesRecipients = "managing_deletion_notifies_recipients" {
            en: "Deletion is passed on to suppliers and subcontractors",
            zh: "删除请求同步通知供应商和分包商"
        },
        /// Identity is verified first; the reply is due within 30 days or the
        /// statutory limit.
        ManagingIdentityAndResponseTime = "managing_identity_and_response_time" {
            en: "Identity verification and the time to respond",
            zh: "身份验证与响应期限"
        },
        /// The seven grounds of the English text on which a request need not
        /// be answered.
        ManagingRefusalGrounds = "managing_refusal_grounds" {
            en: "Grounds for not responding to a request",
            zh: "可不响应请求的情形"
        },
        /// The eighth ground, trade secrets, which only the Chinese text has.
        ManagingRefusalTradeSecrets = "managing_refusal_trade_secrets" {
            en: "Trade secrets as a ground for not responding (Chinese text only)",
            zh: "涉及商业秘密的（仅见于中文文本）"
        },
        /// The first ground as the Chinese text words it: the controller's
        /// (not the data subject's) legal obligations.
        ManagingRefusalControllerObligations = "managing_refusal_controller_obligations" {
            en: "The controller's legal obligations as a ground for not responding (Chinese text only)",
            zh: "与个人信息控制者履行法律法规规定的义务相关的（仅见于中文文本）"
        },
        /// End users' requests are answered only on the customer's prior
        /// written instruction or as the law requires.
        SharingEndUserRequests = "sharing_end_user_requests" {
            en: "Requests from the customer's end users",
            zh: "客户的最终用户提出的请求"
        },
        /// Trial data may be kept temporarily after the trial, for a later
        /// purchase.
        TrialDataRetention = "trial_data_retention" {
            en: "Keeping trial data after the trial",
            zh: "试用期结束后保留试用数据"
        },
        /// Trial data may be removed at any time after the trial ends.
        TrialDataRemoval = "trial_data_removal" {
            en: "Removing trial data after the trial",
            zh: "试用期结束后删除试用数据"
        },
        /// Previews' security measures may differ.
        PreviewSecurity = "preview_security" {
            en: "Security of Previews",
            zh: "预览版本的安全措施"
        },
        /// A minor under 18 needs a guardian's consent.
        MinorsGuardianConsent = "minors_guardian_consent" {
            en: "Minors under 18 need a guardian's consent",
            zh: "未满 18 周岁的未成年人须取得监护人同意"
        },
        /// Posted changes revise the "last updated" date.
        ChangesLastUpdated = "changes_last_updated" {
            en: "Changes revise the last updated date",
            zh: "变更时更新“最后更新”日期"
        },
        /// Substantial changes take effect only after notice.
        ChangesSubstantialNotice = "changes_substantial_notice" {
            en: "Notice of substantial changes before they take effect",
            zh: "重大变更生效前予以通知"
        },
        /// "We will respond to you within 30 days after the verification of
        /// your identity."
        ContactResponseTime = "contact_response_time" {
            en: "Response within 30 days of verification",
            zh: "身份验证后 30 天内答复"
        },
        /// Not the statement's text: the 60-day period for keeping records
        /// of the information provided comes from the Measures for the
        /// Administration of Internet Information Services (State Council
        /// Decree 292), Art. 14, which "Compliance with Law" mirrors.
        MeasuresRecordRetention = "measures_record_retention" {
            en: "Records kept 60 days (Decree 292, Art. 14; not in the statement)",
            zh: "记录保存 60 日（国务院令第 292 号第十四条；非本声明条文）"
        },
    }
}

impl ClauseId {
    /// The section of the statement the clause belongs to.
    pub const fn section(self) -> Section {
        use ClauseId::*;
        match self {
            Scope
            | OtherProductsGovernedByTheirPolicies
            | EndUserNotice
            | CustomerControlsData
            | DomainOwnerAdministration
            | ResponsibilityWithinAgreedScope => Section::Introduction,
            PersonalDataDefinition | SensitivePersonalDataDefinition | UseBeyondStatedScope | RegistrationData => {
                Section::Collection
            }
            CustomerDataDefinition | CustomerDataUse | CustomerDataStoredInChina | CustomerDataOverseasAccess => {
                Section::CustomerData
            }
            AdministratorDataUse
            | AdministratorServiceCommunications
            | AdministratorThirdPartyInquiries
            | AdministratorOtherOffers => Section::AdministratorData,
            RealNameManagement | RealNameVerification => Section::RealNameAuthenticationData,
            PaymentDataUse | PaymentDataStorage | PaymentSecurityCodeNotRetained => Section::PaymentData,
            SupportDataUse | SupportRemoteAccess | SupportRecording | SupportSurvey => Section::SupportData,
            CookiesUse | CookiesThirdParty | CookiesUserControl => Section::Cookies,
            LocalSoftwareCollection | LocalSoftwareDiagnostics => Section::LocalSoftware,
            PersonalDataStoredInChina => Section::Storage,
            SharingGeneral
            | SharingSuppliers
            | SharingOverseasSupplierConsent
            | SharingCustomerDataDisclosure
            | SharingComplainant
            | SharingFraudAndPayment
            | SharingThirdPartyOfferings
            | SharingCorporateTransactions
            | SharingSixCircumstances => Section::Sharing,
            ProtectionSecurityMeasures => Section::Protection,
            NoProhibitedContent
            | DiscoveredProhibitedContent
            | BusinessPermitOrApproval
            | NonOperationalWebsiteFiling
            | OperationalWebsitePermit
            | InformationServiceRecords
            | RealIdentityAtRegistration => Section::ComplianceWithLaw,
            StorageRetentionAfterClosure | StorageDeletionAfterRetention | StorageServiceTermination => {
                Section::Storage
            }
            ProtectionPersonalDataIncident | ProtectionCyberSecurityIncident => Section::Protection,
            ManagingPortal
            | ManagingInitialRegistration
            | ManagingDeletionConsequences
            | ManagingDeletionNotifiesRecipients
            | ManagingIdentityAndResponseTime
            | ManagingRefusalGrounds
            | ManagingRefusalTradeSecrets
            | ManagingRefusalControllerObligations => Section::Managing,
            SharingEndUserRequests => Section::Sharing,
            TrialDataRetention | TrialDataRemoval => Section::TrialPeriod,
            PreviewSecurity => Section::PreviewReleases,
            MinorsGuardianConsent => Section::ProtectionOfMinors,
            ChangesLastUpdated | ChangesSubstantialNotice => Section::Changes,
            ContactResponseTime => Section::ContactUs,
            MeasuresRecordRetention => Section::LegalReferences,
        }
    }

    /// The passage of the statement (English text) that the clause encodes.
    pub const fn passage(self) -> &'static str {
        use ClauseId::*;
        match self {
            Scope => "This Privacy Statement applies to the use of the Online Services and any other 21Vianet services that display or link to this Privacy Statement.",
            OtherProductsGovernedByTheirPolicies => "Your use of other products and services, and any data you provide to a third party is governed by their privacy statements and policies.",
            EndUserNotice => "Notice to End Users: This Privacy Statement is written for customers and potential customers of the Online Services operated by 21Vianet … End users should direct privacy-related requests to the entity providing them with service.",
            CustomerControlsData => "Any data 21Vianet collects or handles in such circumstances is processed by us on behalf of our customer, who controls the collection and use of the data.",
            DomainOwnerAdministration => "If an end user accesses the Online Services using an email address provided by his or her organization (e.g., employer or school), the owner of the domain associated with the email address may: (i) have control and power of administration over the end user's service account; and (ii) access and process end-user data, including the content of end-user's communications and files. The end user's use of the Online Services may be subject to the organization's policies (if any).",
            ResponsibilityWithinAgreedScope => "We are only responsible for the Customer's privacy-related practices within the scope agreed with the Customer.",
            CustomerDataDefinition => "Customer Data is all the data, including all text, sound, software or image files that you provide, or are provided on your behalf, to us through your use of the Online Services. … It does not include configuration, technical settings, or support ticket information, or Administrator Data, Real-Name Authentication Data, and Payment Data indicated below.",
            PersonalDataDefinition => "Personal Data refers to all kinds of data recorded via electronic means or otherwise that can be used to identify a particular natural person or to reflect the particular natural person's activities, whether on its own or combined with other data.",
            SensitivePersonalDataDefinition => "Sensitive Personal Data is a subset of Personal Data that can easily lead to damage of personal reputation, physical and mental health, or discriminatory treatment, and may endanger the safety of people and property if it is revealed, illegally provided, or abused.",
            UseBeyondStatedScope => "If we collect your Personal Data beyond the scope of the following statement, or use your Personal Data beyond the scope directly or reasonably associated with the stated purpose at the time of collection, we will inform you again and obtain your express consent before collecting or using your Personal Data.",
            RegistrationData => "Personal Data may include … the registration data you submit on our website, in our marketing events, or for any survey or questionnaire.",
            CustomerDataUse => "We only use Customer Data to provide the Online Services and for purposes compatible with providing the Online Services. This may include improvement of underlying technology, troubleshooting aimed at preventing, detecting and repairing problems affecting the operation of the Online Services and the improvement of features that involve the detection of, and protection against, emerging and evolving threats to the user (such as malware or spam).",
            CustomerDataStoredInChina => "Customer Data will only be stored in data centers located in China.",
            CustomerDataOverseasAccess => "In limited circumstances, when it is necessary to troubleshoot customer support incidents or solve technical problems, 21Vianet may authorize an affiliate, supplier, or subcontractor located outside the territory of China to access the Customer Data according to applicable laws and regulations. 21Vianet will supervise such access and terminate such access when the problem is resolved in accordance with applicable laws and regulations.",
            AdministratorDataUse => "We use Administrator Data to complete the transactions you request, administer your account, improve the Online Services, and detect and prevent fraud.",
            AdministratorServiceCommunications => "We may contact you to provide information about new subscriptions, billing and important updates about the Online Services, including information about security or other technical issues. … You will not be able to unsubscribe from these communications during the reasonable period within or after the Online Services.",
            AdministratorThirdPartyInquiries => "We may also contact you regarding third-party inquiries we receive regarding your use of the Online Services, as described in your customer agreement.",
            AdministratorOtherOffers => "Subject to your contact preferences, you may also be contacted, by phone or e-mail, regarding information and offers about other products and services or to request your feedback. You may manage your contact preferences or unsubscribe such communications in your account profile for the applicable Online Service.",
            RealNameManagement => "We implement real-name management in accordance with applicable laws and regulations. Real-Name Authentication Data refers to your business license, administrator's mobile phone number, or the scanned copy of ID card provided by you during real-name authentication.",
            RealNameVerification => "In order to verify the accuracy and completeness of the Real-Name Authentication Data, we may verify the data provided by you with agencies that legally store your data.",
            PaymentDataUse => "We use Payment Data to complete transactions, as well as for the detection and prevention of fraud.",
            PaymentDataStorage => "When you use authenticated Payment Data, we will store that data to help you complete future transactions without your having to provide the data again.",
            PaymentSecurityCodeNotRetained => "We do not, however, retain the security code associated with your payment instrument in this manner.",
            SupportDataUse => "We use Support Data in accordance with this Privacy Statement, and we also use it to resolve your support issues and for training purposes.",
            SupportRemoteAccess => "With your permission, we may temporarily manipulate your machine through Remote Access. … For Remote Access, you can also view the record after the operation has ended. You can choose to terminate live chat or Remote Access at any time.",
            SupportRecording => "Calls, live chat, or Remote Access by professional support staff may be recorded and/or monitored.",
            SupportSurvey => "After the support experience is over, we may send you a questionnaire about your experience and service content. If you are unwilling to participate in the survey, you may unsubscribe through the footer link in the email or contact the support department through other communication methods provided by 21Vianet to unsubscribe.",
            CookiesUse => "We may use Cookies and similar technologies such as web beacons for storing users' preferences and settings, to prevent fraud, authenticate users and collect operational data about the Online Services.",
            CookiesThirdParty => "In addition to the Cookies we may set when you visit our websites, third parties that provide certain services on our behalf, such as site analytics, may also set certain Cookies on your hard drive when you visit our sites.",
            CookiesUserControl => "You may object or manage Cookies by changing the settings on your browser. However, please note that if you stop using Cookies, you may not enjoy the best service experience, and some of our Online Services may not function properly.",
            LocalSoftwareCollection => "Some features of the Online Services may enable or require that you install or run local software (e.g., agents, Azure Stack software, etc.). Such software may collect data from your local environment in order to provide the Online Services that you have requested.",
            LocalSoftwareDiagnostics => "Local agents may also collect diagnostic data that will be sent to us (including our affiliates, and domestic or overseas suppliers or subcontractors) for operating and improving the Online Services.",
            PersonalDataStoredInChina => "Your Personal Data will be stored in China. If necessary, your Personal Data may be transferred overseas upon your authorization or in accordance with applicable laws and regulations.",
            SharingGeneral => "We will not disclose or transfer Customer Data, Administrator Data, Real-Name Authentication Data, Payment Data, or any other Personal Data (\"your data\") to, or share your data with, any third party apart from 21Vianet and its affiliates except as you direct, or as described in your customer agreement or this Privacy Statement, or pursuant to applicable laws and regulations.",
            SharingSuppliers => "We contract with other companies within or outside China from time to time to provide technical support or services (such as customer support) on our behalf. We may provide these companies with access to your data where necessary for their engagement. … These companies are required to maintain the confidentiality of your data and are prohibited from using it for any purpose other than that for which they are engaged by 21Vianet.",
            SharingOverseasSupplierConsent => "If it is really necessary to have your Personal Data accessed by an overseas supplier or subcontractor, our customer support personnel will explain the relevant information to you and obtain your prior consent.",
            SharingCustomerDataDisclosure => "If it is strictly necessary to disclose Customer Data to a third party, we will use commercially reasonable efforts to notify you in advance of the disclosure unless legally prohibited.",
            SharingComplainant => "Should a third party contact us with a complaint about your use of the Online Services (for example, allegation of infringement by you or your end user), we may ask the third party to contact you directly and may provide your basic contact data to the third party.",
            SharingFraudAndPayment => "21Vianet may share Administrator Data or Payment Data with third parties within or outside China for the purpose of fraud prevention or to process payment transactions. … The third parties are required to keep your data confidential and are prohibited from using it for other purposes. They are required to take adequate security measures to ensure that your Personal Data receives the level of protection no less than that in China.",
            SharingThirdPartyOfferings => "If you choose to purchase, subscribe to, or use a Third Party Offering, we may provide the third party with your Administrator Data or Payment Data to enable the third party to provide its offering to you (and subject to your contact preferences, send you promotional communications).",
            SharingCorporateTransactions => "If your Personal Data has to be transferred due to acquisitions, mergers, reorganizations, or similar transactions, we will notify you. The succeeding company that holds your Personal Data will continue to perform the responsibilities and obligations under this Privacy Statement. If the succeeding company modifies the purpose of using your Personal Data, it should acquire your explicit consent again with regard to such modification.",
            SharingSixCircumstances => "We may not need to obtain your explicit instruction when sharing, transferring or disclosing your Personal Data under the following circumstances: national security and defense; public security, public health and significant public interests; criminal investigation, prosecution, trial, execution of a sentence; significant lawful interests where consent is difficult to acquire; Personal Data you already publicly disclosed; information lawfully disclosed to the public.",
            ProtectionSecurityMeasures => "We store your Personal Data on computer systems located in controlled locations and restrict access to these systems. When storing and transmitting your Personal Data, we will take appropriate security measures such as encryption.",
            NoProhibitedContent => "An Internet information service provider shall not produce, reproduce, publish, or disseminate information that includes the following content (\"Prohibited Content\"). Prohibited Content is content that: is against the basic principles determined by the Constitution; impairs national security, divulges State secrets, subverts State sovereignty or jeopardizes national unity; damages the reputation and interests of the State; incites ethnic hostility and ethnic discrimination or jeopardizes unity among ethnic groups; damages State religious policies or that advocates sects or feudal superstitions; disseminates rumors, disrupts the social order or damages social stability; disseminates obscenity, pornography, gambling, violence, homicide and terror, or that incites crime; insults or slanders others or that infringes their lawful rights and interests; and is otherwise prohibited by laws or administrative regulations.",
            DiscoveredProhibitedContent => "If an Internet information service provider discovers that information distributed on its website falls within the scope of the Prohibited Content, it shall promptly terminate the distribution, keep relevant records, and report to relevant authorities.",
            BusinessPermitOrApproval => "If the business or organization you operate by using the Online Services is subject to permit or approval by relevant governmental authorities, you should obtain such relevant permit or approval, including but not limited to:",
            NonOperationalWebsiteFiling => "if your website provides non-operational Internet information services, Customer will make the filing for the non-operational website with the governmental authority; and",
            OperationalWebsitePermit => "if your website provides operational Internet information services, you will obtain the VAT permit for operational website from the governmental authority.",
            InformationServiceRecords => "If you are an Internet information service provider using Online Services, you will keep records of the information provided, time of publishing and the Internet address or domain name, and assist in providing such information when inquired by related government authorities in accordance with applicable laws.",
            RealIdentityAtRegistration => "You will provide your real identity and contact information when registering for the Online Services and promptly update that information in the administrator portal if there are any changes to the information. We will use this information to contact you, as detailed in this Privacy Statement. You warrant that the information you provide is true, complete, and valid; otherwise, you will bear all the consequences.",
            StorageRetentionAfterClosure => "During your use of the Online Services, we retain the Personal Data you provided. After you close your account, in accordance with relevant laws and regulations, we will retain your Personal Data, but we will not use or process your Personal Data during this period;",
            StorageDeletionAfterRetention => "upon expiry of the aforementioned retention period, we will immediately delete or anonymize your data.",
            StorageServiceTermination => "When we terminate an Online Service or operation, we will notify you by e-mail or announcement, and delete or anonymize your relevant Personal Data upon such termination.",
            ProtectionPersonalDataIncident => "In the event of Personal Data security incidents, 21Vianet will promptly notify you via push notifications or announcements in accordance with the requirements of applicable laws and regulations, informing you of the basic circumstances and possible impacts of the security incidents, the measures we have taken or will take, advice for you on self-prevention and mitigation of risks, remedial measures for you, etc.",
            ProtectionCyberSecurityIncident => "In the event of a cyber security incident, we will follow the emergency response plan for cyber security incidents, take appropriate remedial measures, and report to the competent authorities in accordance with relevant applicable laws and regulations.",
            ManagingPortal => "We provide you with ways to manage your Personal Data. You can access and manage your Administrator Data, Real-name Authentication Data, and Payment Data in the account information of your administrator portal.",
            ManagingInitialRegistration => "However, for security and identification considerations or as required by applicable laws and regulations, you may not be able to modify the initial registration information provided at the time of registration, such as Real-Name Authentication Data.",
            ManagingDeletionConsequences => "If you choose to delete your Personal Data or change the scope of the authorization, it may result in our failure to provide certain Online Services for you. For example, deleting Payment Data or contact details will make it difficult for you to complete payments and receive corresponding Online Services.",
            ManagingDeletionNotifiesRecipients => "If we decide to respond to your request for deletion, we will also notify the supplier or subcontractor who has obtained your Personal Data from us and request them to delete your Personal Data in a timely manner, unless otherwise required by applicable laws and regulations.",
            ManagingIdentityAndResponseTime => "To ensure security, we may ask you to verify your identity first in response to your request to manage Personal Data under this section. We will timely respond to your request above after verifying your identity, and reply or make reasonable explanations to you within 30 days or the time limit stipulated by applicable laws and regulations, or inform you about the external approaches you may choose to resolve the disputes.",
            ManagingRefusalGrounds => "Notwithstanding the above, pursuant to applicable laws and regulations, we may not need to respond to your requests under the following circumstances, including but not limited to: related to the performance of the obligations specified in laws and regulations by the personal data subject; directly related to national security and national defense security; directly related to public security, public health and major public interests; directly related to criminal investigation, prosecution, trial and enforcement of judgments; personal data controller has sufficient evidence indicating that the personal data subject has subjective malicious intention or abuses his rights; it is for the purpose of safeguarding the major legitimate rights and interests of the personal data subject or other individuals including life and property, but it is impossible to get his consent; and responding to the request of personal data subject will result in serious damage to the legitimate rights and interests of personal data subject or other individuals and organizations.",
            ManagingRefusalTradeSecrets => "涉及商业秘密的。 (\"involving trade secrets\": the eighth item of the Chinese text's list; the English text has no such item)",
            SharingEndUserRequests => "We will not substantively respond to data protection and privacy requests from your end users without your prior written instruction, unless required by applicable laws and regulations.",
            TrialDataRetention => "Trials are provided to examine Online Services prior to purchase. At the end of the trial period, 21Vianet can temporarily retain the data it collects during your Online Service trial to improve your customer experience when you decide to purchase the Online Services in the future.",
            TrialDataRemoval => "However, your data may be removed from the Online Services at any time after the trial period for the Online Service ends.",
            PreviewSecurity => "Security: We will do our best to provide security measures for your data in the Previews, but these security measures may differ from the present security measures in typical Online Services.",
            MinorsGuardianConsent => "If you are a minor under the age of 18, please be sure to ask your guardian to read the Privacy Statement carefully, and please use our Online Services or provide your data to us under the condition that you have obtained the consent of your guardian.",
            ChangesLastUpdated => "When we post changes to the Privacy Statement, we will revise the \"last updated\" date at the top of the Privacy Statement.",
            ChangesSubstantialNotice => "If there are substantial changes to the Privacy Statement or in how 21Vianet will use your data, we will notify you either by posting a notice or by directly sending you a notification about such changes before they take effect.",
            ContactResponseTime => "We will respond to you within 30 days after the verification of your identity.",
            ManagingRefusalControllerObligations => "1) 与个人信息控制者履行法律法规规定的义务相关的； (\"related to the personal information controller's performance of obligations specified in laws and regulations\": the first item of the Chinese text's list, as in GB/T 35273-2020 §8.7 a); the English text's first item speaks of the obligations of the personal data subject)",
            MeasuresRecordRetention => "Not the statement's text. Measures for the Administration of Internet Information Services (State Council Decree 292, 2000), Art. 14: an Internet information service provider keeps records of the information provided, its time of publishing and its Internet address or domain name for 60 days, and provides them when the relevant authorities inquire in accordance with law. The statement (\"Compliance with Law\") asks for the records but names no period.",
        }
    }

    /// The passage in `language`, as the statement has it in that
    /// language: English for every clause; Simplified Chinese only where
    /// the statement's Chinese text (a fragment: the introduction, cookies,
    /// local software, the two lists and compliance with law) has the
    /// sentence, else `None`.
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Language};
    ///
    /// let clause = ClauseId::NoProhibitedContent;
    /// assert_eq!(clause.passage_in(Language::En), Some(clause.passage()));
    /// // The support section is not in the Chinese fragment.
    /// assert_eq!(ClauseId::SupportDataUse.passage_in(Language::ZhCn), None);
    /// ```
    pub const fn passage_in(self, language: Language) -> Option<&'static str> {
        match language {
            Language::En => Some(self.passage()),
            Language::ZhCn => self.passage_zh(),
        }
    }

    /// The Chinese text's passage, where the fragment has one.
    ///
    /// The fragment as the statement's file has it is in traditional
    /// characters with pinyin after some of them ("上(shàng)"); the
    /// passages here are those sentences with the pinyin dropped and the
    /// characters given back in their simplified form (the statement is
    /// published for mainland China), word for word otherwise, the
    /// fragment's punctuation kept. The fragment's two lists have no
    /// sentence of their own introducing them.
    const fn passage_zh(self) -> Option<&'static str> {
        use ClauseId::*;
        Some(match self {
            Scope => "本隐私声明适用于上述在线服务以及显示或链接至本隐私声明的任何其它的世纪互联服务。",
            CookiesUse => "我们可能会使用Cookies 和类似技术(如网站信标)来存储用户的偏好和设置以防止欺诈行为、认证用户以及收集有关在线服务的操作信息。",
            CookiesThirdParty => "除在您访问我们网站时世纪互联可能设置的 Cookies 以外,为我们提供一定服务(例如站点分析)的第三方也可能在您访问世纪互联站点时在您硬盘上设置一定的 Cookies。",
            CookiesUserControl => "您可以通过改变浏览器的设置拒绝或管理 Cookies。请您注意,如果停用 Cookies,您可能无法享受到最佳的在线服务体验,某些在线服务也可能无法正常使用。",
            LocalSoftwareCollection => "在线服务的一些功能可能允许或要求您安装或运行本地软件(例如,代理、Azure Stack 软件等)。这些软件可能会从您的本地环境中收集数据以提供您需要的在线服务。",
            LocalSoftwareDiagnostics => "本地代理还可能收集诊断数据并发送给我们(包括我们的关联方、境内或境外的供应商或分包商),以运行和改善在线服务。",
            SharingSixCircumstances => "与国家安全和国防直接相关的;与公共安全、公共卫生、重大公共利益直接相关的;与刑事侦查、起诉、审判、判决执行等直接相关的;出于维护您或他人的生命、财产等重大合法权益但又很难得到本人同意的;您自行向社会公众公开的个人信息;以及从合法公开披露的信息中收集个人信息的,如合法的新闻报道或者政府公开的信息。",
            ManagingRefusalControllerObligations => "1) 与个人信息控制者履行法律法规规定的义务相关的;",
            ManagingRefusalGrounds => "2) 与国家安全、国防安全直接相关的; 3) 与公共安全、公共卫生、重大公共利益直接相关的; 4) 与犯罪侦查、起诉、审判和执行判决等直接相关的; 5) 个人信息控制者有充分证据表明个人信息主体存在主观恶意或滥用权利的; 6) 出于维护个人信息主体或其他个人的生命、财产等重大合法权益但又很难得到本人同意的; 7) 响应个人信息主体的请求将导致个人信息主体或其他个人、组织的合法权益受到严重损害的;",
            ManagingRefusalTradeSecrets => "8) 涉及商业秘密的。",
            NoProhibitedContent => "互联网信息服务提供者不得制作、复制、发布或散播含有以下内容(“禁止内容”)的信息。以下内容属禁止内容:反对宪法所确定的基本原则的;危害国家安全,泄露国家秘密,颠覆国家政权,破坏国家统一的;损害国家荣誉和利益的;煽动民族仇恨、民族歧视,破坏民族团结的;破坏国家宗教政策,宣扬邪教和封建迷信的;散布谣言,扰乱社会秩序,破坏社会稳定的;散布淫秽、色情、赌博、暴力、凶杀、恐怖或者教唆犯罪的;侮辱或者诽谤他人,侵害他人合法权益的;含有法律、行政法规禁止的其他内容的。",
            DiscoveredProhibitedContent => "若互联网信息服务提供者发现其网站传输的信息属于禁止性内容的,应当立即停止传输,保存有关记录,并向国家有关机关报告。",
            BusinessPermitOrApproval => "若您使用在线服务开展业务或运营组织须经相关政府机构许可或批准,您应当取得该等相关许可或批准,包括但不限于:",
            NonOperationalWebsiteFiling => "若您的网站提供非经营性互联网信息服务,您应当在政府机构办理非经营性网站的备案;",
            OperationalWebsitePermit => "若您的网站提供经营性互联网信息服务,您应当从政府机构取得经营性网站的 VAT 许可证。",
            InformationServiceRecords => "若您为一家使用在线服务的互联网信息服务提供商,您应当记录提供的信息及其发布时间、互联网地址或域名,并在相关政府机构依法调查时,协助提供上述信息。",
            RealIdentityAtRegistration => "您在注册在线服务时必须提供您的真实身份和联系方式,如信息发生变更的,应立即在管理员入口进行更新。我们将通过上述信息联系到您,详见本隐私声明中的规定。您保证您所提供的信息是真实、完整和有效的,否则您将承担全部后果。",
            _ => return None,
        })
    }
}
