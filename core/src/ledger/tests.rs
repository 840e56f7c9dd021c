//! Unit tests of the ledger for what the vectors cannot carry (u64 extremes beyond 2^53 − 1)
//! and for the refusals of the host-facing API.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::{ErrorCode, Policy};

fn buy(payer: &str, txn: &str, pack: &str) -> LedgerEvent {
    LedgerEvent::Purchase {
        payer: payer.into(),
        store: "apple".into(),
        store_txn_id: txn.into(),
        pack: Some(pack.into()),
        pln_minor: None,
    }
}

fn ai(payer: &str, id: &str, tokens: u64) -> LedgerEvent {
    LedgerEvent::AiUsage { payer: payer.into(), request_id: id.into(), tokens }
}

#[test]
fn amounts_beyond_the_js_boundary_are_out_of_range() {
    let p = Policy::default();
    let mut book = MemoryLedger::new();
    book.append(&p, &buy("u1", "t1", "mini"), 0).unwrap();
    for t in [MAX_LEDGER_AMOUNT as u64 + 1, u64::MAX] {
        assert_eq!(book.append(&p, &ai("u1", "a", t), 0).unwrap_err().code, ErrorCode::AmountOutOfRange);
        let pln = LedgerEvent::Purchase {
            payer: "u1".into(),
            store: "s".into(),
            store_txn_id: format!("x{t}"),
            pack: None,
            pln_minor: Some(u64::MAX),
        };
        // u64::MAX grosze is 9.2e17 tokens: past 2^53 − 1.
        assert_eq!(book.append(&p, &pln, 0).unwrap_err().code, ErrorCode::AmountOutOfRange);
    }
    // A meter near u64::MAX: the cumulative split overflows, a typed error, never a panic.
    let m = LedgerEvent::MessageCharge {
        chat_id: "c".into(),
        message_id: "m".into(),
        payer: "u1".into(),
        earner: "cr1".into(),
        tokens: u64::MAX,
        billed_tokens: 0,
        creator_tokens: 0,
    };
    assert!(book.append(&p, &m, 0).is_err());
}

#[test]
fn a_balance_past_the_boundary_is_refused() {
    let p = Policy::default();
    let view = LedgerView {
        head: LedgerHead::genesis(),
        balances: vec![AccountBalance { account: "user:u1:spendable".into(), balance: MAX_LEDGER_AMOUNT }],
        records: vec![],
    };
    assert_eq!(build_record(&p, &view, &buy("u1", "t1", "mini"), 0).unwrap_err().code, ErrorCode::AmountOutOfRange);
}

