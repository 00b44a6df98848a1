use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// Who acts on the data, or receives it.
    ///
    /// ```
    /// use vianet_privacy::Party;
    ///
    /// assert!(Party::Supplier.is_third_party());
    /// assert!(!Party::Affiliate.is_third_party());
    /// ```
    pub enum Party / PartySet(u16) : "party" {
        /// 21Vianet, the operator ("we", "us").
        Operator = "operator" { en: "21Vianet (the operator)", zh: "世纪互联（运营方）" },
        /// An affiliate of 21Vianet.
        Affiliate = "affiliate" { en: "an affiliate of 21Vianet", zh: "世纪互联的关联方" },
        /// A supplier or subcontractor engaged by 21Vianet to provide
        /// technical support or services on its behalf (including site
        /// analytics).
        Supplier = "supplier" { en: "a supplier or subcontractor", zh: "供应商或分包商" },
        /// A third party for the purpose of fraud prevention.
        FraudPreventionProvider = "fraud_prevention_provider" {
            en: "a third party for fraud prevention",
            zh: "用于防范欺诈的第三方"
        },
        /// A third party that processes payment transactions.
        PaymentProcessor = "payment_processor" {
            en: "a third party that processes payment transactions",
            zh: "处理支付交易的第三方"
        },
        /// A company other than 21Vianet whose Third Party Offering the
        /// customer chose.
        ThirdPartyOfferingProvider = "third_party_offering_provider" {
            en: "the provider of a Third Party Offering",
            zh: "第三方产品的提供方"
        },
        /// The company that succeeds 21Vianet in an acquisition, merger,
        /// reorganization or similar transaction.
        SuccessorCompany = "successor_company" {
            en: "a succeeding company after a merger, acquisition or reorganization",
            zh: "收购、合并、重组后的承继公司"
        },
        /// A third party that complains about the customer's use of the
        /// Online Services.
        Complainant = "complainant" {
            en: "a third party complaining about the customer's use",
            zh: "就您的使用提出投诉的第三方"
        },
        /// A government authority.
        Authority = "authority" { en: "a government authority", zh: "政府机构" },
        /// An agency that legally stores data used to verify Real-Name
        /// Authentication Data.
        VerificationAgency = "verification_agency" {
            en: "an agency that legally stores data used for verification",
            zh: "依法存储相关数据的核验机构"
        },
        /// Any other third party.
        ThirdParty = "third_party" { en: "any other third party", zh: "其他第三方" },
        /// The customer ("you").
        Customer = "customer" { en: "the customer", zh: "客户" },
        /// An end user of the customer's services.
        EndUser = "end_user" { en: "an end user of the customer", zh: "客户的最终用户" },
        /// The owner of the domain of the e-mail address an end user's
        /// organization (employer, school) gave them, who "may (i) have
        /// control and power of administration over the end user's service
        /// account; and (ii) access and process end-user data".
        DomainOwner = "domain_owner" {
            en: "the owner of the domain of an end user's organizational e-mail address",
            zh: "最终用户所在组织电子邮件地址的域名所有者"
        },
    }
}

impl PartySet {
    /// 21Vianet and its affiliates: the parties that are not "third
    /// parties" in "How We Share, Transfer, and Disclose Your Data".
    pub const OPERATOR_GROUP: PartySet = PartySet::of(&[Party::Operator, Party::Affiliate]);
    /// Everyone but 21Vianet and its affiliates.
    pub const THIRD_PARTIES: PartySet = PartySet::ALL.difference(PartySet::OPERATOR_GROUP);
}

impl Party {
    /// Whether the party is a third party: anyone but 21Vianet and its
    /// affiliates.
    pub const fn is_third_party(self) -> bool {
        PartySet::THIRD_PARTIES.contains(self)
    }
}
