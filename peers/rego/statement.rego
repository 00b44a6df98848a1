# The Cedar policy set of tests/cedar/statement.cedar, translated policy by
# policy into Rego (rego.v1) for the benchmark in benches/decide.rs. Written
# from the Cedar text only (not from src/statement), so that both peers
# decide the same question the same way.
#
# Cedar semantics: a request is allowed when some `permit` applies and no
# `forbid` applies (default deny); a `forbid ... when { W } unless { U }`
# applies when W holds and U does not. Each Cedar policy is one `permit if`
# or `forbid if` body below, headed by its @id and @clause (a disjunction or
# an `unless` inside a policy is a helper rule named after it). `principal`
# is input.party (the recipient for share/transfer/disclose), `action`
# input.action, `resource` input.data; context keys are input fields.
#
# Input: {"party", "action", "data", "purpose", "location",
#         "authorizations": [..], "circumstance": "<name>" or "none",
#         "objections": [..], "service"}
package vianet

import rego.v1

default allow := false

allow if {
	permit
	not forbid
}

# ---------------------------------------------------------------- groups

# "we" (JC 1).
we := {"operator", "affiliate"}

# "we" and the succeeding company (Differential D30).
we_or_successor := {"operator", "affiliate", "successor_company"}

disclosure := {"share", "disclose", "transfer"}

erasure := {"delete", "anonymize"}

# Processing, passing on within the group, and erasing: the ten actions of
# the "we process it" permits.
handling := {
	"collect", "use", "access", "store", "retain",
	"share", "disclose", "transfer", "delete", "anonymize",
}

customer_data := {"customer_content", "hosted_application"}

administrator_data := {"administrator_name", "administrator_address", "administrator_phone", "administrator_email"}

real_name_data := {"business_license", "real_name_mobile_number", "id_card_scan"}

payment_data := {
	"payment_instrument_number", "payer_name", "billing_address",
	"security_code", "transaction_record", "other_financial_data",
}

support_data := {
	"support_contact_info", "support_verification_info", "support_ticket_info",
	"chat_personalization", "device_diagnostics", "installation_data",
	"error_tracking_file", "support_recording",
}

registration_data := {"registration_phone", "registration_email", "registration_id_number", "registration_details"}

admin_or_payment := administrator_data | payment_data

# The Personal Data list every Personal Data policy spells out (D29).
personal_data := ((((administrator_data | real_name_data) | payment_data) | registration_data) | {
	"support_contact_info", "support_verification_info", "support_recording",
	"support_ticket_info", "chat_personalization", "cookie_data",
})

phone_or_email := {"administrator_phone", "administrator_email"}

customer_data_purposes := {"provide_service", "improve_service", "troubleshooting", "threat_protection", "resolve_support_issue"}

authorized(name) if name in input.authorizations

objected(name) if name in input.objections

overseas if input.location != "mainland_china"

# ------------------------------------ Introduction and Notice to End Users

# @id("scope-services") @clause("scope")
forbid if {
	not input.service in {"azure", "office_365", "dynamics_365", "power_platform", "intune", "other_linked_service"}
}

# @id("customer-controls-cd") @clause("customer_controls_data")
permit if {
	input.party in we_or_successor
	input.action in erasure
	input.purpose == "customer_instruction"
	authorized("customer_direction")
}

# @id("configuration-on-behalf") @clause("customer_controls_data")
permit if {
	input.data == "configuration"
	input.party in we_or_successor
	input.action in handling
	input.purpose in {"provide_service", "troubleshooting", "resolve_support_issue"}
}

# @id("domain-owner-end-user-data") @clause("domain_owner_administration")
permit if {
	input.party == "domain_owner"
	input.action in {"collect", "access", "use", "store", "retain", "modify", "delete", "anonymize"}
	input.data in customer_data
	not input.purpose in {"advertising", "sale_of_data", "other_offers", "feedback_request", "promotional_communications"}
}

# ------------------ How We Collect and Use Your Data: beyond the stated scope

# @id("pd-beyond-scope-express-consent") @clause("use_beyond_stated_scope")
permit if {
	input.party in we
	input.action in {"collect", "use", "contact"}
	input.purpose != "sale_of_data"
	input.data in personal_data
	authorized("explicit_consent")
}

# @id("registration-data") @clause("registration_data")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in registration_data
	input.purpose == "registration"
}

# ---------------------------------------------------------- Customer Data

# @id("cd-use") @clause("customer_data_use")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in customer_data
	input.purpose in customer_data_purposes
}

