use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// Why the data is processed.
    ///
    /// Every purpose the statement names for a kind of data, and purposes it
    /// gives no permission for ([`Purpose::Advertising`],
    /// [`Purpose::SaleOfData`]), so that asking for them gets a specific
    /// deny rather than an unknown-name error.
    ///
    /// ```
    /// use vianet_privacy::Purpose;
    ///
    /// let p: Purpose = "troubleshooting".parse()?;
    /// assert_eq!(p, Purpose::Troubleshooting);
    /// assert!("spam".parse::<Purpose>().unwrap_err().to_string().contains("troubleshooting"));
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum Purpose / PurposeSet(u64) : "purpose" {
        /// To provide the Online Services (including a service the customer
        /// requested through local software).
        ProvideService = "provide_service" { en: "providing the Online Services", zh: "提供在线服务" },
        /// To improve the Online Services or their underlying technology.
        ImproveService = "improve_service" {
            en: "improving the Online Services and their underlying technology",
            zh: "改进在线服务及其底层技术"
        },
        /// Troubleshooting aimed at preventing, detecting and repairing
        /// problems, including customer support incidents and technical
        /// problems.
        Troubleshooting = "troubleshooting" {
            en: "troubleshooting support incidents and technical problems",
            zh: "排除支持事件和技术问题"
        },
        /// Improving features that detect and protect against emerging and
        /// evolving threats (malware, spam).
        ThreatProtection = "threat_protection" {
            en: "protection against emerging threats such as malware or spam",
            zh: "检测和防范恶意软件、垃圾邮件等新出现的威胁"
        },
        /// To complete the transactions the customer requests.
        CompleteTransaction = "complete_transaction" { en: "completing transactions", zh: "完成交易" },
        /// To administer the customer's account.
        AdministerAccount = "administer_account" { en: "administering the account", zh: "管理账户" },
        /// To detect and prevent fraud.
        FraudPrevention = "fraud_prevention" { en: "detecting and preventing fraud", zh: "检测和防范欺诈" },
        /// Information about new subscriptions, billing and important updates,
        /// including security and other technical issues.
        ServiceCommunication = "service_communication" {
            en: "service communications (subscriptions, billing, important and security updates)",
            zh: "服务通知（订阅、账单、重要更新及安全问题）"
        },
        /// Third-party inquiries about the customer's use of the Online
        /// Services.
        ThirdPartyInquiry = "third_party_inquiry" {
            en: "third-party inquiries about the customer's use",
            zh: "第三方关于您使用情况的询问"
        },
        /// Information and offers about other products and services.
        OtherOffers = "other_offers" {
            en: "information and offers about other products and services",
            zh: "其他产品和服务的信息及优惠"
        },
        /// Requesting feedback.
        FeedbackRequest = "feedback_request" { en: "requesting feedback", zh: "征求反馈" },
        /// Real-name management required by law, including verifying the
        /// data with agencies that legally store it.
        RealNameVerification = "real_name_verification" {
            en: "real-name management and verification",
            zh: "实名管理与核验"
        },
        /// Keeping authenticated Payment Data to complete future transactions.
        FutureTransactions = "future_transactions" {
            en: "completing future transactions without re-entering data",
            zh: "便于完成未来交易"
        },
        /// Resolving the customer's support issues.
        ResolveSupportIssue = "resolve_support_issue" { en: "resolving support issues", zh: "解决支持问题" },
        /// Training support staff.
        Training = "training" { en: "training", zh: "培训" },
        /// A questionnaire about the support experience.
        SupportSurvey = "support_survey" { en: "support experience questionnaire", zh: "支持体验问卷调查" },
        /// Storing users' preferences and settings.
        StorePreferences = "store_preferences" { en: "storing preferences and settings", zh: "存储偏好和设置" },
        /// Authenticating users.
        Authentication = "authentication" { en: "authenticating users", zh: "认证用户" },
        /// Collecting operational data about the Online Services.
        OperationalData = "operational_data" {
            en: "collecting operational data about the Online Services",
            zh: "收集在线服务的运营信息"
        },
        /// Site analytics performed on 21Vianet's behalf.
        SiteAnalytics = "site_analytics" { en: "site analytics", zh: "站点分析" },
        /// Technical support or services (such as customer support) a
        /// supplier provides on 21Vianet's behalf.
        ServiceOnOurBehalf = "service_on_our_behalf" {
            en: "technical support or services provided on 21Vianet's behalf",
            zh: "代表世纪互联提供技术支持或服务"
        },
        /// Processing payment transactions.
        ProcessPayment = "process_payment" { en: "processing payment transactions", zh: "处理支付交易" },
        /// Letting a third party provide the Third Party Offering the
        /// customer chose.
        ThirdPartyOffering = "third_party_offering" {
            en: "providing a Third Party Offering the customer chose",
            zh: "提供您选择的第三方产品"
        },
        /// A Third Party Offering provider's promotional communications.
        PromotionalCommunications = "promotional_communications" {
            en: "promotional communications",
            zh: "推广信息"
        },
        /// Handling a third party's complaint about the customer's use.
        ComplaintHandling = "complaint_handling" { en: "handling a complaint", zh: "处理投诉" },
        /// An acquisition, merger, reorganization or similar transaction.
        CorporateTransaction = "corporate_transaction" {
            en: "an acquisition, merger, reorganization or similar transaction",
            zh: "收购、合并、重组或类似交易"
        },
        /// Complying with applicable laws and regulations.
        LegalCompliance = "legal_compliance" { en: "complying with applicable law", zh: "遵守适用法律法规" },
        /// Registering on the website, for a marketing event or for a survey.
        Registration = "registration" {
            en: "registration on the website, for events or surveys",
            zh: "网站、营销活动或调查的注册"
        },
        /// Doing what the customer directs: the purpose the customer's
        /// direction opens ("except as you direct").
        CustomerInstruction = "customer_instruction" { en: "doing what the customer directs", zh: "按您的指示" },
        /// Doing what the customer agreement describes: the purpose the
        /// customer agreement opens ("as described in your customer
        /// agreement").
        CustomerAgreement = "customer_agreement" {
            en: "doing what the customer agreement describes",
            zh: "按客户协议所述"
        },
        /// National security and national defense: what a disclosure under
        /// the first of the six circumstances is "directly related to".
        NationalSecurity = "national_security" {
            en: "national security and national defense",
            zh: "国家安全和国防"
        },
        /// Public security, public health and significant public interests
        /// (the second circumstance).
        PublicSecurityAndHealth = "public_security_and_health" {
            en: "public security, public health and significant public interests",
            zh: "公共安全、公共卫生和重大公共利益"
        },
        /// Criminal investigation, prosecution, trial and execution of a
        /// sentence (the third circumstance).
        CriminalProceedings = "criminal_proceedings" {
            en: "criminal investigation, prosecution, trial and execution of a sentence",
            zh: "刑事侦查、起诉、审判和判决执行"
        },
        /// Securing significant lawful interests such as a person's life or
        /// property (the fourth circumstance).
        ProtectLifeOrProperty = "protect_life_or_property" {
            en: "securing significant lawful interests such as life or property",
            zh: "维护生命、财产等重大合法权益"
        },
        /// Advertising: no clause of the statement names it as a purpose.
        Advertising = "advertising" { en: "advertising", zh: "广告" },
        /// Selling the data: no clause of the statement names it as a purpose.
        SaleOfData = "sale_of_data" { en: "selling the data", zh: "出售数据" },
        /// Answering a data subject's or customer's request to access,
        /// manage or delete their Personal Data (including managing it in
        /// the administrator portal).
        DataSubjectRequest = "data_subject_request" {
            en: "answering a request to access, manage or delete one's Personal Data",
            zh: "响应访问、管理或删除个人数据的请求"
        },
        /// Keeping data from an ended trial to improve the experience of a
        /// later purchase.
        FuturePurchaseExperience = "future_purchase_experience" {
            en: "improving the customer experience of a later purchase after a trial",
            zh: "改善试用后日后购买时的客户体验"
        },
    }
}
