//! The tests' own `redis-server`: on 127.0.0.1, on a free port picked at random, without
//! persistence, killed when dropped. It can be stopped and started again on the same port (a
//! restart loses every key, as a Redis without persistence does) and paused (SIGSTOP) and
//! resumed (SIGCONT). Starting it is skipped (with a message) only when `redis-server` is not
//! installed, and never when the `CI` environment variable is set (CI installs it:
//! scripts/setup-toolchains.sh).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A `redis-server` child process.
pub struct Server {
    child: Option<Child>,
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    /// `redis://127.0.0.1:<port>/`.
    pub url: String,
    dir: std::path::PathBuf,
}

/// A free TCP port on 127.0.0.1 (nothing listens on it once this returns).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Whether the tests can run: `redis-server` is installed (or CI, where it must be).
pub fn redis_available() -> bool {
    let installed = Command::new("redis-server").arg("--version").stdout(Stdio::null()).status().is_ok();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "redis-server is not installed, but CI must run this test (scripts/setup-toolchains.sh installs it)"
        );
        eprintln!("SKIPPED: redis-server is not installed (apt-get install redis-server); the Redis test did not run");
    }
    installed
}

impl Server {
    /// Starts a server on a free port, or `None` when Redis is not installed (see the module doc).
    pub fn start() -> Option<Server> {
        Server::start_on(free_port())
    }

    /// Starts a server on `port`, or `None` when Redis is not installed.
    pub fn start_on(port: u16) -> Option<Server> {
        if !redis_available() {
            return None;
        }
        let dir = std::env::temp_dir().join(format!("avalo-redis-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut server = Server { child: None, port, url: format!("redis://127.0.0.1:{port}/"), dir };
        server.spawn();
        Some(server)
    }

    fn spawn(&mut self) {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string(), "--save", "", "--appendonly", "no"])
            .arg("--dir")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .spawn()
            .expect("start redis-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(mut conn) = self.connection() {
                if redis::cmd("PING").query::<String>(&mut conn).is_ok() {
                    return;
                }
            }
            assert!(Instant::now() < deadline, "redis-server did not answer within 10 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A plain connection (1 s timeouts) for setting up and inspecting keys.
    pub fn connection(&self) -> redis::RedisResult<redis::Connection> {
        let conn = redis::Client::open(self.url.as_str())?.get_connection_with_timeout(Duration::from_secs(1))?;
        conn.set_read_timeout(Some(Duration::from_secs(1)))?;
        Ok(conn)
    }

    /// Stores `value` under `key` as is.
    pub fn set_raw(&self, key: &str, value: &[u8]) {
        let _: () = redis::cmd("SET").arg(key).arg(value).query(&mut self.connection().unwrap()).unwrap();
    }

    /// The raw value of `key`.
    pub fn get_raw(&self, key: &str) -> Option<Vec<u8>> {
        redis::cmd("GET").arg(key).query(&mut self.connection().unwrap()).unwrap()
    }

    /// Kills the server (SIGKILL: no goodbye to the clients) and waits for it.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server again on the same port, empty.
    pub fn restart(&mut self) {
        self.stop();
        self.spawn();
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.as_ref().expect("server running").id().to_string();
        let ok = Command::new("kill").args([sig, &pid]).status().expect("run kill").success();
        assert!(ok, "kill {sig} {pid} failed");
    }

    /// Pauses the server (SIGSTOP): connections stay open, nothing answers.
    pub fn pause(&self) {
        self.signal("-STOP");
    }

    /// Resumes a paused server (SIGCONT).
    pub fn resume(&self) {
        self.signal("-CONT");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs `f` on its own thread and returns its result, failing the test if it takes longer than
/// `limit` (a hang becomes a failure, not a stuck test run).
pub fn within<T: Send + 'static>(limit: Duration, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer within {limit:?} (hang)"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}
