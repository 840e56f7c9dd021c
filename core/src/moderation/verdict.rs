//! The media verdict (SPEC §14.1): from the stage scores a host's providers computed, the media
//! state and every reason.
//!
//! First match wins: a stage not run → `pending`; a `block` term or a score at its rejected
//! threshold (inclusive) → `rejected`; a `review` term or a score at its flagged threshold →
//! `flagged`; else `approved`. Every threshold
//! crossed is listed (a rejected-level score lists its flagged threshold too). No flag switches
//! the verdict off.
//!
//! The OCR text and the caption are screened for banned terms (§14.2) separately, each list of
//! matches naming its text: a `block` term counts as a rejected-level finding, a `review` term
//! as a flagged-level one.

use super::terms::{TermMatch, TermSeverity};
use crate::error::{Error, Result};
use crate::media::ModerationState;
use crate::money::BasisPoints;
use crate::policy::{check, Policy, PolicyProblem};
use crate::upload::UploadPurpose;
use serde::{Deserialize, Serialize};

/// A moderation stage that produces a score (SPEC §14.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Nudity classifier.
    Nsfw,
    /// Toxicity classifier (OCR text and captions).
    Toxicity,
    /// Sexual-content classifier.
    Sexual,
}

/// Which threshold a score reached.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ThresholdLevel {
    /// The score is at or above the stage's flagged threshold.
    Flagged,
    /// The score is at or above the stage's rejected threshold.
    Rejected,
}

/// One stage's two thresholds, inclusive, in basis points.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct StageThreshold {
    /// A score at or above this is `flagged`.
    pub flagged_bp: u32,
    /// A score at or above this is `rejected`.
    pub rejected_bp: u32,
}

/// The thresholds of the three scored stages for one upload purpose.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct StageThresholds {
    /// Nudity: 7 000 / 9 500 bp.
    pub nsfw: StageThreshold,
    /// Toxicity: 6 000 / 9 000 bp.
    pub toxicity: StageThreshold,
    /// Sexual content: 7 000 / 9 500 bp.
    pub sexual: StageThreshold,
}

impl Default for StageThresholds {
    fn default() -> Self {
        StageThresholds {
            nsfw: StageThreshold { flagged_bp: 7_000, rejected_bp: 9_500 },
            toxicity: StageThreshold { flagged_bp: 6_000, rejected_bp: 9_000 },
            sexual: StageThreshold { flagged_bp: 7_000, rejected_bp: 9_500 },
        }
    }
}

impl StageThresholds {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for (name, t) in [("nsfw", self.nsfw), ("toxicity", self.toxicity), ("sexual", self.sexual)] {
            check(
                0 < t.flagged_bp && t.flagged_bp <= t.rejected_bp && t.rejected_bp <= BasisPoints::FULL.get(),
                p,
                format!("{path}.{name}"),
                "must satisfy 0 < flagged_bp <= rejected_bp <= 10000",
            );
        }
    }

    /// The threshold pair of a stage.
    #[must_use]
    pub fn of(&self, stage: Stage) -> StageThreshold {
        match stage {
            Stage::Nsfw => self.nsfw,
            Stage::Toxicity => self.toxicity,
            Stage::Sexual => self.sexual,
        }
    }
}

/// The scores the host's providers computed, 0–10 000 bp each; `None`: the stage did not run.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MediaScores {
    /// Nudity score, bp.
    #[serde(default)]
    pub nsfw: Option<u32>,
    /// Toxicity score, bp.
    #[serde(default)]
    pub toxicity: Option<u32>,
    /// Sexual-content score, bp.
    #[serde(default)]
    pub sexual: Option<u32>,
}

impl MediaScores {
    fn of(&self, stage: Stage) -> Option<u32> {
        match stage {
            Stage::Nsfw => self.nsfw,
            Stage::Toxicity => self.toxicity,
            Stage::Sexual => self.sexual,
        }
    }
}

/// One threshold a score reached.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ThresholdCrossed {
    /// The stage.
    pub stage: Stage,
    /// The threshold reached.
    pub level: ThresholdLevel,
    /// The stage's score, bp.
    pub score_bp: u32,
    /// The threshold, bp.
    pub threshold_bp: u32,
}

/// The media verdict: the state to store and why.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MediaVerdict {
    /// `approved`, `pending` (a stage did not run), `flagged` or `rejected`.
    pub state: ModerationState,
    /// The stages that did not run, in stage order (nsfw, toxicity, sexual).
    pub missing: Vec<Stage>,
    /// Every threshold crossed, in stage order, flagged before rejected.
    pub crossed: Vec<ThresholdCrossed>,
    /// Banned terms found in the OCR text (spans in that text).
    pub ocr_matches: Vec<TermMatch>,
    /// Banned terms found in the caption (spans in the caption).
    pub caption_matches: Vec<TermMatch>,
    /// Fingerprint of the policy that decided.
    pub policy_fingerprint: String,
}

const STAGES: [Stage; 3] = [Stage::Nsfw, Stage::Toxicity, Stage::Sexual];

