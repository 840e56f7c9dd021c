//! Why a limiter call failed, and which failures the action's failure policy answers.

use redis::RedisError;

/// Why a check failed.
#[derive(Debug)]
pub enum LimiterError {
    /// Redis could not be reached, did not answer within the response timeout, or answered an
    /// error. The connection is dropped and the next call connects again.
    Store(RedisError),
    /// No connection to Redis within the connect timeout (Redis is down, paused or far away).
    Unreachable(String),
    /// The stored value is not a state this limiter writes (see the crate doc, "Corrupt
    /// values"): not a canonical non-negative decimal integer, another Redis type, or a time
    /// further ahead than any decision can produce. The key has been deleted (best effort), so
    /// the next call starts the subject with a full bucket.
    CorruptState(String),
    /// Every compare-and-set lost a race with another server, `attempts` times in a row.
    Contended {
        /// How many read–decide–write rounds were tried.
        attempts: u32,
    },
    /// The core refused the input (for example a cost above the burst): the caller's bug.
    Core(avalo_core::Error),
    /// The limiter's configuration or URL is unusable (returned by `connect` only).
    Config(String),
}

impl LimiterError {
    /// Whether this is a failure of the store (answered by the action's failure policy in
    /// [`check_or_fallback`](crate::RedisLimiter::check_or_fallback)) rather than of the call.
    pub fn is_store_failure(&self) -> bool {
        matches!(
            self,
            LimiterError::Store(_)
                | LimiterError::Unreachable(_)
                | LimiterError::CorruptState(_)
                | LimiterError::Contended { .. }
        )
    }
}

impl std::fmt::Display for LimiterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LimiterError::Store(e) => write!(f, "limiter store: {e}"),
            LimiterError::Unreachable(why) => write!(f, "limiter store unreachable: {why}"),
            LimiterError::CorruptState(s) => write!(f, "limiter state {s:?} is not a valid state (deleted)"),
            LimiterError::Contended { attempts } => {
                write!(f, "limiter state changed under every one of {attempts} compare-and-set attempts")
            }
            LimiterError::Core(e) => write!(f, "{e}"),
            LimiterError::Config(why) => write!(f, "limiter configuration: {why}"),
        }
    }
}

impl std::error::Error for LimiterError {}

impl From<RedisError> for LimiterError {
    fn from(e: RedisError) -> Self {
        LimiterError::Store(e)
    }
}
