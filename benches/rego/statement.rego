# The Cedar policy set of tests/cedar (statement.cedar and managing.cedar
# together), translated policy by policy into Rego (rego.v1) for the
# benchmark in benches/decide.rs. Written from the Cedar text only (not from
# src/statement), so that both peers decide the same question the same way.
#
# Cedar semantics: a request is allowed when some `permit` applies and no
# `forbid` applies (default deny). Each Cedar policy is one `permit if` or
# `forbid if` body below, headed by its @clause. `principal` is input.party
# (the recipient for share/transfer/disclose), `action` input.action,
# `resource` input.data; context keys are input fields.
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

we := {"operator", "affiliate", "successor_company"}

fraud_or_payment_party := {"fraud_prevention_provider", "payment_processor"}

processing := {"collect", "use", "store", "retain", "access"}

data_moving := {"collect", "use", "store", "retain", "access", "share", "transfer", "disclose"}

disclosure := {"share", "transfer", "disclose"}

# Every action but delete and anonymize: what the overseas limits cover.
reaching := data_moving | {"contact", "record", "remote_control", "modify"}

customer_data := {"customer_content", "hosted_application"}

administrator_data := {"administrator_name", "administrator_address", "administrator_phone", "administrator_email"}

real_name_data := {"business_license", "real_name_mobile_number", "id_card_scan"}

payment_data := {
	"payment_instrument_number", "payer_name", "billing_address",
	"security_code", "transaction_record", "other_financial_data",
}

registration_data := {"registration_phone", "registration_email", "registration_id_number", "registration_details"}

support_data := {
	"support_contact_info", "support_verification_info", "chat_personalization",
	"device_diagnostics", "installation_data", "error_tracking_file", "support_recording",
}

admin_or_payment := administrator_data | payment_data

personal_data := ((((administrator_data | real_name_data) | payment_data) | registration_data) | {"support_contact_info", "support_verification_info", "support_recording"})

customer_data_purposes := {"provide_service", "improve_service", "troubleshooting", "threat_protection", "resolve_support_issue"}

support_purposes := {"resolve_support_issue", "training", "troubleshooting"}

authorized(name) if name in input.authorizations

objected(name) if name in input.objections

overseas if input.location != "mainland_china"

# ------------------------------------------- Definition of Personal Data

# @clause("pd-beyond-scope-consent")
permit if {
	input.action in {"collect", "use", "contact"}
	input.party in we
	input.data in personal_data
	authorized("explicit_consent")
}

# ---------------------------------------------------------- Customer Data

# @clause("cd-use-provide")
permit if {
	input.action in data_moving
	input.party in we
	input.data in customer_data
	input.purpose in customer_data_purposes
}

# @clause("cd-only-use-limit")
forbid if {
	input.action in processing
	input.party in we
	input.data in customer_data
	not input.purpose in customer_data_purposes
}

# @clause("cd-store-china-only")
forbid if {
	input.action in {"store", "retain"}
	input.data in customer_data
	input.location != "mainland_china"
}

# @clause("cd-support-access")
permit if {
	input.action == "access"
	input.party in {"affiliate", "supplier"}
	input.data in customer_data
	input.purpose in {"troubleshooting", "resolve_support_issue"}
}

# @clause("cd-overseas-access-limit")
forbid if {
	input.action in {"collect", "use", "access", "share", "transfer", "disclose", "contact", "record", "remote_control", "modify"}
	not input.party in {"customer", "end_user"}
	input.data in customer_data
	overseas
	not cd_overseas_exception
}

cd_overseas_exception if {
	input.party in {"affiliate", "supplier"}
	input.action in {"access", "use", "share"}
	input.purpose in {"troubleshooting", "resolve_support_issue"}
}

cd_overseas_exception if {
	input.action in disclosure
	not input.party in {"operator", "affiliate", "supplier"}
}

# ----------------------------------------------------- Administrator Data

# @clause("ad-use")
permit if {
	input.action in data_moving
	input.party in we
	input.data in administrator_data
	input.purpose in {"complete_transaction", "administer_account", "improve_service", "fraud_prevention"}
}

# @clause("ad-contact-service")
permit if {
	input.action in {"contact", "use"}
	input.party in we
	input.data in administrator_data
	input.purpose in {"service_communication", "third_party_inquiry"}
}

# @clause("ad-contact-offers-feedback")
permit if {
	input.action in {"contact", "use"}
	input.party in we
	input.data in {"administrator_phone", "administrator_email"}
	input.purpose in {"other_offers", "feedback_request"}
	authorized("contact_preferences")
}

# @clause("contact-preferences-limit")
forbid if {
	input.action == "contact"
	input.purpose in {"other_offers", "feedback_request", "promotional_communications"}
	not contact_as_preferred
}

