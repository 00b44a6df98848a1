use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// The six circumstances in which Personal Data may be shared,
    /// transferred or disclosed without the customer's explicit instruction.
    ///
    /// "We may not need to obtain your explicit instruction when sharing,
    /// transferring or disclosing your Personal Data under the following
    /// circumstances" (How We Share, Transfer, and Disclose Your Data). The
    /// list mirrors GB/T 35273-2017 §8.5; the Chinese fragment of the
    /// statement has the same six items.
    ///
    /// ```
    /// use vianet_privacy::Circumstance;
    ///
    /// assert_eq!(Circumstance::ALL.len(), 6);
    /// assert_eq!(
    ///     "criminal_investigation".parse::<Circumstance>()?,
    ///     Circumstance::CriminalInvestigation
    /// );
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum Circumstance / CircumstanceSet(u8) : "circumstance" {
        /// Directly related to national security and national defense.
        NationalSecurity = "national_security" {
            en: "directly related to national security and national defense",
            zh: "与国家安全和国防直接相关的"
        },
        /// Directly related to public security, public health and
        /// significant public interests.
        PublicInterest = "public_interest" {
            en: "directly related to public security, public health and significant public interests",
            zh: "与公共安全、公共卫生、重大公共利益直接相关的"
        },
        /// Directly related to criminal investigation, prosecution, trial,
        /// execution of a sentence.
        CriminalInvestigation = "criminal_investigation" {
            en: "directly related to criminal investigation, prosecution, trial, execution of a sentence",
            zh: "与刑事侦查、起诉、审判、判决执行等直接相关的"
        },
        /// Securing significant lawful interests such as life or property,
        /// where consent is difficult to acquire.
        VitalInterests = "vital_interests" {
            en: "securing significant lawful interests such as life or property, where consent is difficult to acquire",
            zh: "出于维护您或他人的生命、财产等重大合法权益但又很难得到本人同意的"
        },
        /// The customer has already publicly disclosed the data.
        PubliclyDisclosedBySubject = "publicly_disclosed_by_subject" {
            en: "you have already publicly disclosed the Personal Data",
            zh: "您自行向社会公众公开的个人信息"
        },
        /// Collected from information lawfully disclosed to the public
        /// (news reports, government publications).
        LawfullyPublicSource = "lawfully_public_source" {
            en: "collected from information lawfully disclosed to the public, such as legitimate news reports or government publications",
            zh: "从合法公开披露的信息中收集个人信息的，如合法的新闻报道或者政府公开的信息"
        },
    }
}
