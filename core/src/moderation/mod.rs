//! Moderation (SPEC §14): the media verdict from the host's stage scores, and the sanitiser for
//! user-visible text.
//!
//! The stage providers (OCR, NSFW, toxicity, sexual content) run on the host; the core turns
//! their scores into the media state and its reasons ([`verdict`]), and cleans text before it
//! is stored ([`sanitise`]).

mod normalise;
pub mod sanitise;
pub mod screen;
pub mod terms;
pub mod verdict;

pub use sanitise::{escape_html, is_linkable, sanitise_text, TextField, TextPolicy};
pub use screen::{screen_text, ScreenedText};
pub use terms::{
    screen_terms, BannedTerm, CharMapping, TermMatch, TermMatchKind, TermMatcher, TermScreening, TermSeverity,
    TermsPolicy,
};
pub use verdict::{media_verdict, MediaScores, MediaVerdict, Stage, StageThresholds, ThresholdCrossed, ThresholdLevel};

use crate::policy::PolicyProblem;
use crate::upload::UploadPurpose;
use serde::{Deserialize, Serialize};

/// Moderation section of the policy (SPEC §14).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ModerationPolicy {
    /// Stage thresholds per upload purpose (§14.1). Alike by default: nsfw 7 000 / 9 500,
    /// toxicity 6 000 / 9 000, sexual 7 000 / 9 500 bp.
    pub thresholds: PurposeThresholds,
    /// Length limits and clean-up bounds of the text sanitiser (§14.3).
    pub text: TextPolicy,
    /// Banned terms and the normalisation maps (§14.2).
    pub terms: TermsPolicy,
}

impl ModerationPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        let t = &self.thresholds;
        for (name, s) in [
            ("profile_photo", &t.profile_photo),
            ("feed_image", &t.feed_image),
            ("story_video", &t.story_video),
            ("chat_image", &t.chat_image),
            ("chat_video", &t.chat_video),
            ("chat_audio", &t.chat_audio),
            ("creator_content", &t.creator_content),
        ] {
            s.validate(&format!("{path}.thresholds.{name}"), p);
        }
        self.text.validate(&format!("{path}.text"), p);
        self.terms.validate(&format!("{path}.terms"), p);
    }
}

/// The stage thresholds of every upload purpose (SPEC §9.2, §14.1), one field per purpose.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct PurposeThresholds {
    /// Profile photos.
    pub profile_photo: StageThresholds,
    /// Feed images.
    pub feed_image: StageThresholds,
    /// Story videos.
    pub story_video: StageThresholds,
    /// Images in a chat.
    pub chat_image: StageThresholds,
    /// Videos in a chat.
    pub chat_video: StageThresholds,
    /// Audio in a chat.
    pub chat_audio: StageThresholds,
    /// Creator content.
    pub creator_content: StageThresholds,
}

impl PurposeThresholds {
    /// The thresholds of one upload purpose.
    pub fn of(&self, purpose: UploadPurpose) -> &StageThresholds {
        match purpose {
            UploadPurpose::ProfilePhoto => &self.profile_photo,
            UploadPurpose::FeedImage => &self.feed_image,
            UploadPurpose::StoryVideo => &self.story_video,
            UploadPurpose::ChatImage => &self.chat_image,
            UploadPurpose::ChatVideo => &self.chat_video,
            UploadPurpose::ChatAudio => &self.chat_audio,
            UploadPurpose::CreatorContent => &self.creator_content,
        }
    }
}
