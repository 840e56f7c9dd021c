//! Creator tools (SPEC §16): earnings analytics over ledger records ([`analytics`]) and the
//! creator's own message rate (implemented with the chat meter in [`crate::billing`] and
//! re-exported here).

pub mod analytics;

pub use crate::billing::{bill_creator_message, preview_creator_message, set_creator_rate, CreatorRate};
pub use analytics::{creator_analytics, BucketEarnings, CreatorAnalytics, EarningStream, StreamEarnings, TopFan};
