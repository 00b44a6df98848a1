use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// What a customer, as an Internet information service provider on the
    /// Online Services, does: the subject of a
    /// [`ComplianceRequest`](crate::ComplianceRequest).
    ///
    /// These are the customer's own activities that "Compliance with Law"
    /// binds, not 21Vianet's processing of personal data (for which see
    /// [`Action`](crate::Action) and [`Request`](crate::Request)).
    ///
    /// ```
    /// use vianet_privacy::{Activity, ActivitySet, Language};
    ///
    /// let a: Activity = "disseminate".parse()?;
    /// assert_eq!(a.label(Language::ZhCn), "传播");
    /// assert!(ActivitySet::CONTENT.contains(a));
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum Activity / ActivitySet(u16) : "activity" {
        /// Produce (make) information.
        Produce = "produce" { en: "produce", zh: "制作" },
        /// Reproduce (copy) information.
        Reproduce = "reproduce" { en: "reproduce", zh: "复制" },
        /// Publish information.
        Publish = "publish" { en: "publish", zh: "发布" },
        /// Disseminate (distribute, transmit) information.
        Disseminate = "disseminate" { en: "disseminate (distribute or transmit)", zh: "传播" },
        /// Handle the discovery that information distributed on one's
        /// website is Prohibited Content.
        DiscoverProhibitedContent = "discover_prohibited_content" {
            en: "discover that information distributed on the website is Prohibited Content",
            zh: "发现网站传输的信息属于禁止内容"
        },
        /// Operate a business or organization by using the Online Services.
        OperateBusiness = "operate_business" {
            en: "operate a business or organization by using the Online Services",
            zh: "使用在线服务开展业务或运营组织"
        },
        /// Serve a website that provides Internet information services.
        ServeWebsite = "serve_website" {
            en: "serve a website that provides Internet information services",
            zh: "通过网站提供互联网信息服务"
        },
        /// Provide records to government authorities that inquire.
        AnswerRecordsInquiry = "answer_records_inquiry" {
            en: "provide records to government authorities that inquire",
            zh: "应政府机构调查提供记录"
        },
        /// Discard a record of information provided.
        DiscardRecords = "discard_records" {
            en: "discard records of the information provided",
            zh: "删除所提供信息的记录"
        },
        /// Register for the Online Services.
        Register = "register" { en: "register for the Online Services", zh: "注册在线服务" },
        /// Update the registration information in the administrator portal.
        UpdateRegistration = "update_registration" {
            en: "update the registration information in the administrator portal",
            zh: "在管理员入口更新注册信息"
        },
    }
}

impl ActivitySet {
    /// The four activities the prohibition names: "produce, reproduce,
    /// publish, or disseminate".
    ///
    /// ```
    /// use vianet_privacy::{Activity, ActivitySet};
    ///
    /// assert_eq!(ActivitySet::CONTENT.len(), 4);
    /// assert!(!ActivitySet::CONTENT.contains(Activity::Register));
    /// ```
    pub const CONTENT: ActivitySet = ActivitySet::of(&[
        Activity::Produce,
        Activity::Reproduce,
        Activity::Publish,
        Activity::Disseminate,
    ]);

    /// The activities that make information public and so need records of
    /// it: publish and disseminate.
    ///
    /// ```
    /// use vianet_privacy::{Activity, ActivitySet};
    ///
    /// assert!(ActivitySet::PUBLISHING.contains(Activity::Publish));
    /// assert!(!ActivitySet::PUBLISHING.contains(Activity::Produce));
    /// ```
    pub const PUBLISHING: ActivitySet = ActivitySet::of(&[Activity::Publish, Activity::Disseminate]);
}