# Within the contact preferences, and only to a phone number or e-mail address.
contact_as_preferred if {
	authorized("contact_preferences")
	input.data in {
		"administrator_phone", "administrator_email", "real_name_mobile_number",
		"support_contact_info", "registration_phone", "registration_email",
	}
}

# ----------------------------------------- Real-Name Authentication Data

# @clause("rn-real-name-management")
permit if {
	input.action in data_moving
	input.party in we
	input.data in real_name_data
	input.purpose == "real_name_verification"
}

# @clause("rn-verify-with-agency")
permit if {
	input.party == "verification_agency"
	input.action in {"share", "disclose"}
	input.data in real_name_data
	input.purpose == "real_name_verification"
}

# ----------------------------------------------------------- Payment Data

# @clause("pay-use")
permit if {
	input.action in data_moving
	input.party in we
	input.data in payment_data
	input.purpose in {"complete_transaction", "fraud_prevention"}
}

# @clause("pay-store-future")
permit if {
	input.action in {"store", "retain", "use"}
	input.party in we
	input.data in payment_data
	input.purpose == "future_transactions"
}

# @clause("pay-no-security-code-retention")
forbid if {
	input.action in {"store", "retain"}
	input.data == "security_code"
}

# (same clause: using it is barred for future_transactions only)
forbid if {
	input.action == "use"
	input.data == "security_code"
	input.purpose == "future_transactions"
}

# ----------------------------------------------------------- Support Data

# @clause("sup-use")
permit if {
	input.action in data_moving
	input.party in we
	input.data in support_data
	input.purpose in support_purposes
}

# @clause("sup-contact-for-issue")
permit if {
	input.action == "contact"
	input.data == "support_contact_info"
	input.party in we
	input.purpose == "resolve_support_issue"
}

# @clause("sup-remote-access")
permit if {
	input.action == "remote_control"
	input.party in we
	input.purpose in {"resolve_support_issue", "troubleshooting"}
	authorized("remote_access_permission")
}

# @clause("sup-remote-access-needs-permission")
forbid if {
	input.action == "remote_control"
	not authorized("remote_access_permission")
}

# @clause("sup-record")
permit if {
	input.action == "record"
	input.party in we
	input.data in support_data
	input.purpose in support_purposes
}

# @clause("sup-session-ended")
forbid if {
	input.action in {"remote_control", "record"}
	objected("remote_session_ended")
}

# @clause("sup-view-record")
permit if {
	input.party == "customer"
	input.action == "access"
	input.data == "support_recording"
}

# @clause("sup-survey")
permit if {
	input.action == "contact"
	input.data == "support_contact_info"
	input.party in we
	input.purpose == "support_survey"
}

# @clause("sup-survey-unsubscribed")
forbid if {
	input.action == "contact"
	input.purpose == "support_survey"
	objected("survey_unsubscribed")
}

# ---------------------------------------------------------------- Cookies

# @clause("ck-use")
permit if {
	input.action in processing
	input.data == "cookie_data"
	input.party in we
	input.purpose in {"store_preferences", "fraud_prevention", "authentication", "operational_data"}
}

# @clause("ck-site-analytics")
permit if {
	input.party == "supplier"
	input.action in {"collect", "store", "retain", "use", "access"}
	input.data == "cookie_data"
	input.purpose == "site_analytics"
}

# @clause("ck-refused")
forbid if {
	input.data == "cookie_data"
	objected("cookies_refused")
}

# --------------------------------------------------------- Local Software

# @clause("ls-local-environment")
permit if {
	input.action in data_moving
	input.data == "local_environment_data"
	input.party in we
	input.purpose == "provide_service"
}

# @clause("ls-agent-diagnostics")
permit if {
	input.action in data_moving
	input.data == "agent_diagnostic_data"
	input.party in {"operator", "successor_company", "affiliate", "supplier"}
	input.purpose in {"provide_service", "improve_service"}
}

# ---------------------------------------------- How We Store Personal Data

# (st-pd-stored-in-china was removed from the Cedar policies: storing and
# retaining Personal Data follow each category's purposes.)

# @clause("reg-collect")
permit if {
	input.action in data_moving
	input.party in we
	input.data in registration_data
	input.purpose == "registration"
}

# @clause("st-pd-overseas-limit")
forbid if {
	input.action in reaching
	input.data in personal_data
	overseas
	not input.party in {"customer", "end_user"}
	not pd_overseas_exception
}

pd_overseas_exception if authorized("overseas_transfer_authorization")

pd_overseas_exception if authorized("customer_direction")

pd_overseas_exception if authorized("legal_requirement")

pd_overseas_exception if {
	input.party == "supplier"
	authorized("prior_consent_after_explanation")
}

pd_overseas_exception if {
	input.party in fraud_or_payment_party
	input.data in admin_or_payment
	input.purpose in {"fraud_prevention", "process_payment"}
}

