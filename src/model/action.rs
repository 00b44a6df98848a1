use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// What a party does with the data.
    ///
    /// ```
    /// use vianet_privacy::Action;
    ///
    /// assert!(Action::Disclose.is_disclosure());
    /// assert!(!Action::Use.is_disclosure());
    /// ```
    pub enum Action / ActionSet(u16) : "action" {
        /// Collect or receive the data.
        Collect = "collect" { en: "collect", zh: "收集" },
        /// Use or process the data.
        Use = "use" { en: "use", zh: "使用" },
        /// Store the data.
        Store = "store" { en: "store", zh: "存储" },
        /// Keep the data beyond the moment of its use (for example for future
        /// transactions, or after an account is closed).
        Retain = "retain" { en: "retain", zh: "保留" },
        /// Access the data (for example to troubleshoot).
        Access = "access" { en: "access", zh: "访问" },
        /// Share the data with another party.
        Share = "share" { en: "share", zh: "共享" },
        /// Disclose the data to another party.
        Disclose = "disclose" { en: "disclose", zh: "披露" },
        /// Transfer the data to another party or place.
        Transfer = "transfer" { en: "transfer", zh: "转让或传输" },
        /// Contact the data subject using the data (phone, e-mail, …).
        Contact = "contact" { en: "contact", zh: "联系" },
        /// Record or monitor a support call, chat or remote session.
        Record = "record" { en: "record or monitor", zh: "录制或监控" },
        /// Temporarily manipulate the customer's machine by Remote Access.
        RemoteControl = "remote_control" { en: "operate by remote access", zh: "远程操控" },
        /// Modify the data.
        Modify = "modify" { en: "modify", zh: "修改" },
        /// Delete the data.
        Delete = "delete" { en: "delete", zh: "删除" },
        /// Anonymize the data.
        Anonymize = "anonymize" { en: "anonymize", zh: "匿名化" },
    }
}

impl ActionSet {
    /// Sharing, disclosing and transferring: the actions of "How We Share,
    /// Transfer, and Disclose Your Data".
    pub const DISCLOSURE: ActionSet = ActionSet::of(&[Action::Share, Action::Disclose, Action::Transfer]);
    /// Storing and retaining.
    pub const STORAGE: ActionSet = ActionSet::of(&[Action::Store, Action::Retain]);
    /// Deleting and anonymizing: what the end of an account, a service or a
    /// trial still allows, and what limits on where or why data is
    /// processed leave alone.
    ///
    /// ```
    /// use vianet_privacy::{Action, ActionSet};
    ///
    /// assert!(ActionSet::ERASURE.contains(Action::Anonymize));
    /// assert!(!ActionSet::ERASURE.contains(Action::Retain));
    /// ```
    pub const ERASURE: ActionSet = ActionSet::of(&[Action::Delete, Action::Anonymize]);
}

impl Action {
    /// Whether this is a share, disclosure or transfer.
    pub const fn is_disclosure(self) -> bool {
        ActionSet::DISCLOSURE.contains(self)
    }
}
