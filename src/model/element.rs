use crate::model::vocabulary::vocabulary;
use crate::DataCategory;

vocabulary! {
    /// A data element the statement names, inside its category.
    ///
    /// Each element belongs to exactly one [`DataCategory`]; whether it is
    /// Personal Data or Sensitive Personal Data follows the statement's own
    /// definitions ("Definition of Personal Data"), not the law's.
    ///
    /// ```
    /// use vianet_privacy::{DataCategory, DataElement};
    ///
    /// let code = DataElement::SecurityCode;
    /// assert_eq!(code.category(), DataCategory::Payment);
    /// assert!(code.is_personal() && code.is_sensitive());
    ///
    /// // Customer Data is governed by its own section, not by the
    /// // statement's list of Personal Data.
    /// assert!(!DataElement::CustomerContent.is_personal());
    /// ```
    pub enum DataElement / DataElementSet(u64) : "data element" {
        /// Text, sound, software or image files the customer provides,
        /// including data uploaded for storage or processing.
        CustomerContent = "customer_content" {
            en: "Customer Data content (text, sound, software, image files)",
            zh: "客户数据内容（文本、声音、软件或图像文件）"
        },
        /// Applications the customer or its end users upload for hosting.
        HostedApplication = "hosted_application" {
            en: "applications uploaded for hosting",
            zh: "上传托管的应用程序"
        },
        /// An administrator's name.
        AdministratorName = "administrator_name" { en: "administrator's name", zh: "管理员姓名" },
        /// An administrator's address.
        AdministratorAddress = "administrator_address" { en: "administrator's address", zh: "管理员地址" },
        /// An administrator's phone number.
        AdministratorPhone = "administrator_phone" { en: "administrator's phone number", zh: "管理员电话号码" },
        /// An administrator's e-mail address.
        AdministratorEmail = "administrator_email" { en: "administrator's e-mail address", zh: "管理员电子邮件地址" },
        /// The business license provided for real-name authentication.
        BusinessLicense = "business_license" { en: "business license", zh: "营业执照" },
        /// The administrator's mobile phone number provided for real-name
        /// authentication.
        RealNameMobileNumber = "real_name_mobile_number" {
            en: "administrator's mobile phone number (real-name authentication)",
            zh: "管理员手机号码（实名认证）"
        },
        /// The scanned copy of an ID card.
        IdCardScan = "id_card_scan" { en: "scanned copy of ID card", zh: "身份证扫描件" },
        /// The payment instrument number.
        PaymentInstrumentNumber = "payment_instrument_number" {
            en: "payment instrument number",
            zh: "支付工具号码"
        },
        /// The name on the payment instrument.
        PayerName = "payer_name" { en: "name in the Payment Data", zh: "支付数据中的姓名" },
        /// The billing address.
        BillingAddress = "billing_address" { en: "billing address", zh: "账单地址" },
        /// The security code associated with the payment instrument.
        SecurityCode = "security_code" {
            en: "security code of the payment instrument",
            zh: "支付工具的安全码"
        },
        /// A transaction record.
        TransactionRecord = "transaction_record" { en: "transaction record", zh: "交易记录" },
        /// Other financial data in the Payment Data.
        OtherFinancialData = "other_financial_data" { en: "other financial data", zh: "其他财务数据" },
        /// Contact information given with a support request.
        SupportContactInfo = "support_contact_info" {
            en: "contact information in Support Data",
            zh: "支持数据中的联系信息"
        },
        /// Verification information given with a support request.
        SupportVerificationInfo = "support_verification_info" {
            en: "verification information in Support Data",
            zh: "支持数据中的验证信息"
        },
        /// Support ticket information: the ticket a support request opens
        /// (what was asked, when, by whom). Named by the Customer Data
        /// section as not Customer Data.
        SupportTicketInfo = "support_ticket_info" { en: "support ticket information", zh: "支持工单信息" },
        /// Chat session personalization.
        ChatPersonalization = "chat_personalization" { en: "chat session personalization", zh: "聊天会话个性化信息" },
        /// Data about hardware and software, and the conditions of the device
        /// and application during the error, and diagnostics.
        DeviceDiagnostics = "device_diagnostics" {
            en: "hardware, software and device-condition diagnostics",
            zh: "硬件、软件及出错期间设备状况的诊断数据"
        },
        /// System and registration data about software installation and
        /// hardware configuration.
        InstallationData = "installation_data" {
            en: "software installation and hardware configuration data",
            zh: "软件安装和硬件配置的系统及注册数据"
        },
        /// Error tracking files.
        ErrorTrackingFile = "error_tracking_file" { en: "error tracking files", zh: "错误跟踪文件" },
        /// A recording of a support call, live chat or Remote Access session.
        SupportRecording = "support_recording" {
            en: "recording of a support call, chat or Remote Access session",
            zh: "支持通话、在线聊天或远程访问的录制内容"
        },
        /// A personal phone number in registration data.
        RegistrationPhone = "registration_phone" { en: "personal phone number (registration)", zh: "个人电话号码（注册）" },
        /// An e-mail address in registration data.
        RegistrationEmail = "registration_email" { en: "e-mail address (registration)", zh: "电子邮件地址（注册）" },
        /// Identification and payment instrument account numbers in
        /// registration data.
        RegistrationIdNumber = "registration_id_number" {
            en: "identification or payment account number (registration)",
            zh: "身份证件或支付账号（注册）"
        },
        /// Other registration details (name, organization, answers).
        RegistrationDetails = "registration_details" {
            en: "other registration details",
            zh: "其他注册信息"
        },
        /// Data local software collects from the local environment to
        /// provide the requested service.
        LocalEnvironmentData = "local_environment_data" {
            en: "data from the local environment",
            zh: "本地环境数据"
        },
        /// Diagnostic data local agents send for operating and improving the
        /// Online Services.
        AgentDiagnosticData = "agent_diagnostic_data" {
            en: "diagnostic data from local agents",
            zh: "本地代理的诊断数据"
        },
        /// Data kept in or read through Cookies and similar technologies
        /// (web beacons).
        CookieData = "cookie_data" { en: "Cookie and web beacon data", zh: "Cookie 和网站信标数据" },
        /// Configuration and technical settings of the customer's services:
        /// named by the Customer Data section as not Customer Data.
        Configuration = "configuration" {
            en: "configuration and technical settings",
            zh: "配置和技术设置"
        },
    }
}