# ------------------------------------ How We Share, Transfer, and Disclose

# @clause("sh-as-directed-agreement-law")
permit if {
	input.action in disclosure
	not input.party in {"operator", "affiliate"}
	authorized("customer_direction")
}

permit if {
	input.action in disclosure
	not input.party in {"operator", "affiliate"}
	authorized("customer_agreement")
}

permit if {
	input.action in disclosure
	not input.party in {"operator", "affiliate"}
	authorized("legal_requirement")
}

# @clause("sh-supplier")
permit if {
	input.party == "supplier"
	input.action in {"access", "use", "share"}
	input.purpose in {"service_on_our_behalf", "resolve_support_issue", "troubleshooting"}
}

# @clause("sh-supplier-overseas-pd")
forbid if {
	input.party == "supplier"
	input.action in reaching
	input.data in personal_data
	overseas
	not supplier_overseas_consent
}

supplier_overseas_consent if authorized("prior_consent_after_explanation")

supplier_overseas_consent if authorized("legal_requirement")

# @clause("sh-supplier-purpose-limit")
forbid if {
	input.party == "supplier"
	input.action in processing
	not input.purpose in {
		"service_on_our_behalf", "resolve_support_issue", "troubleshooting",
		"site_analytics", "provide_service", "improve_service",
	}
}

# @clause("sh-complainant-contact-data")
permit if {
	input.party == "complainant"
	input.action in {"share", "disclose"}
	input.data in administrator_data
	input.purpose == "complaint_handling"
}

# @clause("sh-fraud-payment")
permit if {
	input.party in fraud_or_payment_party
	input.action in {"share", "transfer", "disclose", "access", "use", "store", "retain"}
	input.data in admin_or_payment
	input.purpose in {"fraud_prevention", "process_payment"}
}

# @clause("sh-fraud-payment-purpose-limit")
forbid if {
	input.party in fraud_or_payment_party
	input.action in processing
	not input.purpose in {"fraud_prevention", "process_payment"}
}

# @clause("sh-third-party-offering")
permit if {
	input.party == "third_party_offering_provider"
	input.action in disclosure
	input.data in admin_or_payment
	input.purpose == "third_party_offering"
	authorized("customer_direction")
}

# @clause("sh-third-party-offering-promo")
permit if {
	input.party == "third_party_offering_provider"
	input.action == "contact"
	input.data in {"administrator_phone", "administrator_email"}
	input.purpose == "promotional_communications"
	authorized("customer_direction")
	authorized("contact_preferences")
}

# (The end-user bullet concerns data protection and privacy requests only:
# its policies are under "How You Can Manage Your Personal Data" below.)

# @clause("sh-corporate-transaction")
permit if {
	input.party == "successor_company"
	input.action == "transfer"
	input.data in personal_data
	input.purpose == "corporate_transaction"
}

# @clause("sh-six-circumstances")
permit if {
	input.action in disclosure
	not input.party in {"operator", "affiliate"}
	input.data in personal_data
	input.circumstance in {
		"national_security", "public_interest", "criminal_investigation", "vital_interests",
		"publicly_disclosed_by_subject", "lawfully_public_source",
	}
}

# --------------------- How You Can Manage Your Personal Data (managing.cedar)

# @clause("mg-customer-portal")
permit if {
	input.party == "customer"
	input.action in {"access", "modify", "delete"}
	input.data in ((administrator_data | real_name_data) | payment_data)
	input.purpose == "data_subject_request"
}

# @clause("mg-initial-registration-no-modify")
forbid if {
	input.action == "modify"
	input.data in real_name_data
	input.purpose == "data_subject_request"
}

# @clause("mg-we-handle-request")
permit if {
	input.action in {"access", "use", "modify", "delete", "anonymize"}
	input.party in we
	input.data in personal_data
	input.purpose == "data_subject_request"
}

# @clause("mg-reply-to-customer")
permit if {
	input.party == "customer"
	input.action == "disclose"
	input.data in personal_data
	input.purpose == "data_subject_request"
}

# @clause("mg-supplier-delete-on-request")
permit if {
	input.action == "delete"
	input.party in {"supplier", "fraud_prevention_provider", "payment_processor"}
	input.data in personal_data
	input.purpose == "data_subject_request"
}

# @clause("mg-end-user-with-instruction")
permit if {
	input.party == "end_user"
	input.action in disclosure
	input.purpose == "data_subject_request"
	end_user_request_allowed
}

# @clause("mg-end-user-limit")
forbid if {
	input.party == "end_user"
	input.action in disclosure
	input.purpose == "data_subject_request"
	not end_user_request_allowed
}

end_user_request_allowed if authorized("prior_written_instruction")

end_user_request_allowed if authorized("legal_requirement")