# @id("cd-use-only") @clause("customer_data_use")
forbid if {
	input.party in we
	not input.action in disclosure
	input.data in customer_data
	not input.purpose in customer_data_purposes
	not erasure_as_customer_directs
}

# unless of cd-use-only
erasure_as_customer_directs if {
	input.action in erasure
	input.purpose == "customer_instruction"
	authorized("customer_direction")
}

# @id("cd-stored-only-in-china") @clause("customer_data_stored_in_china")
forbid if {
	input.action in {"store", "retain"}
	input.data in customer_data
	overseas
}

# @id("cd-troubleshooting-access") @clause("customer_data_overseas_access")
permit if {
	input.party in {"affiliate", "supplier"}
	input.action in {"access", "use", "share"}
	input.data in customer_data
	input.purpose in {"troubleshooting", "resolve_support_issue"}
}

# @id("cd-overseas-only-troubleshooting") @clause("customer_data_overseas_access")
forbid if {
	input.data in customer_data
	overseas
	input.party != "customer"
	not end_users_own_act
	not input.action in erasure
	not troubleshooting_access
}

# `principal == Party::"end_user" && !disclosure.contains(action)` (here and
# in pd-stored-in-china)
end_users_own_act if {
	input.party == "end_user"
	not input.action in disclosure
}

# unless of cd-overseas-only-troubleshooting
troubleshooting_access if {
	input.action in {"access", "use", "share"}
	input.party in {"affiliate", "supplier"}
	input.purpose in {"troubleshooting", "resolve_support_issue"}
}

# ----------------------------------------------------- Administrator Data

# @id("admin-use") @clause("administrator_data_use")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in administrator_data
	input.purpose in {"complete_transaction", "administer_account", "improve_service", "fraud_prevention"}
}

# @id("admin-service-communications") @clause("administrator_service_communications")
permit if {
	input.action in {"contact", "use"}
	input.party in we_or_successor
	input.data in administrator_data
	input.purpose == "service_communication"
}

# @id("admin-third-party-inquiries") @clause("administrator_third_party_inquiries")
permit if {
	input.action in {"contact", "use"}
	input.party in we_or_successor
	input.data in administrator_data
	input.purpose == "third_party_inquiry"
	authorized("customer_agreement")
}

# @id("admin-offers-and-feedback") @clause("administrator_other_offers")
permit if {
	input.action in {"contact", "use"}
	input.party in we_or_successor
	input.data in phone_or_email
	input.purpose in {"other_offers", "feedback_request"}
	authorized("contact_preferences")
}

# ----------------------------------------- Real-Name Authentication Data

# @id("real-name-management") @clause("real_name_management")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in real_name_data
	input.purpose == "real_name_verification"
}

# @id("real-name-verification-agency") @clause("real_name_verification")
permit if {
	input.party == "verification_agency"
	input.action in {"share", "disclose"}
	input.data in real_name_data
	input.purpose == "real_name_verification"
}

# ----------------------------------------------------------- Payment Data

# @id("payment-use") @clause("payment_data_use")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in payment_data
	input.purpose in {"complete_transaction", "fraud_prevention"}
}

# @id("payment-store-for-future") @clause("payment_data_storage")
permit if {
	input.party in we_or_successor
	input.action in {"store", "retain", "use", "access"}
	input.data in (payment_data - {"security_code"})
	input.purpose == "future_transactions"
	authorized("authenticated_payment_data")
}

# @id("future-transactions-need-authentication") @clause("payment_data_storage")
forbid if {
	input.action in {"store", "retain", "use", "access"}
	input.data in payment_data
	input.purpose == "future_transactions"
	not authorized("authenticated_payment_data")
}

# @id("security-code-not-retained") @clause("payment_security_code_not_retained")
forbid if {
	input.data == "security_code"
	security_code_kept
}

# when of security-code-not-retained (a disjunction)
security_code_kept if input.action in {"store", "retain"}

security_code_kept if {
	input.action == "use"
	input.purpose == "future_transactions"
}

# ----------------------------------------------------------- Support Data

# @id("support-use") @clause("support_data_use")
permit if {
	input.party in we_or_successor
	input.action in handling
	input.data in support_data
	input.purpose in {"resolve_support_issue", "training"}
}

# @id("support-contact") @clause("support_data_use")
permit if {
	input.action == "contact"
	input.data == "support_contact_info"
	input.party in we_or_successor
	input.purpose == "resolve_support_issue"
}

