use crate::model::vocabulary::vocabulary;
use crate::ClauseId;

vocabulary! {
    /// The nine kinds of "Prohibited Content" of "Compliance with Law",
    /// in the statement's order and words (English text and the Chinese
    /// fragment, in Simplified Chinese).
    ///
    /// The list mirrors Article 15 of the Measures for the Administration of
    /// Internet Information Services (State Council Decree 292, 2000). An
    /// Internet information service provider may not produce, reproduce,
    /// publish or disseminate information that includes any of them; see
    /// [`decide_compliance`](crate::decide_compliance).
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, Language, ProhibitedContent};
    ///
    /// let kind: ProhibitedContent = "spreads_rumors".parse()?;
    /// assert_eq!(kind.label(Language::En), "disseminates rumors, disrupts the social order or damages social stability");
    /// assert_eq!(kind.label(Language::ZhCn), "散布谣言，扰乱社会秩序，破坏社会稳定的");
    /// assert_eq!(kind.clause(), ClauseId::NoProhibitedContent);
    /// assert_eq!(ProhibitedContent::ALL.len(), 9);
    /// # Ok::<(), vianet_privacy::UnknownName>(())
    /// ```
    pub enum ProhibitedContent / ProhibitedContentSet(u16) : "prohibited content" {
        /// Against the basic principles of the Constitution.
        AgainstConstitution = "against_constitution" {
            en: "is against the basic principles determined by the Constitution",
            zh: "反对宪法所确定的基本原则的"
        },
        /// Endangers national security or unity, divulges State secrets.
        EndangersNationalSecurity = "endangers_national_security" {
            en: "impairs national security, divulges State secrets, subverts State sovereignty or jeopardizes national unity",
            zh: "危害国家安全，泄露国家秘密，颠覆国家政权，破坏国家统一的"
        },
        /// Damages the State's reputation and interests.
        DamagesStateReputation = "damages_state_reputation" {
            en: "damages the reputation and interests of the State",
            zh: "损害国家荣誉和利益的"
        },
        /// Incites ethnic hostility or discrimination.
        IncitesEthnicHostility = "incites_ethnic_hostility" {
            en: "incites ethnic hostility and ethnic discrimination or jeopardizes unity among ethnic groups",
            zh: "煽动民族仇恨、民族歧视，破坏民族团结的"
        },
        /// Damages State religious policies, advocates sects or feudal
        /// superstitions.
        UnderminesReligiousPolicy = "undermines_religious_policy" {
            en: "damages State religious policies or that advocates sects or feudal superstitions",
            zh: "破坏国家宗教政策，宣扬邪教和封建迷信的"
        },
        /// Spreads rumors, disrupts social order or stability.
        SpreadsRumors = "spreads_rumors" {
            en: "disseminates rumors, disrupts the social order or damages social stability",
            zh: "散布谣言，扰乱社会秩序，破坏社会稳定的"
        },
        /// Obscenity, pornography, gambling, violence, homicide, terror, or
        /// incitement to crime.
        ObscenityViolenceOrCrime = "obscenity_violence_or_crime" {
            en: "disseminates obscenity, pornography, gambling, violence, homicide and terror, or that incites crime",
            zh: "散布淫秽、色情、赌博、暴力、凶杀、恐怖或者教唆犯罪的"
        },
        /// Insults or slanders others, infringes their lawful rights.
        InsultsOrSlanders = "insults_or_slanders" {
            en: "insults or slanders others or that infringes their lawful rights and interests",
            zh: "侮辱或者诽谤他人，侵害他人合法权益的"
        },
        /// Otherwise prohibited by laws or administrative regulations.
        OtherwiseProhibitedByLaw = "otherwise_prohibited_by_law" {
            en: "is otherwise prohibited by laws or administrative regulations",
            zh: "含有法律、行政法规禁止的其他内容的"
        },
    }
}

impl ProhibitedContent {
    /// The clause that lists the kind: [`ClauseId::NoProhibitedContent`].
    ///
    /// ```
    /// use vianet_privacy::{ClauseId, ProhibitedContent};
    ///
    /// assert!(ProhibitedContent::ALL.iter().all(|k| k.clause() == ClauseId::NoProhibitedContent));
    /// ```
    pub const fn clause(self) -> ClauseId {
        ClauseId::NoProhibitedContent
    }
}
