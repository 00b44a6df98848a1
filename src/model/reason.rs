use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// Why a request is denied, in the statement's own terms.
    ///
    /// Each reason is as specific as the statement allows: "overseas access
    /// to Customer Data is allowed only to troubleshoot", never "no rule
    /// matched". [`Reason::text`] renders it in either language.
    ///
    /// ```
    /// use vianet_privacy::{Language, Reason};
    ///
    /// let r = Reason::OverseasCustomerDataAccessOnlyToTroubleshoot;
    /// assert!(r.text(Language::En).starts_with("overseas access to Customer Data"));
    /// assert_eq!(r.to_string(), r.text(Language::En));
    /// ```
    pub enum Reason / ReasonSet(u64) : "reason", display english {
        /// Customer Data is used only to provide the services and for
        /// compatible purposes.
        CustomerDataUseLimited = "customer_data_use_limited" {
            en: "Customer Data is used only to provide the Online Services and for compatible purposes (improving the underlying technology, troubleshooting, protection against threats)",
            zh: "客户数据仅用于提供在线服务及与之相符的目的（改进底层技术、排除故障、防范威胁）"
        },
        /// Customer Data is stored only in data centers in China.
        CustomerDataStoredOnlyInChina = "customer_data_stored_only_in_china" {
            en: "Customer Data is stored only in data centers located in China (mainland, excluding Hong Kong, Macau and Taiwan)",
            zh: "客户数据仅存储于位于中国境内（不含香港、澳门和台湾）的数据中心"
        },
        /// Overseas access to Customer Data only by an affiliate, supplier or
        /// subcontractor, to troubleshoot.
        OverseasCustomerDataAccessOnlyToTroubleshoot = "overseas_customer_data_access_only_to_troubleshoot" {
            en: "overseas access to Customer Data is allowed only to troubleshoot support incidents or technical problems, by an authorized affiliate, supplier or subcontractor",
            zh: "仅为排除支持事件或技术问题，经授权的关联方、供应商或分包商方可从境外访问客户数据"
        },
        /// Administrator Data is used only for its stated purposes.
        AdministratorDataUseLimited = "administrator_data_use_limited" {
            en: "Administrator Data is used only to complete transactions, administer the account, improve the Online Services and prevent fraud, and for the stated communications",
            zh: "管理员数据仅用于完成交易、管理账户、改进在线服务、防范欺诈以及声明所述的通知"
        },
        /// Offers and feedback requests only by phone or e-mail, subject to
        /// contact preferences.
        OffersNeedContactPreferences = "offers_need_contact_preferences" {
            en: "contact about other products, offers, promotions or feedback is allowed only by phone or e-mail and only as the contact preferences allow",
            zh: "有关其他产品、优惠、推广或征求反馈的联系仅可通过电话或电子邮件，且须符合联系偏好"
        },
        /// Contact about third-party inquiries is as the customer agreement
        /// describes it.
        ThirdPartyInquiryAsTheAgreementDescribes = "third_party_inquiry_as_the_agreement_describes" {
            en: "the customer is contacted about third-party inquiries as described in the customer agreement",
            zh: "就第三方询问联系客户，须按客户协议所述进行"
        },
        /// Real-Name Authentication Data is used only for real-name
        /// management.
        RealNameDataUseLimited = "real_name_data_use_limited" {
            en: "Real-Name Authentication Data is used only for real-name management and its verification with agencies that legally store the data",
            zh: "实名认证数据仅用于实名管理及向依法存储数据的机构核验"
        },
        /// Payment Data is used only to complete transactions and prevent
        /// fraud.
        PaymentDataUseLimited = "payment_data_use_limited" {
            en: "Payment Data is used only to complete transactions and to detect and prevent fraud",
            zh: "支付数据仅用于完成交易以及检测和防范欺诈"
        },
        /// The security code is never retained.
        SecurityCodeNeverRetained = "security_code_never_retained" {
            en: "the security code associated with the payment instrument is never retained",
            zh: "支付工具的安全码不予保留"
        },
        /// Support Data is used only to resolve support issues and for
        /// training.
        SupportDataUseLimited = "support_data_use_limited" {
            en: "Support Data is used only to resolve support issues and for training",
            zh: "支持数据仅用于解决支持问题和培训"
        },
        /// Remote Access needs the customer's permission.
        RemoteAccessNeedsPermission = "remote_access_needs_permission" {
            en: "Remote Access to the customer's machine needs the customer's permission",
            zh: "远程访问客户设备须经客户许可"
        },
        /// The customer ended the live chat or Remote Access.
        RemoteSessionEnded = "remote_session_ended" {
            en: "the customer has terminated the live chat or Remote Access",
            zh: "客户已终止在线聊天或远程访问"
        },
        /// The customer unsubscribed from support surveys.
        SurveyUnsubscribed = "survey_unsubscribed" {
            en: "the customer has unsubscribed from support questionnaires",
            zh: "客户已退订支持问卷调查"
        },
        /// Cookies are used only for the stated purposes.
        CookieUseLimited = "cookie_use_limited" {
            en: "Cookies are used only to store preferences and settings, prevent fraud, authenticate users, collect operational data, and for site analytics on 21Vianet's behalf",
            zh: "Cookies 仅用于存储偏好和设置、防范欺诈、认证用户、收集运营信息，以及代表世纪互联进行站点分析"
        },
        /// The user refused Cookies.
        CookiesRefused = "cookies_refused" {
            en: "the user has refused Cookies in the browser settings",
            zh: "用户已在浏览器设置中拒绝 Cookies"
        },
        /// Local software data is used only to provide the requested service
        /// and, for diagnostics, to operate and improve the services.
        LocalSoftwareDataUseLimited = "local_software_data_use_limited" {
            en: "data from local software is used only to provide the requested Online Services, and diagnostic data only to operate and improve them",
            zh: "本地软件收集的数据仅用于提供所请求的在线服务，诊断数据仅用于运行和改进在线服务"
        },
        /// Registration data is used only for the registration it was given
        /// for.
        RegistrationDataUseLimited = "registration_data_use_limited" {
            en: "registration data is used only for the registration (website, event or survey) it was submitted for",
            zh: "注册数据仅用于其提交时所针对的注册（网站、活动或调查）"
        },
        /// Use beyond the stated scope needs express consent.
        UseBeyondScopeNeedsExpressConsent = "use_beyond_scope_needs_express_consent" {
            en: "collecting or using Personal Data beyond the stated scope and purposes needs the customer's express consent, after informing them again",
            zh: "超出声明范围和目的收集或使用个人数据，须再次告知并取得客户的明示同意"
        },
        /// Personal Data leaves China only with authorization or by law.
        PersonalDataLeavesChinaOnlyWithAuthorization = "personal_data_leaves_china_only_with_authorization" {
            en: "Personal Data is stored in China and goes overseas only upon the customer's authorization or in accordance with applicable laws and regulations",
            zh: "个人数据存储于中国境内，仅经客户授权或依照适用法律法规方可传输至境外"
        },
        /// No disclosure to a third party without a basis.
        ThirdPartyDisclosureNeedsBasis = "third_party_disclosure_needs_basis" {
            en: "data is not shared with, disclosed or transferred to a third party except as the customer directs, as the customer agreement or this statement describes, or as applicable laws and regulations require; each basis opens a disclosure for its own purpose only (the customer's direction for what it directs, the agreement for what it describes, the law for complying with it, a circumstance for what it is directly related to)",
            zh: "除按客户指示、客户协议或本声明所述、或依照适用法律法规外，不向第三方共享、披露或转让数据；每项依据仅允许为其自身目的进行披露（客户指示限于其所指示之事，客户协议限于其所述之事，法律限于遵守法律，特定情形限于与之直接相关之事）"
        },
        /// Overseas supplier access to Personal Data needs prior consent.
        OverseasSupplierAccessNeedsPriorConsent = "overseas_supplier_access_needs_prior_consent" {
            en: "an overseas supplier or subcontractor may access Personal Data only after customer support has explained the relevant information and obtained the customer's prior consent",
            zh: "境外供应商或分包商访问个人数据，须由客户支持人员说明相关信息并事先取得客户同意"
        },
        /// Suppliers may use the data only for their engagement.
        SupplierUseLimitedToEngagement = "supplier_use_limited_to_engagement" {
            en: "suppliers and subcontractors are prohibited from using the data for any purpose other than that for which 21Vianet engaged them",
            zh: "供应商和分包商不得将数据用于世纪互联委托目的以外的任何目的"
        },
        /// Fraud-prevention and payment recipients may use the data only for
        /// that purpose.
        RecipientUseLimitedToPurpose = "recipient_use_limited_to_purpose" {
            en: "third parties receiving data for fraud prevention or payment processing are prohibited from using it for other purposes",
            zh: "为防范欺诈或处理支付而接收数据的第三方不得将其用于其他目的"
        },
        /// A Third Party Offering gets data only if the customer chose it.
        ThirdPartyOfferingNeedsCustomerChoice = "third_party_offering_needs_customer_choice" {
            en: "a Third Party Offering provider receives Administrator or Payment Data only when the customer chooses to purchase, subscribe to or use its offering",
            zh: "仅在客户选择购买、订阅或使用第三方产品时，方可向其提供管理员数据或支付数据"
        },
        /// A succeeding company holds the Personal Data transferred to it.
        SuccessorHoldsPersonalDataOnly = "successor_holds_personal_data_only" {
            en: "a succeeding company holds the Personal Data transferred to it in an acquisition, merger or reorganization, and nothing else of the customer's",
            zh: "承继公司仅持有因收购、合并或重组而转让给它的个人数据，不持有客户的其他数据"
        },
        /// A succeeding company needs explicit consent for a new purpose.
        SuccessorNewPurposeNeedsConsent = "successor_new_purpose_needs_consent" {
            en: "a succeeding company that modifies the purpose of using Personal Data must acquire the customer's explicit consent again",
            zh: "承继公司变更个人数据使用目的的，应重新取得客户的明示同意"
        },
        /// The statement governs 21Vianet's processing, not this party's own.
        OutsideStatementScope = "outside_statement_scope" {
            en: "the statement governs 21Vianet's processing; it grants nothing for this party's own processing",
            zh: "本声明规范世纪互联的处理活动，未就该方自身的处理作出任何许可"
        },
        /// Prohibited Content is not produced, reproduced, published or
        /// disseminated.
        ProhibitedContentForbidden = "prohibited_content_forbidden" {
            en: "an Internet information service provider shall not produce, reproduce, publish or disseminate information that includes Prohibited Content",
            zh: "互联网信息服务提供者不得制作、复制、发布或传播含有禁止内容的信息"
        },
        /// A business subject to a government permit or approval needs it.
        BusinessNeedsPermitOrApproval = "business_needs_permit_or_approval" {
            en: "a business or organization operated on the Online Services that is subject to permit or approval by the governmental authorities needs that permit or approval",
            zh: "使用在线服务开展的业务或运营的组织须经政府机构许可或批准的，应当取得该许可或批准"
        },
        /// A non-operational website needs its filing.
        NonOperationalWebsiteNeedsFiling = "non_operational_website_needs_filing" {
            en: "a website that provides non-operational Internet information services needs its filing with the governmental authority",
            zh: "提供非经营性互联网信息服务的网站，须在政府机构办理非经营性网站备案"
        },
        /// An operational website needs its "VAT permit".
        OperationalWebsiteNeedsPermit = "operational_website_needs_permit" {
            en: "a website that provides operational Internet information services needs the VAT permit for operational websites from the governmental authority",
            zh: "提供经营性互联网信息服务的网站，须从政府机构取得经营性网站 VAT 许可证"
        },
        /// Publishing needs records of the information, its time of
        /// publishing and its Internet address or domain name.
        InformationRecordsRequired = "information_records_required" {
            en: "an Internet information service provider keeps records of the information provided, its time of publishing and its Internet address or domain name",
            zh: "互联网信息服务提供者应当记录所提供的信息及其发布时间、互联网地址或域名"
        },
        /// Records are kept for the whole retention period.
        RecordsKeptForRetentionPeriod = "records_kept_for_retention_period" {
            en: "records of the information provided are kept for the whole retention period and not discarded before it ends; the period is the Measures' (Decree 292, Art. 14: 60 days) or the one the caller sets, not the statement's, which names none",
            zh: "所提供信息的记录应在整个保存期限内保存，期满前不得删除；该期限来自《互联网信息服务管理办法》（国务院令第 292 号）第十四条（60 日）或调用方设定的期限，而非本声明（本声明未规定期限）"
        },
        /// Records go to the authorities when they inquire in accordance
        /// with applicable laws.
        RecordsOnLawfulInquiry = "records_on_lawful_inquiry" {
            en: "the records are provided to government authorities only when they inquire in accordance with applicable laws",
            zh: "记录仅在相关政府机构依法调查时向其提供"
        },
        /// Registration needs the real identity and the contact information.
        RegistrationIncomplete = "registration_incomplete" {
            en: "registering for the Online Services requires both the customer's real identity and its contact information",
            zh: "注册在线服务须完整提供客户的真实身份和联系方式"
        },
        /// Registration information must be true and valid.
        RegistrationFalse = "registration_false" {
            en: "the customer warrants that the registration information is true, complete and valid; false or invalid identity or contact information is not accepted",
            zh: "客户保证所提供的注册信息真实、完整、有效；不接受虚假或无效的身份或联系信息"
        },
        /// After the account is closed, the data is only retained, neither
        /// used nor processed.
        ClosedAccountDataOnlyRetained = "closed_account_data_only_retained" {
            en: "after the account is closed, its Personal Data is only retained for the period the law requires, and is neither used nor processed",
            zh: "账户关闭后，其个人数据仅依法在保留期内保留，不再使用或处理"
        },
        /// The retention period has ended: delete or anonymize now.
        RetentionExpiredDeleteOrAnonymize = "retention_expired_delete_or_anonymize" {
            en: "the retention period after the account was closed has ended: the data must be deleted or anonymized immediately",
            zh: "账户关闭后的保留期已届满，须立即删除或匿名化该数据"
        },
        /// The Online Service or operation was terminated: delete or
        /// anonymize.
        ServiceTerminatedDeleteOrAnonymize = "service_terminated_delete_or_anonymize" {
            en: "the Online Service or operation has been terminated: the data must be deleted or anonymized",
            zh: "在线服务或运营已终止，须删除或匿名化相关数据"
        },
        /// After the trial, trial data is only kept temporarily for a later
        /// purchase.
        TrialDataOnlyKeptForPurchase = "trial_data_only_kept_for_purchase" {
            en: "after the trial period, 21Vianet keeps the data collected during the trial only temporarily, to improve the experience of a later purchase, and may remove it",
            zh: "试用期结束后，世纪互联仅为改善日后购买时的体验而临时保留试用期间收集的数据，并可能将其删除"
        },
        /// Initial registration information cannot be modified.
        InitialRegistrationNotModifiable = "initial_registration_not_modifiable" {
            en: "the identity documents given at registration (business license, scanned ID card) cannot be modified, for security and identification or as the law requires; a change of identity goes through real-name authentication again",
            zh: "出于安全和身份识别考虑或依照法律法规要求，注册时提供的身份证明（营业执照、身份证扫描件）无法修改；身份变更须重新进行实名认证"
        },
        /// The portal manages only Administrator, Real-Name Authentication
        /// and Payment Data.
        PortalManagesListedDataOnly = "portal_manages_listed_data_only" {
            en: "the administrator portal lets the customer access and manage Administrator Data, Real-Name Authentication Data and Payment Data; for other data, contact customer support",
            zh: "管理员门户仅供客户访问和管理管理员数据、实名认证数据和支付数据；其他数据请联系客户支持"
        },
        /// End users' requests need the customer's prior written instruction.
        EndUserRequestNeedsCustomerInstruction = "end_user_request_needs_customer_instruction" {
            en: "requests from the customer's end users are not substantively answered without the customer's prior written instruction, unless the law requires it",
            zh: "未经客户事先书面指示，不对其最终用户的请求作实质性答复，法律法规另有要求的除外"
        },
        /// A reply needs the requester's identity verified first.
        ResponseNeedsVerifiedIdentity = "response_needs_verified_identity" {
            en: "a request to manage Personal Data is answered only after the requester's identity has been verified",
            zh: "管理个人数据的请求须先验证请求人身份后方可答复"
        },
        /// The ground given for not responding is not one the statement
        /// lists.
        RefusalGroundNotListed = "refusal_ground_not_listed" {
            en: "a request may go unanswered only on a ground the statement lists; this ground is not one of them",
            zh: "仅在声明所列情形下方可不响应请求，该理由不在其列"
        },
        /// A minor under 18 needs the guardian's consent.
        MinorNeedsGuardianConsent = "minor_needs_guardian_consent" {
            en: "the data subject is a minor under 18: using the Online Services or providing data needs the guardian's consent",
            zh: "数据主体为未满 18 周岁的未成年人，使用在线服务或提供数据须取得监护人同意"
        },
        /// No sentence names this purpose for this data, and no consent,
        /// direction, legal basis or circumstance opens it.
        PurposeClosed = "purpose_closed" {
            en: "the statement names no such purpose for this data, and no consent, direction, legal basis or circumstance opens one it closes (advertising, the sale of data, a recipient's own marketing)",
            zh: "本声明未就该数据规定此目的，任何同意、指示、法律依据或特定情形均不开放其所排除的目的（广告、出售数据、接收方自身的营销）"
        },
        /// Only authenticated Payment Data is stored for future
        /// transactions.
        StoredPaymentDataMustBeAuthenticated = "stored_payment_data_must_be_authenticated" {
            en: "only authenticated Payment Data is stored to help complete future transactions",
            zh: "仅经认证的支付数据会被存储以便完成未来交易"
        },
        /// A support questionnaire is sent only after the support experience
        /// is over.
        SurveyOnlyAfterSupport = "survey_only_after_support" {
            en: "a questionnaire about the support experience is sent only after the support experience is over",
            zh: "有关支持体验的问卷仅在支持服务结束后发送"
        },
        /// A closed account's Personal Data is kept until the legal
        /// retention period ends.
        KeptForLegalRetention = "kept_for_legal_retention" {
            en: "after the account is closed, the law requires its Personal Data to be kept until the retention period ends: delete or anonymize it then",
            zh: "账户关闭后，法律法规要求其个人数据保留至保留期届满，届满后方可删除或匿名化"
        },
        /// The domain owner administers the end user's account and data,
        /// nothing more.
        DomainOwnerLimitedToEndUserData = "domain_owner_limited_to_end_user_data" {
            en: "the owner of the domain of an end user's organizational e-mail address may administer the end user's account and access and process end-user data; the statement grants it nothing else",
            zh: "最终用户组织电子邮件地址的域名所有者可管理最终用户的账户并访问和处理最终用户数据，本声明未授予其其他权限"
        },
        /// What is done for the customer's instruction needs its direction.
        CustomerDirectionNeeded = "customer_direction_needed" {
            en: "the customer controls its data: this is done for the customer's instruction only when the customer directs it",
            zh: "客户控制其数据：仅在客户指示时方可按其指示进行此项处理"
        },
        /// Configuration and technical settings are processed only to run
        /// the customer's services on its behalf.
        ConfigurationUseLimited = "configuration_use_limited" {
            en: "configuration and technical settings are processed on the customer's behalf only to provide its Online Services and to troubleshoot and support them",
            zh: "配置和技术设置仅代表客户用于提供其在线服务及排除故障和提供支持"
        },
        /// A substantial change takes effect only after notice.
        SubstantialChangeNeedsPriorNotice = "substantial_change_needs_prior_notice" {
            en: "a substantial change takes effect only after a notice has been posted or a notification sent before it takes effect",
            zh: "重大变更须在生效前发布公告或直接发送通知后方可生效"
        },
    }
}