# @id("remote-access-with-permission") @clause("support_remote_access")
permit if {
	input.action == "remote_control"
	input.party in we_or_successor
	input.purpose in {"resolve_support_issue", "troubleshooting"}
	authorized("remote_access_permission")
}

# @id("remote-session-ended") @clause("support_remote_access")
forbid if {
	input.action in {"remote_control", "record"}
	objected("remote_session_ended")
}

# @id("support-recording") @clause("support_recording")
permit if {
	input.action == "record"
	input.data == "support_recording"
	input.party in we_or_successor
	input.purpose in {"resolve_support_issue", "training"}
}

# @id("support-recording-customer-view") @clause("support_recording")
permit if {
	input.party == "customer"
	input.action == "access"
	input.data == "support_recording"
}

# @id("support-survey") @clause("support_survey")
permit if {
	input.action == "contact"
	input.data == "support_contact_info"
	input.party in we_or_successor
	input.purpose == "support_survey"
	authorized("support_experience_over")
}

# @id("support-survey-after-support") @clause("support_survey")
forbid if {
	input.action == "contact"
	input.purpose == "support_survey"
	not authorized("support_experience_over")
}

# @id("support-survey-unsubscribed") @clause("support_survey")
forbid if {
	input.action == "contact"
	input.purpose == "support_survey"
	objected("survey_unsubscribed")
}

# ---------------------------------------------------------------- Cookies

# @id("cookies-use") @clause("cookies_use")
permit if {
	input.data == "cookie_data"
	input.party in we_or_successor
	input.action in {"collect", "use", "access", "store", "retain", "delete", "anonymize"}
	input.purpose in {"store_preferences", "fraud_prevention", "authentication", "operational_data"}
}

# @id("cookies-third-party-on-our-behalf") @clause("cookies_third_party")
permit if {
	input.party == "supplier"
	input.data == "cookie_data"
	input.action in {"store", "collect", "use"}
	input.purpose in {"site_analytics", "service_on_our_behalf"}
}

# @id("cookies-refused") @clause("cookies_user_control")
forbid if {
	input.data == "cookie_data"
	objected("cookies_refused")
	not input.action in erasure
}

# --------------------------------------------------------- Local Software

# @id("local-software-collection") @clause("local_software_collection")
permit if {
	input.data == "local_environment_data"
	input.party in we_or_successor
	input.action in handling
	input.purpose == "provide_service"
}

# @id("local-agent-diagnostics") @clause("local_software_diagnostics")
permit if {
	input.data == "agent_diagnostic_data"
	input.party in {"operator", "affiliate", "successor_company", "supplier"}
	input.action in handling
	input.purpose in {"provide_service", "improve_service"}
}

# @id("agent-diagnostics-operating-and-improving-only") @clause("local_software_diagnostics")
forbid if {
	input.party == "supplier"
	input.data == "agent_diagnostic_data"
	not input.action in (disclosure | erasure)
	not input.purpose in {"provide_service", "improve_service"}
}

# ------------------------------------------- How We Store Your Personal Data

# @id("pd-stored-in-china") @clause("personal_data_stored_in_china")
forbid if {
	input.data in personal_data
	overseas
	input.party != "customer"
	not end_users_own_act
	not input.action in erasure
	not pd_overseas_exception
}

# unless of pd-stored-in-china (a disjunction)
pd_overseas_exception if authorized("overseas_transfer_authorization")

pd_overseas_exception if authorized("legal_requirement")

pd_overseas_exception if {
	authorized("customer_direction")
	input.purpose == "customer_instruction"
}

pd_overseas_exception if {
	fraud_or_payment_engagement
	input.action in {"share", "disclose", "access", "use", "store", "retain"}
	input.data in admin_or_payment
}

pd_overseas_exception if {
	input.party == "supplier"
	authorized("prior_consent_after_explanation")
}

# `(principal == fraud_prevention_provider && purpose == "fraud_prevention")
#  || (principal == payment_processor && purpose == "process_payment")`
fraud_or_payment_engagement if {
	input.party == "fraud_prevention_provider"
	input.purpose == "fraud_prevention"
}

fraud_or_payment_engagement if {
	input.party == "payment_processor"
	input.purpose == "process_payment"
}

# ------------------------------- How We Share, Transfer, and Disclose Your Data

# @id("sharing-fence") @clause("sharing_general")
forbid if {
	input.action in disclosure
	not input.party in {"operator", "affiliate", "successor_company", "customer"}
	not sharing_basis
}

