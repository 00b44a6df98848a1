use crate::model::vocabulary::vocabulary;
use crate::{Authorization, ClauseId};

vocabulary! {
    /// Whether a website provides non-operational or operational Internet
    /// information services, which decides what it needs from the
    /// governmental authority: a filing or a "VAT permit".
    ///
    /// The distinction mirrors Articles 4, 7 and 8 of the Measures for the
    /// Administration of Internet Information Services: operational
    /// services are provided for a fee; their "VAT permit" is the
    /// value-added telecommunications business licence.
    ///
    /// ```
    /// use vianet_privacy::{Authorization, ClauseId, WebsiteKind};
    ///
    /// let site: WebsiteKind = "operational".parse()?;
    /// assert_eq!(site.required_authorization(), Authorization::OperationalWebsitePermit);
    /// assert_eq!(site.clause(), ClauseId::OperationalWebsitePermit);
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum WebsiteKind / WebsiteKindSet(u8) : "website kind" {
        /// Provides non-operational (free) Internet information services.
        NonOperational = "non_operational" {
            en: "non-operational Internet information services",
            zh: "非经营性互联网信息服务"
        },
        /// Provides operational (paid) Internet information services.
        Operational = "operational" {
            en: "operational Internet information services",
            zh: "经营性互联网信息服务"
        },
    }
}

impl WebsiteKind {
    /// What the website needs from the governmental authority: the filing
    /// of a non-operational website, or the "VAT permit" of an operational
    /// one.
    ///
    /// ```
    /// use vianet_privacy::{Authorization, WebsiteKind};
    ///
    /// assert_eq!(WebsiteKind::NonOperational.required_authorization(), Authorization::NonOperationalWebsiteFiling);
    /// ```
    pub const fn required_authorization(self) -> Authorization {
        match self {
            WebsiteKind::NonOperational => Authorization::NonOperationalWebsiteFiling,
            WebsiteKind::Operational => Authorization::OperationalWebsitePermit,
        }
    }

    /// The clause that requires it.
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, WebsiteKind};
    ///
    /// assert_eq!(WebsiteKind::NonOperational.clause(), ClauseId::NonOperationalWebsiteFiling);
    /// ```
    pub const fn clause(self) -> ClauseId {
        match self {
            WebsiteKind::NonOperational => ClauseId::NonOperationalWebsiteFiling,
            WebsiteKind::Operational => ClauseId::OperationalWebsitePermit,
        }
    }
}
