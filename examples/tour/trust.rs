//! Quickstart sections for the money ledger (SPEC §12), trust and safety (§14, §16) and signed
//! policy updates (§17).

use avalo_core::creator;
use avalo_core::ledger::{LedgerEvent, MemoryLedger, RecordKind};
use avalo_core::moderation::{self, TextField};
use avalo_core::payout::PayoutMethod;
use avalo_core::policy::envelope::{self, PolicyActivation};
use avalo_core::Policy;

const NOW: i64 = 1_795_176_000_000; // Friday 2026-11-20 12:00 UTC

pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    ledger(policy)?;
    safety(policy)?;
    signed_update(policy)
}

fn ledger(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Money ledger (SPEC §12): double entry, idempotent, hash-chained");
    let mut book = MemoryLedger::new();
    let purchase = LedgerEvent::Purchase {
        payer: "fan_1".into(),
        store: "apple".into(),
        store_txn_id: "txn-77".into(),
        pack: Some("pro".into()),
        pln_minor: None,
    };
    book.append(policy, &purchase, NOW)?;
    let tip = LedgerEvent::Tip {
        payer: "fan_1".into(),
        creator: "creator_9".into(),
        request_id: "r-1".into(),
        tokens: 1_000,
    };
    book.append(policy, &tip, NOW + 1_000)?;
    let request = LedgerEvent::WithdrawalRequested {
        creator: "creator_9".into(),
        request_id: "payout-2026-11".into(),
        amount: 800,
        method: PayoutMethod::BankTransfer,
        kyc_verified: true,
    };
    // The creator taps "withdraw" three times (a flaky network): one request, reserved once.
    for attempt in 1..=3 {
        let built = book.append(policy, &request, NOW + 2_000 + attempt)?;
        println!(
            "  withdrawal request, attempt {attempt}: seq {} {}",
            built.record.seq,
            if built.replayed { "(replayed: nothing appended)" } else { "(appended)" }
        );
    }
    let request_seq = book.records().iter().find(|r| r.kind == RecordKind::WithdrawalRequested).map_or(0, |r| r.seq);
    book.append(policy, &LedgerEvent::WithdrawalApproved { request_seq }, NOW + 3_000)?;
    let paid = LedgerEvent::WithdrawalPaid { request_seq, payout_ref: Some("SEPA-1".into()) };
    for attempt in 1..=3 {
        let built = book.append(policy, &paid, NOW + 4_000 + attempt)?;
        if attempt == 1 || built.replayed {
            println!("  payout, attempt {attempt}: seq {} replayed={}", built.record.seq, built.replayed);
        }
    }
    let payouts = book.records().iter().filter(|r| r.kind == RecordKind::WithdrawalPaid).count();
    let report = avalo_core::ledger::check_ledger(std::slice::from_ref(policy), book.records(), None)?;
    println!(
        "  {} records, {payouts} payout (paid once), chain verified: {}",
        report.records_checked,
        report.finding.is_none()
    );
    let stats = creator::creator_analytics("creator_9", book.records(), NOW - 86_400_000, NOW + 86_400_000, None)?;
    println!("  creator_9 earned {} tokens today (tip 90 %)", stats.total.earned);
    Ok(())
}

fn safety(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Trust and safety (SPEC §14): banned terms survive obfuscation");
    let text = "send it on v3nm0 or c a s h a p p thx ❤";
    let s = moderation::screen_terms(policy, text);
    for m in &s.matches {
        let start = usize::try_from(m.start).unwrap_or(0);
        let end = usize::try_from(m.end).unwrap_or(0);
        println!("  {:?} → term {:?} ({}, {:?})", text.get(start..end).unwrap_or("?"), m.term, m.category, m.severity);
    }
    match moderation::screen_text(policy, TextField::Message, "jail\u{200B}b4it pics") {
        Err(e) => println!("  a message hiding a blocked term behind a zero-width space → {}", e.code),
        Ok(t) => println!("  unexpectedly accepted: {:?}", t.text),
    }
    Ok(())
}

fn signed_update(active: &Policy) -> avalo_core::Result<()> {
    println!("\n== Signed policy updates (SPEC §17)");
    let seed = [7u8; 32]; // an operator's key seed (from the OS random source in `avalo policy keygen`)
    let key = envelope::keyring_entry_for_seed(&seed, NOW - 86_400_000, NOW + 365 * 86_400_000)?;
    let mut rules = active.rules().clone();
    rules.splits.chat_creator_bp = avalo_core::BasisPoints::new(7_000)?;
    let payload = serde_json::to_string(&rules).map_err(|e| avalo_core::Error::invalid(e.to_string()))?;
    let signed = envelope::sign_policy_envelope(&seed, 42, NOW - 1_000, NOW + 30 * 86_400_000, &payload)?;
    let json = serde_json::to_string(&signed).map_err(|e| avalo_core::Error::invalid(e.to_string()))?;
    let newer = match envelope::activate_policy_envelope(active, &json, std::slice::from_ref(&key), NOW)? {
        PolicyActivation::Activated(p) => *p,
        PolicyActivation::AlreadyActive => active.clone(),
    };
    println!(
        "  envelope serial 42 from key {} verified: chat creator share {} bp, fingerprint {}",
        key.key_id,
        newer.splits.chat_creator_bp.get(),
        &newer.fingerprint()[..16]
    );
    let older = envelope::sign_policy_envelope(&seed, 41, NOW - 1_000, NOW + 86_400_000, &payload)?;
    let older = serde_json::to_string(&older).map_err(|e| avalo_core::Error::invalid(e.to_string()))?;
    match envelope::activate_policy_envelope(&newer, &older, std::slice::from_ref(&key), NOW) {
        Err(e) => println!("  an older envelope (serial 41) over serial 42 → {} (the app keeps serial 42)", e.code),
        Ok(_) => println!("  an older envelope was accepted (unexpected)"),
    }
    Ok(())
}