#[test]
fn a_view_listing_an_account_twice_is_invalid() {
    let p = Policy::default();
    let b = AccountBalance { account: "user:u1:spendable".into(), balance: 5 };
    let view = LedgerView { head: LedgerHead::genesis(), balances: vec![b.clone(), b], records: vec![] };
    assert_eq!(build_record(&p, &view, &buy("u1", "t1", "mini"), 0).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn at_ms_beyond_the_boundary_is_invalid() {
    let p = Policy::default();
    let e = buy("u1", "t1", "mini");
    for at in [i64::MIN, -1, MAX_LEDGER_AMOUNT + 1, i64::MAX] {
        let err = build_record(&p, &LedgerView::default(), &e, at).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{at}");
    }
}

#[test]
fn a_withdrawal_at_a_date_chrono_cannot_hold_is_an_error_not_a_panic() {
    let p = Policy::default();
    let mut book = MemoryLedger::new();
    let e = LedgerEvent::WithdrawalRequested {
        creator: "cr1".into(),
        request_id: "w".into(),
        amount: 500,
        method: crate::payout::PayoutMethod::Crypto,
        kyc_verified: true,
    };
    assert!(book.append(&p, &e, MAX_LEDGER_AMOUNT).is_err());
}

#[test]
fn check_needs_the_policies_the_records_name() {
    let p = Policy::default();
    let mut book = MemoryLedger::new();
    book.append(&p, &buy("u1", "t1", "mini"), 0).unwrap();
    let other = Policy::from_patch(r#"{"version":"other"}"#).unwrap();
    let err = check_ledger(&[other], book.records(), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(check_ledger(&[p], book.records(), None).unwrap().finding.is_none());
}

#[test]
fn a_record_built_under_another_policy_replays_with_it() {
    let a = Policy::default();
    let b = Policy::from_patch(r#"{"splits":{"tip_creator_bp":5000}}"#).unwrap();
    let mut book = MemoryLedger::new();
    book.append(&a, &buy("u1", "t1", "premium"), 0).unwrap();
    let tip =
        |id: &str| LedgerEvent::Tip { payer: "u1".into(), creator: "cr1".into(), request_id: id.into(), tokens: 100 };
    assert_eq!(book.append(&a, &tip("r1"), 0).unwrap().record.postings[0].amount, 90);
    assert_eq!(book.append(&b, &tip("r2"), 0).unwrap().record.postings[0].amount, 50);
    let report = check_ledger(&[a.clone(), b], book.records(), None).unwrap();
    assert!(report.finding.is_none(), "{report:?}");
    assert!(check_ledger(&[a], book.records(), None).is_err());
}

#[test]
fn accounts_parse_back_and_refuse_forgeries() {
    for a in [
        Account::Spendable("u1".into()),
        Account::Earnings("c.1".into()),
        Account::Pending("c-1".into()),
        Account::Revenue,
        Account::Fees,
        Account::Referral,
        Account::Purchases,
        Account::Payouts,
    ] {
        assert_eq!(Account::parse(&a.name()).unwrap(), a);
    }
    for bad in ["", "user:u1", "user:u1:earnings", "user::spendable", "user:a:b:spendable", "platform:other"] {
        assert!(Account::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn records_round_trip_through_their_stored_json() {
    let p = Policy::default();
    let mut book = MemoryLedger::new();
    let r = book.append(&p, &buy("u1", "t1", "mini"), 7).unwrap().record;
    let json = r.to_json().unwrap();
    let back: LedgerRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert!(back.hashes_hold());
    assert_eq!(r.prev_hash, GENESIS_HASH);
}

#[test]
fn the_direct_hash_writer_is_the_canonical_json() {
    let p = Policy::default();
    let mut book = MemoryLedger::new();
    book.append(&p, &buy("u1", "t1", "royal"), 7).unwrap();
    book.append(&p, &buy("odd \"id\"\n\t\u{1}\u{7f}é\\", "t2", "mini"), 8).unwrap();
    let tip = LedgerEvent::Tip { payer: "u1".into(), creator: "cr1".into(), request_id: "r".into(), tokens: 100 };
    book.append(&p, &tip, 9).unwrap();
    let e = LedgerEvent::Refund { original_seq: 3 };
    book.append(&p, &e, 10).unwrap();
    for r in book.records() {
        assert_eq!(r.unhashed_json(), r.unhashed_json_generic().unwrap());
    }
    // Strings with every escape, directly in a record.
    let mut r = book.records()[0].clone();
    r.key = "a\"b\\c\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}ż😀".into();
    r.content = "{\"x\":\"\u{2028}\"}".into();
    assert_eq!(r.unhashed_json(), r.unhashed_json_generic().unwrap());
    for k in [
        RecordKind::Purchase,
        RecordKind::MessageCharge,
        RecordKind::Tip,
        RecordKind::Unlock,
        RecordKind::AiUsage,
        RecordKind::ReferralReward,
        RecordKind::WithdrawalRequested,
        RecordKind::WithdrawalApproved,
        RecordKind::WithdrawalPaid,
        RecordKind::WithdrawalRejected,
        RecordKind::WithdrawalFailed,
        RecordKind::Refund,
    ] {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
}