/// Decides a media item's moderation state from its stage scores and the banned terms in its
/// OCR text and caption (SPEC §14.1).
///
/// Errors: `INVALID_INPUT` for a score above 10 000 bp.
pub fn media_verdict(
    policy: &Policy,
    purpose: UploadPurpose,
    scores: &MediaScores,
    ocr_text: Option<&str>,
    caption: Option<&str>,
) -> Result<MediaVerdict> {
    let thresholds = *policy.moderation.thresholds.of(purpose);
    let mut missing = Vec::new();
    let mut crossed = Vec::new();
    for stage in STAGES {
        let Some(score) = scores.of(stage) else {
            missing.push(stage);
            continue;
        };
        if score > BasisPoints::FULL.get() {
            return Err(Error::invalid(format!("{stage:?} score {score} bp is above 10000")));
        }
        let t = thresholds.of(stage);
        if score >= t.flagged_bp {
            crossed.push(ThresholdCrossed {
                stage,
                level: ThresholdLevel::Flagged,
                score_bp: score,
                threshold_bp: t.flagged_bp,
            });
        }
        if score >= t.rejected_bp {
            crossed.push(ThresholdCrossed {
                stage,
                level: ThresholdLevel::Rejected,
                score_bp: score,
                threshold_bp: t.rejected_bp,
            });
        }
    }
    let screen = |t: Option<&str>| t.map(|t| policy.term_matcher().screen(t).matches).unwrap_or_default();
    let ocr_matches = screen(ocr_text);
    let caption_matches = screen(caption);
    let term_at = |s: TermSeverity| ocr_matches.iter().chain(&caption_matches).any(|m| m.severity == s);
    let state = if !missing.is_empty() {
        ModerationState::Pending
    } else if term_at(TermSeverity::Block) || crossed.iter().any(|c| c.level == ThresholdLevel::Rejected) {
        ModerationState::Rejected
    } else if term_at(TermSeverity::Review) || !crossed.is_empty() {
        ModerationState::Flagged
    } else {
        ModerationState::Approved
    };
    Ok(MediaVerdict {
        state,
        missing,
        crossed,
        ocr_matches,
        caption_matches,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(n: Option<u32>, t: Option<u32>, s: Option<u32>) -> MediaScores {
        MediaScores { nsfw: n, toxicity: t, sexual: s }
    }

    fn state(sc: MediaScores) -> ModerationState {
        match media_verdict(&Policy::default(), UploadPurpose::FeedImage, &sc, None, None) {
            Ok(v) => v.state,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn thresholds_are_inclusive_and_ordered() {
        assert_eq!(state(scores(Some(6_999), Some(5_999), Some(6_999))), ModerationState::Approved);
        assert_eq!(state(scores(Some(7_000), Some(0), Some(0))), ModerationState::Flagged);
        assert_eq!(state(scores(Some(0), Some(6_000), Some(0))), ModerationState::Flagged);
        assert_eq!(state(scores(Some(9_499), Some(8_999), Some(9_499))), ModerationState::Flagged);
        assert_eq!(state(scores(Some(9_500), Some(0), Some(0))), ModerationState::Rejected);
        assert_eq!(state(scores(Some(0), Some(9_000), Some(0))), ModerationState::Rejected);
        assert_eq!(state(scores(Some(0), Some(0), Some(9_500))), ModerationState::Rejected);
    }

    #[test]
    fn a_missing_stage_is_pending_first() {
        assert_eq!(state(scores(None, Some(0), Some(0))), ModerationState::Pending);
        assert_eq!(state(scores(Some(10_000), Some(0), None)), ModerationState::Pending);
    }

    #[test]
    fn a_rejected_score_lists_its_flagged_threshold_too() {
        let v = media_verdict(
            &Policy::default(),
            UploadPurpose::ProfilePhoto,
            &scores(Some(9_600), Some(6_000), Some(1)),
            None,
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let levels: Vec<_> = v.crossed.iter().map(|c| (c.stage, c.level)).collect();
        assert_eq!(
            levels,
            vec![
                (Stage::Nsfw, ThresholdLevel::Flagged),
                (Stage::Nsfw, ThresholdLevel::Rejected),
                (Stage::Toxicity, ThresholdLevel::Flagged)
            ]
        );
    }

    #[test]
    fn terms_in_the_ocr_text_and_caption_count_and_name_their_text() {
        let p = Policy::default();
        let clean = scores(Some(0), Some(0), Some(0));
        let v = media_verdict(&p, UploadPurpose::FeedImage, &clean, Some("pay me on venmo"), Some("hi"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.state, ModerationState::Flagged);
        assert_eq!((v.ocr_matches.len(), v.caption_matches.len()), (1, 0));
        let v = media_verdict(&p, UploadPurpose::FeedImage, &clean, None, Some("preteen"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.state, ModerationState::Rejected);
        assert_eq!(v.caption_matches.len(), 1);
        // A missing stage still wins.
        let v = media_verdict(&p, UploadPurpose::FeedImage, &scores(None, Some(0), Some(0)), None, Some("preteen"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.state, ModerationState::Pending);
    }

    #[test]
    fn a_score_above_10000_is_refused() {
        let e = media_verdict(
            &Policy::default(),
            UploadPurpose::FeedImage,
            &scores(Some(10_001), Some(0), Some(0)),
            None,
            None,
        );
        assert_eq!(e.map_err(|e| e.code), Err(crate::ErrorCode::InvalidInput));
    }
}
