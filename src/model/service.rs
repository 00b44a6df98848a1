use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// The Online Services the statement covers.
    ///
    /// "Online services operated by Shanghai Blue Cloud Technology Co., Ltd.
    /// (“21Vianet”) … include (1) Microsoft Azure; (2) Microsoft Office 365;
    /// (3) Microsoft Dynamics 365; (4) Microsoft Power Platform; and (5)
    /// Microsoft Intune", and "any other 21Vianet services that display or
    /// link to this Privacy Statement".
    ///
    /// ```
    /// use vianet_privacy::OnlineService;
    ///
    /// let service: OnlineService = "office_365".parse()?;
    /// assert_eq!(service, OnlineService::Office365);
    /// assert_eq!(service.to_string(), "office_365");
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum OnlineService / OnlineServiceSet(u8) : "online service" {
        /// Microsoft Azure operated by 21Vianet.
        Azure = "azure" { en: "Microsoft Azure", zh: "由世纪互联运营的 Microsoft Azure" },
        /// Microsoft Office 365 operated by 21Vianet.
        Office365 = "office_365" { en: "Microsoft Office 365", zh: "由世纪互联运营的 Microsoft Office 365" },
        /// Microsoft Dynamics 365 operated by 21Vianet.
        Dynamics365 = "dynamics_365" { en: "Microsoft Dynamics 365", zh: "由世纪互联运营的 Microsoft Dynamics 365" },
        /// Microsoft Power Platform operated by 21Vianet.
        PowerPlatform = "power_platform" { en: "Microsoft Power Platform", zh: "由世纪互联运营的 Microsoft Power Platform" },
        /// Microsoft Intune operated by 21Vianet.
        Intune = "intune" { en: "Microsoft Intune", zh: "由世纪互联运营的 Microsoft Intune" },
        /// Any other 21Vianet service that displays or links to the statement.
        OtherLinkedService = "other_linked_service" {
            en: "another 21Vianet service that links to this statement",
            zh: "显示或链接至本隐私声明的其他世纪互联服务"
        },
    }
}
