//! Quickstart section: a short paid chat (SPEC §4): who pays, free messages, billed replies
//! with the running 65/35 split, a price preview, an insufficient balance, spam verdicts.

use avalo_core::billing::{self, ChatMeter, Sender};
use avalo_core::spam::{check_spam, RecentMessage};
use avalo_core::Policy;

/// Prints the billing section of the tour.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Paid chat (SPEC §4)");
    let roles = billing::chat_roles(false, true);
    println!(
        "  Adam (initiator) chats with Ewa, who earns from chat → payer {:?}, earner {:?}",
        roles.payer, roles.earner
    );
    for text in ["I ❤️ you", "Zażółć gęślą jaźń 🇵🇱", "see https://avalo.app/ewa now", "東京タワー", "e-mail"]
    {
        println!("  {:<32} → {} words", format!("\"{text}\""), billing::count_words(policy, text));
    }
    let chat = [
        (Sender::Payer, "Hi Ewa! How was your trip to Kraków?"),
        (Sender::Earner, "It was lovely, thanks for asking 😊"),
        (Sender::Payer, "What did you see?"),
        (Sender::Earner, "The old town and the castle."),
        (Sender::Earner, "We walked along the river every evening and ate far too many pierogi, honestly."),
        (Sender::Payer, "Sounds perfect"),
        (Sender::Earner, "You should go in spring when the parks are green and the cafés put their tables outside."),
    ];
    let mut meter = ChatMeter::new(false);
    let mut balance = 50u64;
    println!(
        "  Ewa earns at {} words per token; the first {} messages of the chat are free",
        billing::words_per_token(policy, false),
        policy.billing.free_messages
    );
    for (sender, text) in chat {
        let c = billing::bill_message(policy, &meter, sender, text, false, balance)?;
        balance -= c.tokens_due;
        let what = if c.free {
            "free".to_string()
        } else if c.billed {
            format!("{:>2} words → {} token(s)", c.words, c.tokens_due)
        } else {
            "payer, not billed".to_string()
        };
        println!(
            "  {:<6} {:<28} creator {:>2} / platform {:>2} (cumulative)",
            format!("{sender:?}"),
            what,
            c.meter.creator_tokens,
            c.meter.platform_tokens()
        );
        meter = c.meter;
    }
    let long = "word ".repeat(60);
    let preview = billing::preview_message(policy, &meter, Sender::Earner, &long, false)?;
    println!(
        "  preview of a 60-word reply: {} tokens due ({} words billed so far)",
        preview.tokens_due, meter.billed_words
    );
    match billing::bill_message(policy, &meter, Sender::Earner, &long, false, 2) {
        Err(e) => println!("  with 2 tokens left → {} ({})", e.code, e.reason),
        Ok(_) => println!("  with 2 tokens left → billed (unexpected)"),
    }
    let now = 1_795_176_000_000;
    let recent = vec![RecentMessage { text: "Hi Ewa! How was your trip to Kraków?".into(), sent_at_ms: now - 400 }];
    for text in ["hello!", "😀😀😀", "Are you free on Saturday?", "ok"] {
        let v = check_spam(policy, text, &recent, now);
        println!("  spam check {:<28} → {}", format!("\"{text}\""), v.code.map_or("ok".to_string(), |c| c.to_string()));
    }
    Ok(())
}