# unless of sharing-fence (a disjunction)
sharing_basis if {
	authorized("customer_direction")
	input.purpose == "customer_instruction"
}

sharing_basis if {
	authorized("customer_agreement")
	input.purpose == "customer_agreement"
}

sharing_basis if authorized("legal_requirement")

sharing_basis if input.circumstance != "none"

sharing_basis if input.purpose in {
	"service_on_our_behalf", "troubleshooting", "resolve_support_issue",
	"provide_service", "improve_service",
	"real_name_verification", "complaint_handling", "fraud_prevention",
	"process_payment", "third_party_offering", "promotional_communications",
	"corporate_transaction", "data_subject_request",
}

# @id("sharing-as-you-direct") @clause("sharing_general")
permit if {
	input.action in disclosure
	not input.party in we
	input.purpose == "customer_instruction"
	authorized("customer_direction")
}

# @id("sharing-customer-agreement") @clause("sharing_general")
permit if {
	input.action in disclosure
	not input.party in we
	input.purpose == "customer_agreement"
	authorized("customer_agreement")
}

# @id("sharing-pursuant-to-law") @clause("sharing_general")
permit if {
	input.action in disclosure
	not input.party in we
	input.purpose == "legal_compliance"
	authorized("legal_requirement")
}

# @id("supplier-on-our-behalf") @clause("sharing_suppliers")
permit if {
	input.party == "supplier"
	input.action in {"share", "access", "use"}
	input.purpose in {"service_on_our_behalf", "troubleshooting", "resolve_support_issue"}
}

# @id("supplier-engaged-purpose-only") @clause("sharing_suppliers")
forbid if {
	input.party == "supplier"
	not input.action in (disclosure | erasure)
	not input.purpose in {
		"service_on_our_behalf", "troubleshooting", "resolve_support_issue",
		"provide_service", "improve_service", "site_analytics",
	}
}

# @id("overseas-supplier-pd-prior-consent") @clause("sharing_overseas_supplier_consent")
forbid if {
	input.party == "supplier"
	input.data in personal_data
	overseas
	not input.action in erasure
	not authorized("prior_consent_after_explanation")
}

# @id("complainant-basic-contact") @clause("sharing_complainant")
permit if {
	input.party == "complainant"
	input.action in {"share", "disclose"}
	input.data in {"administrator_name", "administrator_phone", "administrator_email"}
	input.purpose == "complaint_handling"
}

# @id("fraud-and-payment-third-parties") @clause("sharing_fraud_and_payment")
permit if {
	fraud_or_payment_engagement
	input.action in {"share", "disclose", "access", "use", "store", "retain"}
	input.data in admin_or_payment
}

# @id("fraud-and-payment-purpose-only") @clause("sharing_fraud_and_payment")
forbid if {
	not input.action in (disclosure | erasure)
	fraud_or_payment_other_purpose
}

# `(principal == fraud_prevention_provider && purpose != "fraud_prevention")
#  || (principal == payment_processor && purpose != "process_payment")`
fraud_or_payment_other_purpose if {
	input.party == "fraud_prevention_provider"
	input.purpose != "fraud_prevention"
}

fraud_or_payment_other_purpose if {
	input.party == "payment_processor"
	input.purpose != "process_payment"
}

# @id("third-party-offering") @clause("sharing_third_party_offerings")
permit if {
	input.party == "third_party_offering_provider"
	input.action in {"share", "disclose"}
	input.data in admin_or_payment
	authorized("third_party_offering_choice")
	third_party_offering_purpose
}

# `purpose == "third_party_offering" || (purpose == "promotional_communications"
#  && resource in phone_or_email && authorized("contact_preferences"))`
third_party_offering_purpose if input.purpose == "third_party_offering"

third_party_offering_purpose if {
	input.purpose == "promotional_communications"
	input.data in phone_or_email
	authorized("contact_preferences")
}

# @id("offers-subject-to-contact-preferences") @clause("administrator_other_offers")
forbid if {
	input.action == "contact"
	input.purpose in {"other_offers", "feedback_request", "promotional_communications", "advertising"}
	not contact_as_preferred
}

# unless of offers-subject-to-contact-preferences: within the contact
# preferences, and only to a phone number or e-mail address.
contact_as_preferred if {
	authorized("contact_preferences")
	input.data in {
		"administrator_phone", "administrator_email", "real_name_mobile_number",
		"support_contact_info", "registration_phone", "registration_email",
	}
}

