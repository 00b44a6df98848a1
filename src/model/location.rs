use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// Where data is stored, where it goes, or where the party handling it is.
    ///
    /// The statement defines "China" as "the People’s Republic of China
    /// (excluding Hong Kong and Macau Special Administrative Regions and
    /// Taiwan)". There is therefore no `China` value to get wrong: mainland
    /// China is [`Location::MainlandChina`], and Hong Kong, Macau and Taiwan
    /// are their own values, each outside China in the statement's sense.
    /// Ask [`Location::is_china`] rather than comparing.
    ///
    /// For a storage action the location is where the data is stored; for a
    /// share, disclosure or transfer, where the recipient is; for an access
    /// or use, where the party accessing or using it is.
    ///
    /// ```
    /// use vianet_privacy::Location;
    ///
    /// assert!(Location::MainlandChina.is_china());
    /// assert!(!Location::HongKong.is_china());
    /// assert!(Location::Taiwan.is_outside_china());
    /// ```
    pub enum Location / LocationSet(u8) : "location" {
        /// The People's Republic of China excluding Hong Kong, Macau and
        /// Taiwan: "China" in the statement.
        MainlandChina = "mainland_china" { en: "mainland China", zh: "中国大陆" },
        /// Hong Kong Special Administrative Region: outside "China" as the
        /// statement defines it.
        HongKong = "hong_kong" { en: "Hong Kong SAR", zh: "香港特别行政区" },
        /// Macau Special Administrative Region: outside "China" as the
        /// statement defines it.
        Macau = "macau" { en: "Macau SAR", zh: "澳门特别行政区" },
        /// Taiwan: outside "China" as the statement defines it.
        Taiwan = "taiwan" { en: "Taiwan", zh: "台湾地区" },
        /// The United States, where the statement says overseas payment and
        /// fraud-prevention subcontractors store data.
        UnitedStates = "united_states" { en: "the United States", zh: "美国" },
        /// Any other country or region.
        OtherCountry = "other_country" { en: "another country or region", zh: "其他国家或地区" },
    }
}

impl Location {
    /// Whether this is "China" in the statement's sense: mainland China only.
    pub const fn is_china(self) -> bool {
        matches!(self, Location::MainlandChina)
    }

    /// Whether this is outside "China" in the statement's sense (境外),
    /// which includes Hong Kong, Macau and Taiwan.
    pub const fn is_outside_china(self) -> bool {
        !self.is_china()
    }
}

impl LocationSet {
    /// Mainland China only.
    pub const CHINA: LocationSet = LocationSet::of(&[Location::MainlandChina]);
    /// Every location outside China as the statement defines it.
    pub const OUTSIDE_CHINA: LocationSet = LocationSet::ALL.difference(LocationSet::CHINA);
}
