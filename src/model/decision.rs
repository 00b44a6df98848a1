use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{AdvisorySet, AuthorizationSet, ClauseId, DenyKind, Language, ObligationSet, Reason, StatementVersion};

/// The answer to a [`Request`](crate::Request): allow with obligations, or
/// deny with a reason. Either way it names the clause that decides it and
/// the statement version it was made under.
///
/// ```
/// use vianet_privacy::{decide, Action, DataElement, DenyKind, Location, OnlineService, Party, Purpose, Request};
///
/// let request = Request::new(
///     OnlineService::Azure,
///     Party::Operator,
///     Action::Retain,
///     DataElement::SecurityCode,
///     Purpose::FutureTransactions,
///     Location::MainlandChina,
/// );
/// let decision = decide(&request)?;
/// assert!(!decision.is_allowed());
/// assert_eq!(decision.deny_kind(), Some(DenyKind::Forbidden));
/// assert_eq!(decision.clause().as_str(), "payment_security_code_not_retained");
/// # Ok::<(), vianet_privacy::RequestError>(())
/// ```
///
/// Its serde `Deserialize` is the strict reader of `crate::wire`: `effect`
/// and that effect's fields, and no other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Decision {
    /// The statement permits the request, with these duties.
    Allow(Allow),
    /// The statement does not permit the request, for this reason.
    Deny(Deny),
}

/// The body of an allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Allow {
    /// The clause that permits the request.
    pub clause: ClauseId,
    /// The duties that come with the permission.
    pub obligations: ObligationSet,
    /// What the caller should pass on to the customer.
    #[serde(default)]
    pub advisories: AdvisorySet,
    /// The statement version the decision was made under.
    pub statement_version: StatementVersion,
}

/// The body of a deny.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deny {
    /// The clause that decides the deny.
    pub clause: ClauseId,
    /// Forbidden, not permitted, or needing an authorization.
    pub kind: DenyKind,
    /// Why, in the statement's terms.
    pub reason: Reason,
    /// For [`DenyKind::NeedsAuthorization`]: the authorizations of which
    /// one would (with everything else unchanged) satisfy the clause.
    /// Empty for the other kinds.
    #[serde(default)]
    pub missing: AuthorizationSet,
    /// What the caller should pass on to the customer.
    #[serde(default)]
    pub advisories: AdvisorySet,
    /// The statement version the decision was made under.
    pub statement_version: StatementVersion,
}

impl Allow {
    /// An allow under `clause` with these duties, no advisory, under the
    /// statement version this crate encodes. Decisions come from
    /// [`decide`](crate::decide); this is for a caller that must build one
    /// itself (a test double, a recorded decision to compare with).
    ///
    /// ```
    /// use vianet_privacy::{Allow, ClauseId, Obligation, ObligationSet};
    ///
    /// let allow = Allow::new(ClauseId::CustomerDataOverseasAccess, ObligationSet::of(&[Obligation::SuperviseOverseasAccess]));
    /// assert!(allow.advisories.is_empty());
    /// ```
    pub const fn new(clause: ClauseId, obligations: ObligationSet) -> Allow {
        Allow {
            clause,
            obligations,
            advisories: AdvisorySet::EMPTY,
            statement_version: StatementVersion::CURRENT,
        }
    }

    /// This allow with these advisories.
    ///
    /// ```
    /// use vianet_privacy::{Advisory, AdvisorySet, Allow, ClauseId, ObligationSet};
    ///
    /// let allow = Allow::new(ClauseId::CustomerDataUse, ObligationSet::EMPTY)
    ///     .with_advisories(AdvisorySet::of(&[Advisory::PreviewSecurityMayDiffer]));
    /// assert!(allow.advisories.contains(Advisory::PreviewSecurityMayDiffer));
    /// ```
    #[must_use]
    pub const fn with_advisories(mut self, advisories: AdvisorySet) -> Allow {
        self.advisories = advisories;
        self
    }
}

