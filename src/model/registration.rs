use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// What a customer provides when registering for the Online Services:
    /// "your real identity and contact information".
    ///
    /// A [`ComplianceRequest`](crate::ComplianceRequest) says which items
    /// were provided and which of them are known to be false or invalid.
    ///
    /// ```
    /// use vianet_privacy::{Language, RegistrationInfo, RegistrationInfoSet};
    ///
    /// assert_eq!(RegistrationInfoSet::ALL.len(), 2);
    /// assert_eq!(RegistrationInfo::RealIdentity.label(Language::ZhCn), "真实身份");
    /// ```
    pub enum RegistrationInfo / RegistrationInfoSet(u8) : "registration information" {
        /// The customer's real identity.
        RealIdentity = "real_identity" { en: "real identity", zh: "真实身份" },
        /// The customer's contact information.
        ContactInformation = "contact_information" { en: "contact information", zh: "联系方式" },
    }
}