impl DataElementSet {
    /// Every element of Customer Data.
    pub const CUSTOMER: DataElementSet =
        DataElementSet::of(&[DataElement::CustomerContent, DataElement::HostedApplication]);
    /// Every element of Administrator Data.
    pub const ADMINISTRATOR: DataElementSet = DataElementSet::of(&[
        DataElement::AdministratorName,
        DataElement::AdministratorAddress,
        DataElement::AdministratorPhone,
        DataElement::AdministratorEmail,
    ]);
    /// Every element of Real-Name Authentication Data.
    pub const REAL_NAME: DataElementSet = DataElementSet::of(&[
        DataElement::BusinessLicense,
        DataElement::RealNameMobileNumber,
        DataElement::IdCardScan,
    ]);
    /// Every element of Payment Data.
    pub const PAYMENT: DataElementSet = DataElementSet::of(&[
        DataElement::PaymentInstrumentNumber,
        DataElement::PayerName,
        DataElement::BillingAddress,
        DataElement::SecurityCode,
        DataElement::TransactionRecord,
        DataElement::OtherFinancialData,
    ]);
    /// Every element of Support Data.
    pub const SUPPORT: DataElementSet = DataElementSet::of(&[
        DataElement::SupportContactInfo,
        DataElement::SupportVerificationInfo,
        DataElement::SupportTicketInfo,
        DataElement::ChatPersonalization,
        DataElement::DeviceDiagnostics,
        DataElement::InstallationData,
        DataElement::ErrorTrackingFile,
        DataElement::SupportRecording,
    ]);
    /// Every element of registration data.
    pub const REGISTRATION: DataElementSet = DataElementSet::of(&[
        DataElement::RegistrationPhone,
        DataElement::RegistrationEmail,
        DataElement::RegistrationIdNumber,
        DataElement::RegistrationDetails,
    ]);
    /// Every element of local software data.
    pub const LOCAL_SOFTWARE: DataElementSet =
        DataElementSet::of(&[DataElement::LocalEnvironmentData, DataElement::AgentDiagnosticData]);
    /// Cookie data.
    pub const COOKIE: DataElementSet = DataElementSet::of(&[DataElement::CookieData]);
    /// Configuration and technical settings.
    pub const CONFIGURATION: DataElementSet = DataElementSet::of(&[DataElement::Configuration]);
    /// Technical data: data about machines and software rather than about
    /// a person. "This data mainly includes various technical data for
    /// providing technical support or services, and in rare cases involves
    /// your Personal Data" (How We Share, Transfer, and Disclose Your
    /// Data). Not Personal Data as the statement reads it (see
    /// [`DataElementSet::PERSONAL`]); not Customer Data either.
    pub const TECHNICAL: DataElementSet = DataElementSet::of(&[
        DataElement::DeviceDiagnostics,
        DataElement::InstallationData,
        DataElement::ErrorTrackingFile,
        DataElement::LocalEnvironmentData,
        DataElement::AgentDiagnosticData,
        DataElement::Configuration,
    ]);

