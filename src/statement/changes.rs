//! "Changes to this Privacy Statement".
//!
//! > We will update our Privacy Statement from time to time to reflect
//! > requirements of applicable laws and regulations, customer feedback and
//! > changes in our Online Services. When we post changes to the Privacy
//! > Statement, we will revise the “last updated” date at the top of the
//! > Privacy Statement. If there are substantial changes to the Privacy
//! > Statement or in how 21Vianet will use your data, we will notify you
//! > either by posting a notice or by directly sending you a notification
//! > about such changes before they take effect.
//!
//! Every decision already names the version it was made under
//! ([`StatementVersion`]), and a request dated
//! before that version took effect is an error. This module checks a
//! change to the statement: [`StatementChange::check`] allows a change
//! with the duty to revise the "last updated" date, and a substantial
//! change (to the statement, or to how 21Vianet uses the data) only when a
//! notice was posted or a notification sent strictly before it takes
//! effect.
//!
//! ```
//! use vianet_privacy::statement::changes::{ChangeNotice, NoticeChannel, StatementChange};
//! use vianet_privacy::{time::parse_time, Reason};
//!
//! let change = StatementChange::substantial(parse_time("2025-07-01")?);
//! assert_eq!(change.check()?.reason(), Some(Reason::SubstantialChangeNeedsPriorNotice));
//!
//! let noticed = change.with_notice(ChangeNotice {
//!     channel: NoticeChannel::DirectNotification,
//!     given_at: parse_time("2025-06-01T10:00:00")?,
//! });
//! assert!(noticed.check()?.is_allowed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::model::vocabulary::vocabulary;
use crate::{
    AdvisorySet, Allow, ClauseId, Decision, DenyKind, Obligation, ObligationSet, Reason, RequestError, StatementVersion,
};

vocabulary! {
    /// How customers are told of a substantial change: "either by posting a
    /// notice or by directly sending you a notification".
    ///
    /// ```
    /// use vianet_privacy::statement::changes::NoticeChannel;
    ///
    /// assert_eq!(NoticeChannel::ALL.len(), 2);
    /// ```
    pub enum NoticeChannel / NoticeChannelSet(u8) : "notice channel" {
        /// A notice posted (for instance on the website or the portal).
        PostedNotice = "posted_notice" { en: "a posted notice", zh: "发布公告" },
        /// A notification sent directly to the customer.
        DirectNotification = "direct_notification" { en: "a notification sent directly", zh: "直接发送通知" },
    }
}

/// A notice of a change: how, and when it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeNotice {
    /// How the notice was given.
    pub channel: NoticeChannel,
    /// When it was posted or sent; read like
    /// [`Request::at`](crate::Request::at).
    #[serde(with = "crate::time::required")]
    pub given_at: DateTime<FixedOffset>,
}

/// A change to the statement, to be checked before it takes effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementChange {
    /// Whether the change is substantial (to the statement, or to how
    /// 21Vianet will use the data). Deciding that is the caller's
    /// judgement; the statement does not define it.
    pub substantial: bool,
    /// When the change is to take effect; read like
    /// [`Request::at`](crate::Request::at).
    #[serde(with = "crate::time::required")]
    pub takes_effect: DateTime<FixedOffset>,
    /// The notice given, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<ChangeNotice>,
}

impl StatementChange {
    /// A change that is not substantial.
    pub const fn minor(takes_effect: DateTime<FixedOffset>) -> StatementChange {
        StatementChange {
            substantial: false,
            takes_effect,
            notice: None,
        }
    }

    /// A substantial change, with no notice yet.
    pub const fn substantial(takes_effect: DateTime<FixedOffset>) -> StatementChange {
        StatementChange {
            substantial: true,
            takes_effect,
            notice: None,
        }
    }

    /// This change with the given notice.
    #[must_use]
    pub const fn with_notice(mut self, notice: ChangeNotice) -> StatementChange {
        self.notice = Some(notice);
        self
    }

    /// Whether the change may take effect when it says.
    ///
    /// * Any change: allowed, with [`Obligation::ReviseLastUpdatedDate`].
    /// * A substantial change: allowed only if a notice was given strictly
    ///   before `takes_effect`, adding
    ///   [`Obligation::NotifySubstantialChange`]; otherwise denied
    ///   ([`Reason::SubstantialChangeNeedsPriorNotice`]).
    ///
    /// # Errors
    ///
    /// [`RequestError::BeforeStatementInForce`] if the change would take
    /// effect before the version this crate encodes did: it cannot change
    /// that version.
    pub fn check(&self) -> Result<Decision, RequestError> {
        StatementVersion::CURRENT.check_in_force(self.takes_effect)?;
        if !self.substantial {
            return Ok(allow(
                ClauseId::ChangesLastUpdated,
                ObligationSet::of(&[Obligation::ReviseLastUpdatedDate]),
            ));
        }
        match self.notice {
            Some(notice) if notice.given_at < self.takes_effect => Ok(allow(
                ClauseId::ChangesSubstantialNotice,
                ObligationSet::of(&[Obligation::ReviseLastUpdatedDate, Obligation::NotifySubstantialChange]),
            )),
            _ => Ok(Decision::Deny(super::deny(
                ClauseId::ChangesSubstantialNotice,
                DenyKind::NotPermitted,
                Reason::SubstantialChangeNeedsPriorNotice,
            ))),
        }
    }
}

const fn allow(clause: ClauseId, obligations: ObligationSet) -> Decision {
    Decision::Allow(Allow {
        clause,
        obligations,
        advisories: AdvisorySet::EMPTY,
        statement_version: StatementVersion::CURRENT,
    })
}