# @id("end-user-request-response") @clause("sharing_end_user_requests")
permit if {
	input.party == "end_user"
	input.action in disclosure
	input.purpose == "data_subject_request"
	end_user_request_allowed
}

# @id("end-user-request-needs-instruction") @clause("sharing_end_user_requests")
forbid if {
	input.party == "end_user"
	input.action in disclosure
	input.purpose == "data_subject_request"
	not end_user_request_allowed
}

# `prior_written_instruction || legal_requirement` (both end-user policies)
end_user_request_allowed if authorized("prior_written_instruction")

end_user_request_allowed if authorized("legal_requirement")

# @id("corporate-transaction-transfer") @clause("sharing_corporate_transactions")
permit if {
	input.party == "successor_company"
	input.action == "transfer"
	input.data in personal_data
	input.purpose == "corporate_transaction"
}

# @id("successor-holds-personal-data-only") @clause("sharing_corporate_transactions")
forbid if {
	input.party == "successor_company"
	not input.action in erasure
	not input.data in personal_data
}

# @id("successor-new-purpose-consent") @clause("sharing_corporate_transactions")
permit if {
	input.party == "successor_company"
	input.action in {"collect", "use", "contact"}
	input.purpose != "sale_of_data"
	input.data in personal_data
	authorized("explicit_consent")
}

# @id("circumstance-state-matters") @clause("sharing_six_circumstances")
permit if {
	input.party == "authority"
	input.action in disclosure
	input.data in personal_data
	state_matter
}

# The three circumstances, each with its own purpose (a disjunction).
state_matter if {
	input.circumstance == "national_security"
	input.purpose == "national_security"
}

state_matter if {
	input.circumstance == "public_interest"
	input.purpose == "public_security_and_health"
}

state_matter if {
	input.circumstance == "criminal_investigation"
	input.purpose == "criminal_proceedings"
}

# @id("circumstance-vital-interests") @clause("sharing_six_circumstances")
permit if {
	input.party in {"authority", "third_party"}
	input.action in disclosure
	input.data in personal_data
	input.circumstance == "vital_interests"
	input.purpose == "protect_life_or_property"
}

# @id("circumstance-public-data") @clause("sharing_six_circumstances")
permit if {
	input.action in disclosure
	not input.party in we
	input.circumstance in {"publicly_disclosed_by_subject", "lawfully_public_source"}
	purpose_stated_for_data
}

# The purposes stated for each kind of Personal Data (a disjunction).
purpose_stated_for_data if {
	input.data in administrator_data
	input.purpose in {"complete_transaction", "administer_account", "improve_service", "fraud_prevention"}
}

purpose_stated_for_data if {
	input.data in real_name_data
	input.purpose == "real_name_verification"
}

purpose_stated_for_data if {
	input.data in payment_data
	input.purpose in {"complete_transaction", "fraud_prevention"}
}

purpose_stated_for_data if {
	input.data in {
		"support_contact_info", "support_verification_info",
		"support_recording", "support_ticket_info", "chat_personalization",
	}
	input.purpose in {"resolve_support_issue", "training"}
}

purpose_stated_for_data if {
	input.data in registration_data
	input.purpose == "registration"
}

purpose_stated_for_data if {
	input.data == "cookie_data"
	input.purpose in {"store_preferences", "fraud_prevention", "authentication", "operational_data"}
}

# -------------------------------------- How You Can Manage Your Personal Data

# @id("portal-manage") @clause("managing_portal")
permit if {
	input.party == "customer"
	input.action in {"access", "modify", "delete"}
	input.data in ((administrator_data | real_name_data) | payment_data)
	input.purpose == "data_subject_request"
}

# @id("initial-registration-not-modifiable") @clause("managing_initial_registration")
forbid if {
	input.action == "modify"
	input.data in {"business_license", "id_card_scan"}
}

# @id("operator-acts-on-request") @clause("managing_deletion_consequences")
permit if {
	input.party in we_or_successor
	input.action in {"access", "modify", "delete"}
	input.data in personal_data
	input.purpose == "data_subject_request"
}

# @id("reply-to-customer") @clause("managing_identity_and_response_time")
permit if {
	input.party == "customer"
	input.action in {"share", "disclose"}
	input.data in personal_data
	input.purpose == "data_subject_request"
}

# @id("supplier-deletes-on-request") @clause("managing_deletion_notifies_recipients")
permit if {
	input.action == "delete"
	input.party in {"supplier", "fraud_prevention_provider", "payment_processor"}
	input.data in personal_data
	input.purpose == "data_subject_request"
}
