//! The quickstart: a readable tour of what Avalo Core computes on the built-in policy.
//! Run it with `cargo run -p avalo-examples --bin quickstart`.

#[path = "tour/upload.rs"]
mod tour_upload;

use avalo_core::payout::{quote_withdrawal, PayoutMethod, WithdrawalRequest};
use avalo_core::pricing::{self, SubscriptionTier};
use avalo_core::split::{self, CumulativeSplit, RevenueStream};
use avalo_core::{Currency, Decimal, Money, Policy};

#[path = "tour/billing.rs"]
mod billing_tour;
#[path = "tour/launch.rs"]
mod tour_launch;
#[path = "tour/ops.rs"]
mod tour_ops;
#[path = "tour/ranking.rs"]
mod tour_ranking;
#[path = "tour/ratelimit.rs"]
mod tour_ratelimit;
#[path = "tour/trust.rs"]
mod tour_trust;

fn main() {
    if let Err(e) = tour() {
        eprintln!("quickstart failed: {e}");
        std::process::exit(1);
    }
}

fn tour() -> avalo_core::Result<()> {
    let policy = Policy::default();
    println!("Avalo Core quickstart — built-in policy {} ({})", policy.version(), &policy.fingerprint()[..16]);

    println!("\n== Token packs (SPEC §2.1)");
    let gbp = Currency::from_code("GBP")?;
    let fx: Decimal = "0.185".parse().map_err(|_| avalo_core::Error::invalid("fx"))?;
    for (pln, gb) in
        pricing::list_packs(&policy, Currency::PLN, None)?.iter().zip(pricing::list_packs(&policy, gbp, Some(fx))?)
    {
        let star = if pln.popular { " (popular)" } else { "" };
        println!(
            "  {:<9} {:>6} tokens  {:>12}  {:>10} at 0.185 GBP/PLN{star}",
            pln.pack_id,
            pln.tokens,
            pln.price.to_string(),
            gb.price.to_string()
        );
    }
    let combo = pricing::cheapest_pack_combination(&policy, 2600, Currency::PLN, None)?;
    let parts: Vec<String> = combo.packs.iter().map(|p| format!("{}×{}", p.count, p.pack_id)).collect();
    println!("  cheapest way to get 2 600 tokens: {} = {}", parts.join(" + "), combo.total_price);
    let sixty = Money::parse("0.60", Currency::PLN)?;
    println!("  {} settles as {} tokens (20 grosze each)", sixty, pricing::pln_to_tokens(&policy, sixty)?);
    println!(
        "  Plus subscription: {}",
        pricing::subscription_price(&policy, SubscriptionTier::Plus, Currency::PLN, None)?
    );

    println!("\n== Revenue splits (SPEC §3): creator + platform == amount, always");
    for (stream, amount) in [(RevenueStream::Chat, 101), (RevenueStream::GatedContent, 7), (RevenueStream::Tip, 101)] {
        let s = split::split_revenue(&policy, stream, amount);
        println!(
            "  {:<14} {:>4} tokens → creator {:>3} + platform {:>3}",
            format!("{stream:?}"),
            amount,
            s.creator,
            s.platform
        );
    }
    let batch = split::split_cumulative_batch(&policy, RevenueStream::Chat, CumulativeSplit::default(), &[1; 100])?;
    println!(
        "  100 one-token chat payments, split cumulatively → creator {} + platform {}",
        batch.creator, batch.platform
    );
    match split::split_tip(&policy, "alice", "alice", 50) {
        Err(e) => println!("  alice tipping herself → {}", e.code),
        Ok(_) => println!("  alice tipping herself was allowed (unexpected)"),
    }

    println!("\n== Withdrawal (SPEC §3.6)");
    let q = quote_withdrawal(
        &policy,
        &WithdrawalRequest {
            amount: 501,
            available_balance: 2_000,
            kyc_verified: true,
            method: PayoutMethod::BankTransfer,
            requested_at_ms: 1_795_176_000_000, // Friday 2026-11-20 12:00 UTC
        },
    )?;
    println!(
        "  501 tokens → fee {} (2 % rounded up), net {} tokens = {}, arrives {} to {}",
        q.fee, q.net_tokens, q.payout, q.earliest_date, q.latest_date
    );
    tour_launch::tour(&policy)?;
    tour_ops::tour(&policy)?;
    billing_tour::tour(&policy)?;
    tour_ranking::tour(&policy)?;
    tour_ratelimit::tour(&policy)?;
    tour_upload::tour(&policy)?;
    tour_trust::tour(&policy)?;
    Ok(())
}