impl Deny {
    /// A deny under `clause`, of this kind, for this reason, naming no
    /// missing authorization, under the statement version this crate
    /// encodes. Decisions come from [`decide`](crate::decide); this is for
    /// a caller that must build one itself.
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Deny, DenyKind, Reason};
    ///
    /// let deny = Deny::new(ClauseId::PaymentSecurityCodeNotRetained, DenyKind::Forbidden, Reason::SecurityCodeNeverRetained);
    /// assert!(deny.missing.is_empty());
    /// ```
    pub const fn new(clause: ClauseId, kind: DenyKind, reason: Reason) -> Deny {
        Deny {
            clause,
            kind,
            reason,
            missing: AuthorizationSet::EMPTY,
            advisories: AdvisorySet::EMPTY,
            statement_version: StatementVersion::CURRENT,
        }
    }

    /// This deny naming the authorizations of which one would open the
    /// door (for [`DenyKind::NeedsAuthorization`]).
    ///
    /// ```
    /// use vianet_privacy::{Authorization, AuthorizationSet, ClauseId, Deny, DenyKind, Reason};
    ///
    /// let deny = Deny::new(ClauseId::SharingOverseasSupplierConsent, DenyKind::NeedsAuthorization, Reason::OverseasSupplierAccessNeedsPriorConsent)
    ///     .with_missing(AuthorizationSet::of(&[Authorization::PriorConsentAfterExplanation]));
    /// assert!(deny.missing.contains(Authorization::PriorConsentAfterExplanation));
    /// ```
    #[must_use]
    pub const fn with_missing(mut self, missing: AuthorizationSet) -> Deny {
        self.missing = missing;
        self
    }

    /// This deny with these advisories.
    #[must_use]
    pub const fn with_advisories(mut self, advisories: AdvisorySet) -> Deny {
        self.advisories = advisories;
        self
    }
}

impl Decision {
    /// The allow, or the deny as an error: for `?` in a service that
    /// refuses what the statement does not permit.
    ///
    /// ```
    /// use vianet_privacy::{decide, Action, DataElement, Deny, Location, OnlineService, Party, Purpose, Request};
    ///
    /// fn store_security_code() -> Result<(), Box<dyn std::error::Error>> {
    ///     let request = Request::new(
    ///         OnlineService::Azure,
    ///         Party::Operator,
    ///         Action::Store,
    ///         DataElement::SecurityCode,
    ///         Purpose::FutureTransactions,
    ///         Location::MainlandChina,
    ///     );
    ///     let allow = decide(&request)?.into_result()?; // the deny is the error
    ///     println!("storing, with {} duties", allow.obligations.len());
    ///     Ok(())
    /// }
    /// let err = store_security_code().unwrap_err();
    /// assert!(err.downcast_ref::<Deny>().is_some());
    /// assert!(err.to_string().contains("never retained"));
    /// ```
    pub const fn into_result(self) -> Result<Allow, Deny> {
        match self {
            Decision::Allow(allow) => Ok(allow),
            Decision::Deny(deny) => Err(deny),
        }
    }

