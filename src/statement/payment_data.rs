//! "Payment Data".
//!
//! > When you make online purchases, you will be asked to provide payment
//! > data, which includes your payment instrument number, your name and
//! > billing address, and the security code associated with your payment
//! > instrument and other financial data (“Payment Data”).
//! >
//! > We use Payment Data to complete transactions, as well as for the
//! > detection and prevention of fraud.
//! >
//! > When you use authenticated Payment Data, we will store that data to
//! > help you complete future transactions without your having to provide
//! > the data again. We do not, however, retain the security code associated
//! > with your payment instrument in this manner.
//!
//! The security-code limit binds every party: no clause lets anyone keep
//! it, and the fraud-prevention and payment recipients of the sharing
//! section may use data only for that purpose, not keep it.

use super::{PROCESSING, WE};
use crate::statement::rule::{Exception, Limit, Needs, Permit, Scope};
use crate::{
    Action, ActionSet, Authorization, AuthorizationSet, ClauseId, DataElement, DataElementSet, DenyKind, Obligation,
    ObligationSet, Purpose, PurposeSet, Reason,
};

/// The purposes Payment Data is used for.
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[Purpose::CompleteTransaction, Purpose::FraudPrevention]);

const SECURITY_CODE: DataElementSet = DataElementSet::of(&[DataElement::SecurityCode]);

/// Keeping Payment Data for future transactions, and reaching and using it
/// for them.
const FOR_FUTURE_TRANSACTIONS: Scope = Scope::ANY
    .data(DataElementSet::PAYMENT)
    .actions(ActionSet::of(&[
        Action::Store,
        Action::Retain,
        Action::Use,
        Action::Access,
    ]))
    .purposes(PurposeSet::of(&[Purpose::FutureTransactions]));

const AUTHENTICATED: AuthorizationSet = AuthorizationSet::of(&[Authorization::AuthenticatedPaymentData]);

pub(crate) const LIMITS: &[Limit] = &[
    Limit::new(
        ClauseId::PaymentSecurityCodeNotRetained,
        Scope::ANY.data(SECURITY_CODE).actions(ActionSet::STORAGE),
        DenyKind::Forbidden,
        Reason::SecurityCodeNeverRetained,
    ),
    // Kept for no one, it serves no future transaction: not even with
    // consent to a use beyond the stated scope.
    Limit::new(
        ClauseId::PaymentSecurityCodeNotRetained,
        Scope::ANY
            .data(SECURITY_CODE)
            .actions(ActionSet::of(&[Action::Use]))
            .purposes(PurposeSet::of(&[Purpose::FutureTransactions])),
        DenyKind::Forbidden,
        Reason::SecurityCodeNeverRetained,
    ),
    // "When you use authenticated Payment Data, we will store that data to
    // help you complete future transactions": only authenticated data, and
    // no consent to another purpose stands in for the authentication.
    Limit::new(
        ClauseId::PaymentDataStorage,
        FOR_FUTURE_TRANSACTIONS,
        DenyKind::NeedsAuthorization,
        Reason::StoredPaymentDataMustBeAuthenticated,
    )
    .unless(&[Exception {
        scope: Scope::ANY,
        needs: Needs::all_of(AUTHENTICATED),
    }]),
];

pub(crate) const PERMITS: &[Permit] = &[
    Permit::new(
        ClauseId::PaymentDataUse,
        Scope::ANY
            .data(SECURITY_CODE)
            .actions(ActionSet::of(&[Action::Collect, Action::Use]))
            .parties(WE)
            .purposes(PURPOSES),
        Reason::PaymentDataUseLimited,
    )
    .obligations(ObligationSet::of(&[Obligation::NeverRetainSecurityCode])),
    Permit::new(
        ClauseId::PaymentDataStorage,
        // "When you use authenticated Payment Data, we will store that data
        // to help you complete future transactions": stored and used for
        // them, only once authenticated, never the security code.
        FOR_FUTURE_TRANSACTIONS
            .data(DataElementSet::PAYMENT.difference(SECURITY_CODE))
            .parties(WE),
        Reason::StoredPaymentDataMustBeAuthenticated,
    )
    .needs(Needs::all_of(AUTHENTICATED)),
    Permit::new(
        ClauseId::PaymentDataUse,
        Scope::ANY
            .data(DataElementSet::PAYMENT)
            .actions(PROCESSING)
            .parties(WE)
            .purposes(PURPOSES),
        Reason::PaymentDataUseLimited,
    ),
];

pub(crate) const FALLBACK: (ClauseId, Reason) = (ClauseId::PaymentDataUse, Reason::PaymentDataUseLimited);