impl Reason {
    /// The reason in the given language (the same as [`Reason::label`]).
    pub const fn text(self, language: crate::Language) -> &'static str {
        self.label(language)
    }
}

vocabulary! {
    /// Which of three kinds a deny is.
    ///
    /// Users of policy engines keep asking for this: was the request
    /// forbidden outright, simply not permitted, or permitted only with an
    /// authorization the request lacks (which the deny names)?
    ///
    /// ```
    /// use vianet_privacy::DenyKind;
    ///
    /// assert_eq!("needs_authorization".parse::<DenyKind>()?, DenyKind::NeedsAuthorization);
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum DenyKind / DenyKindSet(u8) : "deny kind" {
        /// A clause forbids it (the security code is never kept).
        Forbidden = "forbidden" { en: "forbidden by the statement", zh: "本声明禁止" },
        /// No clause permits it (Customer Data for advertising).
        NotPermitted = "not_permitted" { en: "not permitted by the statement", zh: "本声明未允许" },
        /// A clause permits it only with an authorization the request lacks.
        NeedsAuthorization = "needs_authorization" {
            en: "permitted only with an authorization the request lacks",
            zh: "须取得请求中缺少的授权方可进行"
        },
    }
}

impl Reason {
    /// The duty a deny for this reason points to, if it has one: a deny
    /// because the retention period has ended, or because the service was
    /// terminated, is also a reminder that the data must now be deleted or
    /// anonymized.
    ///
    /// ```
    /// use vianet_privacy::{Obligation, Reason};
    ///
    /// assert_eq!(
    ///     Reason::RetentionExpiredDeleteOrAnonymize.duty(),
    ///     Some(Obligation::DeleteOrAnonymizeWhenRetentionEnds)
    /// );
    /// assert_eq!(Reason::SecurityCodeNeverRetained.duty(), None);
    /// ```
    pub const fn duty(self) -> Option<crate::Obligation> {
        match self {
            Reason::RetentionExpiredDeleteOrAnonymize => Some(crate::Obligation::DeleteOrAnonymizeWhenRetentionEnds),
            Reason::ServiceTerminatedDeleteOrAnonymize => Some(crate::Obligation::DeleteOrAnonymizeOnTermination),
            _ => None,
        }
    }
}
