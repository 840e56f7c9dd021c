//! Vector operations of the `billing` module (SPEC §4.1–4.7).

use super::{arg, opt, out, OpResult};
use avalo_core::billing::{self, ChatMessage, ChatMeter, CreatorRate, Sender};
use avalo_core::Policy;
use serde_json::{json, Value};

fn meter(i: &Value) -> Result<ChatMeter, avalo_core::Error> {
    Ok(opt::<ChatMeter>(i, "meter")?.unwrap_or_default())
}

/// Runs one `billing` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "count_words" => arg::<String>(i, "text").map(|t| json!({"words": billing::count_words(policy, &t)})),
        "count_words_batch" => {
            arg::<Vec<String>>(i, "texts").map(|t| json!({"words": billing::count_words_batch(policy, &t)}))
        }
        "words_per_token" => {
            arg::<bool>(i, "earner_royal").map(|r| json!({"words_per_token": billing::words_per_token(policy, r)}))
        }
        "chat_roles" => {
            (|| Ok(billing::chat_roles(arg(i, "initiator_earns")?, arg(i, "receiver_earns")?)))().and_then(out)
        }
        "preview_message" => (|| {
            billing::preview_message(
                policy,
                &meter(i)?,
                arg::<Sender>(i, "sender")?,
                &arg::<String>(i, "text")?,
                arg(i, "earner_royal")?,
            )
        })()
        .and_then(out),
        "bill_message" => (|| {
            billing::bill_message(
                policy,
                &meter(i)?,
                arg::<Sender>(i, "sender")?,
                &arg::<String>(i, "text")?,
                arg(i, "earner_royal")?,
                arg(i, "payer_balance")?,
            )
        })()
        .and_then(out),
        "bill_messages" => (|| {
            billing::bill_messages(
                policy,
                &meter(i)?,
                &arg::<Vec<ChatMessage>>(i, "messages")?,
                arg(i, "earner_royal")?,
                arg(i, "payer_balance")?,
            )
        })()
        .and_then(out),
        "set_creator_rate" => (|| {
            let current = opt::<CreatorRate>(i, "current")?.unwrap_or_default();
            billing::set_creator_rate(policy, &current, arg(i, "words_per_token")?)
        })()
        .and_then(out),
        "preview_creator_message" => (|| {
            billing::preview_creator_message(
                policy,
                &meter(i)?,
                arg::<Sender>(i, "sender")?,
                &arg::<String>(i, "text")?,
                arg(i, "earner_royal")?,
                &opt::<CreatorRate>(i, "rate")?.unwrap_or_default(),
            )
        })()
        .and_then(out),
        "bill_creator_message" => (|| {
            billing::bill_creator_message(
                policy,
                &meter(i)?,
                arg::<Sender>(i, "sender")?,
                &arg::<String>(i, "text")?,
                arg(i, "earner_royal")?,
                &opt::<CreatorRate>(i, "rate")?.unwrap_or_default(),
                arg(i, "shown_rate_version")?,
                arg(i, "payer_balance")?,
            )
        })()
        .and_then(out),
        "rebase_meter" => (|| billing::rebase_meter(policy, &meter(i)?, arg(i, "earner_royal")?))().and_then(out),
        "validate_meter" => (|| billing::validate_meter(policy, &meter(i)?))().map(|()| json!({"valid": true})),
        _ => return None,
    };
    Some(r)
}
