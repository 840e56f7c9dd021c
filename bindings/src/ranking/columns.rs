//! The columnar deck input of `core/src/ranking/columns.rs` for Swift and Kotlin.

use avalo_core::ranking as core;

/// A deck as columns (one FFI value per column instead of one record per candidate): entry
/// `i` of every list describes candidate `i`; `user_ids` holds the ids joined with `"\n"`.
/// `flags` bits: 1 active, 2 verified, 4 Royal, 8 video intro, 16 bio, 32 location set,
/// 64 last-active set. Gender codes: 0 none, 1 female, 2 male, 3 non-binary. Birth dates are
/// `yyyymmdd` numbers (0 = none); a boost is active while `now < boost_until_ms` (0 = none).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CandidateColumns {
    /// User ids joined with `"\n"`.
    pub user_ids: String,
    /// Flag bits per candidate.
    pub flags: Vec<u8>,
    /// Photos.
    pub photos: Vec<u32>,
    /// Interests.
    pub interests: Vec<u32>,
    /// Loyalty levels.
    pub loyalty_levels: Vec<u32>,
    /// Reports.
    pub reports: Vec<u32>,
    /// Gender codes (bytes).
    pub genders: Vec<u8>,
    /// Birth dates as `yyyymmdd`.
    pub birth_dates: Vec<u32>,
    /// Latitudes, degrees.
    pub latitudes: Vec<f64>,
    /// Longitudes, degrees.
    pub longitudes: Vec<f64>,
    /// Response rates.
    pub response_rates: Vec<f64>,
    /// Last activity, ms.
    pub last_active_ms: Vec<i64>,
    /// Paid boost end, ms.
    pub boost_until_ms: Vec<i64>,
}

impl From<CandidateColumns> for core::CandidateColumns {
    fn from(c: CandidateColumns) -> Self {
        let CandidateColumns {
            user_ids,
            flags,
            photos,
            interests,
            loyalty_levels,
            reports,
            genders,
            birth_dates,
            latitudes,
            longitudes,
            response_rates,
            last_active_ms,
            boost_until_ms,
        } = c;
        core::CandidateColumns {
            user_ids,
            flags,
            photos,
            interests,
            loyalty_levels,
            reports,
            genders,
            birth_dates,
            latitudes,
            longitudes,
            response_rates,
            last_active_ms,
            boost_until_ms,
        }
    }
}