    /// Personal Data, classified element by element against the statement's
    /// definition: "all kinds of data recorded via electronic means or
    /// otherwise that can be used to identify a particular natural person
    /// or to reflect the particular natural person's activities, whether on
    /// its own or combined with other data". The list that follows the
    /// definition ("may include … etc.") gives examples, not the whole set.
    ///
    /// Personal: every element of Administrator, Real-Name Authentication,
    /// Payment and registration data (listed); the contact and verification
    /// information in Support Data (listed); and, by the definition, the
    /// support ticket (it records what a person asked and when), chat
    /// session personalization, the recording of a support session (a
    /// person's voice and actions) and Cookie data (authentication,
    /// preferences and analytics Cookies reflect a person's activity on
    /// the websites).
    ///
    /// Not personal: Customer Data, which has its own, stricter section
    /// (it is never handled more loosely than Personal Data); and the
    /// [`TECHNICAL`](DataElementSet::TECHNICAL) data about machines and
    /// software, which the statement itself sets apart as "technical data
    /// … \[that\] in rare cases involves your Personal Data". A caller whose
    /// technical data does carry Personal Data asks about the personal
    /// element instead. `docs/clauses.md` gives each element's reason.
    pub const PERSONAL: DataElementSet = DataElementSet::ADMINISTRATOR
        .union(DataElementSet::REAL_NAME)
        .union(DataElementSet::PAYMENT)
        .union(DataElementSet::REGISTRATION)
        .union(DataElementSet::COOKIE)
        .union(DataElementSet::of(&[
            DataElement::SupportContactInfo,
            DataElement::SupportVerificationInfo,
            DataElement::SupportTicketInfo,
            DataElement::ChatPersonalization,
            DataElement::SupportRecording,
        ]));

    /// Sensitive Personal Data as the statement lists it: Administrator
    /// Data, Real-Name Authentication Data, Payment Data (including the
    /// security code and transaction record), registration data with a
    /// personal phone number, e-mail address, identification or payment
    /// account number, and support contact and verification information.
    pub const SENSITIVE: DataElementSet = DataElementSet::ADMINISTRATOR
        .union(DataElementSet::REAL_NAME)
        .union(DataElementSet::PAYMENT)
        .union(DataElementSet::of(&[
            DataElement::RegistrationPhone,
            DataElement::RegistrationEmail,
            DataElement::RegistrationIdNumber,
            DataElement::SupportContactInfo,
            DataElement::SupportVerificationInfo,
        ]));

    /// "Your data" in "How We Share, Transfer, and Disclose Your Data":
    /// Customer Data and every kind of Personal Data.
    pub const YOUR_DATA: DataElementSet = DataElementSet::CUSTOMER.union(DataElementSet::PERSONAL);

    /// Every element of `category`.
    pub const fn of_category(category: DataCategory) -> DataElementSet {
        match category {
            DataCategory::Customer => DataElementSet::CUSTOMER,
            DataCategory::Administrator => DataElementSet::ADMINISTRATOR,
            DataCategory::RealNameAuthentication => DataElementSet::REAL_NAME,
            DataCategory::Payment => DataElementSet::PAYMENT,
            DataCategory::Support => DataElementSet::SUPPORT,
            DataCategory::Registration => DataElementSet::REGISTRATION,
            DataCategory::LocalSoftware => DataElementSet::LOCAL_SOFTWARE,
            DataCategory::Cookie => DataElementSet::COOKIE,
            DataCategory::Configuration => DataElementSet::CONFIGURATION,
        }
    }
}

impl DataElement {
    /// The category this element belongs to.
    pub const fn category(self) -> DataCategory {
        use DataElement::*;
        match self {
            CustomerContent | HostedApplication => DataCategory::Customer,
            AdministratorName | AdministratorAddress | AdministratorPhone | AdministratorEmail => {
                DataCategory::Administrator
            }
            BusinessLicense | RealNameMobileNumber | IdCardScan => DataCategory::RealNameAuthentication,
            PaymentInstrumentNumber
            | PayerName
            | BillingAddress
            | SecurityCode
            | TransactionRecord
            | OtherFinancialData => DataCategory::Payment,
            SupportContactInfo
            | SupportVerificationInfo
            | SupportTicketInfo
            | ChatPersonalization
            | DeviceDiagnostics
            | InstallationData
            | ErrorTrackingFile
            | SupportRecording => DataCategory::Support,
            RegistrationPhone | RegistrationEmail | RegistrationIdNumber | RegistrationDetails => {
                DataCategory::Registration
            }
            LocalEnvironmentData | AgentDiagnosticData => DataCategory::LocalSoftware,
            CookieData => DataCategory::Cookie,
            Configuration => DataCategory::Configuration,
        }
    }

    /// Whether this element is Personal Data by the statement's definition
    /// ([`DataElementSet::PERSONAL`] gives the reading).
    pub const fn is_personal(self) -> bool {
        DataElementSet::PERSONAL.contains(self)
    }

    /// Whether the statement counts this element as Sensitive Personal
    /// Data. Every sensitive element is also personal.
    pub const fn is_sensitive(self) -> bool {
        DataElementSet::SENSITIVE.contains(self)
    }
}
