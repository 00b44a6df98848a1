use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A section of the statement, by its heading.
    ///
    /// Each section is a module of [`statement`](crate::statement), and
    /// every [`ClauseId`](crate::ClauseId) belongs to one.
    ///
    /// ```
    /// use vianet_privacy::{Language, Section};
    ///
    /// assert_eq!(Section::Sharing.label(Language::En), "How We Share, Transfer, and Disclose Your Data");
    /// ```
    pub enum Section / SectionSet(u32) : "section" {
        /// The opening paragraphs, including the Notice to End Users.
        Introduction = "introduction" { en: "Introduction and Notice to End Users", zh: "引言及致最终用户的通知" },
        /// How We Collect and Use Your Data, with the Definition of Personal
        /// Data.
        Collection = "collection" { en: "How We Collect and Use Your Data", zh: "我们如何收集和使用您的数据" },
        /// Customer Data.
        CustomerData = "customer_data" { en: "Customer Data", zh: "客户数据" },
        /// Administrator Data.
        AdministratorData = "administrator_data" { en: "Administrator Data", zh: "管理员数据" },
        /// Real-Name Authentication Data.
        RealNameAuthenticationData = "real_name_authentication_data" {
            en: "Real-Name Authentication Data",
            zh: "实名认证数据"
        },
        /// Payment Data.
        PaymentData = "payment_data" { en: "Payment Data", zh: "支付数据" },
        /// Support Data.
        SupportData = "support_data" { en: "Support Data", zh: "支持数据" },
        /// How We Use Cookies and Similar Technologies.
        Cookies = "cookies" { en: "How We Use Cookies and Similar Technologies", zh: "我们如何使用 Cookies 和类似技术" },
        /// Local Software.
        LocalSoftware = "local_software" { en: "Local Software", zh: "本地软件" },
        /// How We Store Your Personal Data.
        Storage = "storage" { en: "How We Store Your Personal Data", zh: "我们如何存储您的个人数据" },
        /// How We Share, Transfer, and Disclose Your Data.
        Sharing = "sharing" { en: "How We Share, Transfer, and Disclose Your Data", zh: "我们如何共享、转让和披露您的数据" },
        /// How We Protect Your Personal Data.
        Protection = "protection" { en: "How We Protect Your Personal Data", zh: "我们如何保护您的个人数据" },
        /// How You Can Manage Your Personal Data.
        Managing = "managing" { en: "How You Can Manage Your Personal Data", zh: "您如何管理您的个人数据" },
        /// Compliance with Law.
        ComplianceWithLaw = "compliance_with_law" { en: "Compliance with Law", zh: "遵守法律" },
        /// Trial Period.
        TrialPeriod = "trial_period" { en: "Trial Period", zh: "试用期" },
        /// Preview Releases.
        PreviewReleases = "preview_releases" { en: "Preview Releases", zh: "预览版本" },
        /// Protection of Minors.
        ProtectionOfMinors = "protection_of_minors" { en: "Protection of Minors", zh: "未成年人保护" },
        /// Changes to this Privacy Statement.
        Changes = "changes" { en: "Changes to this Privacy Statement", zh: "本隐私声明的变更" },
        /// How to Contact Us.
        ContactUs = "contact_us" { en: "How to Contact Us", zh: "如何联系我们" },
        /// Not a section of the statement: the rules it mirrors
        /// (`legal-references`), cited where a decision rests on one of
        /// them rather than on the statement's own words.
        LegalReferences = "legal_references" {
            en: "Rules the statement mirrors (not the statement's text)",
            zh: "本声明所参照的法规（非本声明条文）"
        },
    }
}

impl Section {
    /// Whether this is a section of the statement's own text (every section
    /// but [`Section::LegalReferences`]).
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Section};
    ///
    /// assert!(ClauseId::InformationServiceRecords.section().is_statement_text());
    /// assert!(!ClauseId::MeasuresRecordRetention.section().is_statement_text());
    /// ```
    pub const fn is_statement_text(self) -> bool {
        !matches!(self, Section::LegalReferences)
    }
}
