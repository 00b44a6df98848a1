use crate::model::vocabulary::vocabulary;

vocabulary! {
    /// A choice by which the customer has said no.
    ///
    /// Objections only ever take permission away: adding one never turns a
    /// deny into an allow.
    ///
    /// ```
    /// use vianet_privacy::Objection;
    ///
    /// assert_eq!(Objection::CookiesRefused.to_string(), "cookies_refused");
    /// ```
    pub enum Objection / ObjectionSet(u8) : "objection" {
        /// Unsubscribed from support questionnaires.
        SurveyUnsubscribed = "survey_unsubscribed" {
            en: "unsubscribed from support surveys",
            zh: "已退订支持问卷调查"
        },
        /// Refused Cookies in the browser settings.
        CookiesRefused = "cookies_refused" { en: "refused Cookies", zh: "已拒绝 Cookies" },
        /// Ended the live chat or Remote Access session.
        RemoteSessionEnded = "remote_session_ended" {
            en: "ended the live chat or Remote Access session",
            zh: "已终止在线聊天或远程访问"
        },
    }
}