    /// Whether the request is allowed.
    pub const fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow(_))
    }

    /// The clause that decides.
    pub const fn clause(&self) -> ClauseId {
        match self {
            Decision::Allow(allow) => allow.clause,
            Decision::Deny(deny) => deny.clause,
        }
    }

    /// The obligations of an allow (empty for a deny).
    pub const fn obligations(&self) -> ObligationSet {
        match self {
            Decision::Allow(allow) => allow.obligations,
            Decision::Deny(_) => ObligationSet::EMPTY,
        }
    }

    /// The advisories.
    pub const fn advisories(&self) -> AdvisorySet {
        match self {
            Decision::Allow(allow) => allow.advisories,
            Decision::Deny(deny) => deny.advisories,
        }
    }

    /// The reason of a deny.
    pub const fn reason(&self) -> Option<Reason> {
        match self {
            Decision::Allow(_) => None,
            Decision::Deny(deny) => Some(deny.reason),
        }
    }

    /// The kind of a deny.
    pub const fn deny_kind(&self) -> Option<DenyKind> {
        match self {
            Decision::Allow(_) => None,
            Decision::Deny(deny) => Some(deny.kind),
        }
    }

    /// The authorizations a deny of kind
    /// [`DenyKind::NeedsAuthorization`] lacks (empty otherwise).
    pub const fn missing(&self) -> AuthorizationSet {
        match self {
            Decision::Allow(_) => AuthorizationSet::EMPTY,
            Decision::Deny(deny) => deny.missing,
        }
    }

    /// The statement version the decision was made under.
    pub const fn statement_version(&self) -> StatementVersion {
        match self {
            Decision::Allow(allow) => allow.statement_version,
            Decision::Deny(deny) => deny.statement_version,
        }
    }

    /// A short human explanation in the given language; `Display` gives the
    /// English one.
    ///
    /// ```
    /// use vianet_privacy::{decide, Action, DataElement, Language, Location, OnlineService, Party, Purpose, Request};
    ///
    /// let request = Request::new(
    ///     OnlineService::Azure,
    ///     Party::Operator,
    ///     Action::Use,
    ///     DataElement::CustomerContent,
    ///     Purpose::Advertising,
    ///     Location::MainlandChina,
    /// );
    /// let decision = decide(&request)?;
    /// assert!(decision.to_string().starts_with("deny (not permitted by the statement)"));
    /// assert!(decision.explain(Language::ZhCn).to_string().starts_with("拒绝"));
    /// # Ok::<(), vianet_privacy::RequestError>(())
    /// ```
    pub const fn explain(&self, language: Language) -> Explanation<'_> {
        Explanation {
            decision: self,
            language,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.explain(Language::En).fmt(f)
    }
}

/// A deny reads as its explanation (in English; [`Decision::explain`] for
/// Chinese), so that it can be returned as an error.
impl fmt::Display for Deny {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Decision::Deny(*self).fmt(f)
    }
}

impl std::error::Error for Deny {}

/// A decision rendered for people, in one language. See
/// [`Decision::explain`].
#[derive(Clone, Copy, Debug)]
pub struct Explanation<'a> {
    decision: &'a Decision,
    language: Language,
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.language;
        let zh = lang == Language::ZhCn;
        let (sep, list_sep) = if zh { ("：", "；") } else { (": ", "; ") };
        match self.decision {
            Decision::Allow(allow) => {
                f.write_str(if zh { "允许" } else { "allow" })?;
                let mut first = true;
                for duty in allow.obligations.iter() {
                    let lead = if first {
                        if zh {
                            "；须履行："
                        } else {
                            "; obligations: "
                        }
                    } else {
                        list_sep
                    };
                    write!(f, "{lead}{}", duty.label(lang))?;
                    first = false;
                }
            }
            Decision::Deny(deny) => {
                let head = if zh { "拒绝" } else { "deny" };
                // A deny that rests on a rule the statement mirrors, not on
                // its text, says so rather than "by the statement".
                let kind = match (deny.clause.section().is_statement_text(), zh) {
                    (true, _) => deny.kind.label(lang),
                    (false, false) => "forbidden by a rule the statement mirrors, not by its text",
                    (false, true) => "本声明所参照的法规禁止（非本声明条文）",
                };
                if zh {
                    write!(f, "{head}（{kind}）{sep}{}", deny.reason.text(lang))?;
                } else {
                    write!(f, "{head} ({kind}){sep}{}", deny.reason.text(lang))?;
                }
                let mut first = true;
                for need in deny.missing.iter() {
                    let lead = if first {
                        if zh {
                            "。所需其一："
                        } else {
                            ". Needs one of: "
                        }
                    } else {
                        list_sep
                    };
                    write!(f, "{lead}{}", need.label(lang))?;
                    first = false;
                }
            }
        }
        let clause = self.decision.clause();
        if zh {
            write!(
                f,
                "［{}：{}，{}］",
                clause.section().label(lang),
                clause.label(lang),
                clause
            )?;
        } else {
            write!(
                f,
                " [{}: {}, {}]",
                clause.section().label(lang),
                clause.label(lang),
                clause
            )?;
        }
        for advisory in self.decision.advisories().iter() {
            if zh {
                write!(f, "。提示：{}", advisory.label(lang))?;
            } else {
                write!(f, ". Note: {}", advisory.label(lang))?;
            }
        }
        Ok(())
    }
}
