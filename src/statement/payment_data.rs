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
use crate::rule::{Limit, Permit, Scope};
use crate::{
    Action, ActionSet, ClauseId, DataElement, DataElementSet, DenyKind, Obligation, ObligationSet, Purpose, PurposeSet,
    Reason,
};

/// The purposes Payment Data is used for.
pub(crate) const PURPOSES: PurposeSet = PurposeSet::of(&[Purpose::CompleteTransaction, Purpose::FraudPrevention]);

const SECURITY_CODE: DataElementSet = DataElementSet::of(&[DataElement::SecurityCode]);

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
        // Stored "to help you complete future transactions", and used for
        // them; never the security code.
        Scope::ANY
            .data(DataElementSet::PAYMENT.difference(SECURITY_CODE))
            .actions(ActionSet::STORAGE.with(Action::Use))
            .parties(WE)
            .purposes(PurposeSet::of(&[Purpose::FutureTransactions])),
        Reason::PaymentDataUseLimited,
    ),
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
