use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// The kinds of data the statement names, each with its own section.
    ///
    /// A request names a [`DataElement`](crate::DataElement); its category
    /// follows from it, so a request for "the security code of Customer
    /// Data" cannot be written.
    ///
    /// ```
    /// use vianet_privacy::{DataCategory, DataElement};
    ///
    /// assert_eq!(DataElement::SecurityCode.category(), DataCategory::Payment);
    /// assert_eq!(DataCategory::Payment.to_string(), "payment");
    /// ```
    pub enum DataCategory / DataCategorySet(u8) : "data category" {
        /// Customer Data: what the customer provides through its use of the
        /// Online Services.
        Customer = "customer" { en: "Customer Data", zh: "客户数据" },
        /// Administrator Data: data about administrators.
        Administrator = "administrator" { en: "Administrator Data", zh: "管理员数据" },
        /// Real-Name Authentication Data.
        RealNameAuthentication = "real_name_authentication" {
            en: "Real-Name Authentication Data",
            zh: "实名认证数据"
        },
        /// Payment Data.
        Payment = "payment" { en: "Payment Data", zh: "支付数据" },
        /// Support Data.
        Support = "support" { en: "Support Data", zh: "支持数据" },
        /// Registration data submitted on the website, at marketing events or
        /// for a survey or questionnaire.
        Registration = "registration" {
            en: "registration data (website, marketing events, surveys)",
            zh: "注册数据（网站、营销活动、调查问卷）"
        },
        /// Data collected by local software (agents, Azure Stack software).
        LocalSoftware = "local_software" { en: "local software data", zh: "本地软件数据" },
        /// Cookies and similar technologies such as web beacons.
        Cookie = "cookie" { en: "Cookies and similar technologies", zh: "Cookies 和类似技术" },
        /// Configuration and technical settings: named by the Customer Data
        /// section as not Customer Data, and processed on the customer's
        /// behalf to run its services.
        Configuration = "configuration" { en: "configuration and technical settings", zh: "配置和技术设置" },
    }
}
