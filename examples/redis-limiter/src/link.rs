//! The limiter's connection to Redis: every wait bounded, and replaced after any failure.
//!
//! - **Connecting** happens on a helper thread, waited for at most the connect timeout: the
//!   `redis` crate bounds the TCP connect but not the handshake that follows it, which blocks
//!   for ever on a paused server. At most one attempt is in flight per limiter: a call that
//!   finds the previous attempt still blocked waits for that one again instead of starting
//!   another, so a long stall costs one parked thread, not one per call.
//! - **Answers** wait at most the response timeout (socket read and write timeouts).
//! - **After any error** but an error reply from the server, the connection is dropped and the
//!   next command connects again: after a timeout the late answer would otherwise be read as
//!   the answer to the next command, and after a Redis restart the old socket is dead. This is
//!   the reconnect.
//! - A **read-only** command that fails on a connection reused from an earlier call (not by
//!   timing out) is retried once on a new connection, so the first call after a restart
//!   already decides instead of falling back to the failure policy.

use crate::LimiterError;
use redis::{Client, Connection, RedisResult};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

pub(crate) struct Link {
    client: Client,
    connect_timeout: Duration,
    response_timeout: Duration,
    conn: Option<Connection>,
    pending: Option<Receiver<RedisResult<Connection>>>,
    /// Connections made so far.
    pub(crate) connects: u64,
}

impl Link {
    pub(crate) fn new(client: Client, connect_timeout: Duration, response_timeout: Duration) -> Link {
        Link { client, connect_timeout, response_timeout, conn: None, pending: None, connects: 0 }
    }

    /// The open connection, or a new one within the connect timeout.
    pub(crate) fn connection(&mut self) -> Result<&mut Connection, LimiterError> {
        if self.conn.is_none() {
            let attempt = match self.pending.take() {
                Some(attempt) => attempt,
                None => self.start_connecting()?,
            };
            let conn = match attempt.recv_timeout(self.connect_timeout) {
                Ok(made) => made?,
                Err(RecvTimeoutError::Timeout) => {
                    self.pending = Some(attempt);
                    return Err(LimiterError::Unreachable(format!(
                        "no connection within the connect timeout ({:?})",
                        self.connect_timeout
                    )));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(LimiterError::Unreachable("the connection attempt ended without a result".into()))
                }
            };
            conn.set_read_timeout(Some(self.response_timeout))?;
            conn.set_write_timeout(Some(self.response_timeout))?;
            self.connects += 1;
            self.conn = Some(conn);
        }
        self.conn.as_mut().ok_or_else(|| LimiterError::Unreachable("no connection".into()))
    }

    fn start_connecting(&self) -> Result<Receiver<RedisResult<Connection>>, LimiterError> {
        let (tx, rx) = mpsc::channel();
        let (client, timeout) = (self.client.clone(), self.connect_timeout);
        std::thread::Builder::new()
            .name("redis-limiter-connect".into())
            .spawn(move || {
                let _ = tx.send(client.get_connection_with_timeout(timeout));
            })
            .map_err(|e| LimiterError::Unreachable(format!("cannot start a connection attempt: {e}")))?;
        Ok(rx)
    }

    /// Runs one command. On an error the connection is dropped (see the module doc), except
    /// after an error reply from the server (such as `WRONGTYPE`), which leaves it in step.
    pub(crate) fn run<T>(
        &mut self,
        command: impl FnOnce(&mut Connection) -> RedisResult<T>,
    ) -> Result<T, LimiterError> {
        let conn = self.connection()?;
        command(conn).map_err(|e| {
            if e.is_io_error() || e.code().is_none() {
                self.conn = None;
            }
            LimiterError::Store(e)
        })
    }

    /// [`run`](Self::run) for a read-only command, retried once on a new connection when it
    /// failed, other than by a timeout, on a connection reused from an earlier call.
    pub(crate) fn read<T>(&mut self, command: impl Fn(&mut Connection) -> RedisResult<T>) -> Result<T, LimiterError> {
        let reused = self.conn.is_some();
        match self.run(&command) {
            Err(LimiterError::Store(e)) if reused && e.is_io_error() && !e.is_timeout() => self.run(&command),
            other => other,
        }
    }
}
