//! The limiter's settings: timeouts, the retry bound, the clock-skew allowance, key expiry.

use std::time::Duration;

/// How a [`RedisLimiter`](crate::RedisLimiter) talks to Redis. Start from
/// `LimiterConfig::default()` and change what you need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimiterConfig {
    /// How long to wait for a connection (TCP connect and handshake). Default 300 ms.
    pub connect_timeout: Duration,
    /// How long to wait for each answer (and for each write to the socket). Default 300 ms.
    pub response_timeout: Duration,
    /// Read–decide–write rounds before a call gives up on a key other servers keep changing
    /// ([`LimiterError::Contended`](crate::LimiterError::Contended)). Default 8, at least 1.
    pub max_attempts: u32,
    /// How far a stored state may run ahead of the fullest state this server's clock allows
    /// (another server's clock may be ahead) before it counts as corrupt. Default 60 s.
    pub max_clock_skew: Duration,
    /// Give keys a TTL at the moment their bucket is full again (plus a second), so idle
    /// subjects cost no memory. Only with `now_ms` from the real clock: Redis expires keys in
    /// real time. Default off.
    pub expire: bool,
}

impl Default for LimiterConfig {
    fn default() -> Self {
        LimiterConfig {
            connect_timeout: Duration::from_millis(300),
            response_timeout: Duration::from_millis(300),
            max_attempts: 8,
            max_clock_skew: Duration::from_secs(60),
            expire: false,
        }
    }
}

impl LimiterConfig {
    /// The settings' problems: a zero timeout (which the socket would read as "none") or zero
    /// attempts.
    pub fn problems(&self) -> Option<String> {
        if self.connect_timeout.is_zero() || self.response_timeout.is_zero() {
            Some("timeouts must be above zero".to_string())
        } else if self.max_attempts == 0 {
            Some("max_attempts must be at least 1".to_string())
        } else {
            None
        }
    }
}
