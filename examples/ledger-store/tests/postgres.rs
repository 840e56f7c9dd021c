//! The shared workload against PostgreSQL: a throw-away server on 127.0.0.1 and a private port
//! (started and stopped by this test), 4 threads in this process and 2 worker processes of 2
//! threads each, all retrying at random; afterwards the chain verifies with the stored totals,
//! no key appears twice and no withdrawal was paid twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use avalo_core::Policy;
use avalo_ledger_store::PostgresLedger;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

const BIN: &str = "/usr/lib/postgresql/15/bin";
const WORKER_ENV: &str = "AVALO_LEDGER_PG_WORKER";

/// A PostgreSQL cluster in a temporary folder, stopped and removed on drop.
struct PgServer {
    dir: PathBuf,
    port: u16,
}

fn as_postgres(cmd: &str, args: &[&str]) -> Command {
    // initdb refuses to run as root: run the server tools as the `postgres` user then.
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false);
    let mut c = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--", &format!("{BIN}/{cmd}")]);
        c
    } else {
        Command::new(format!("{BIN}/{cmd}"))
    };
    c.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

impl PgServer {
    fn start() -> PgServer {
        assert!(std::path::Path::new(&format!("{BIN}/initdb")).exists(), "PostgreSQL 15 is not installed ({BIN})");
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let dir = std::env::temp_dir().join(format!("avalo-pg-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _ = Command::new("chown").args(["postgres", dir.to_str().unwrap()]).status();
        let data = dir.join("data");
        let ok = as_postgres("initdb", &["-D", data.to_str().unwrap(), "-A", "trust", "-U", "avalo"]).status().unwrap();
        assert!(ok.success(), "initdb failed");
        for attempt in 0..8u128 {
            let port = 20_000 + ((nanos / 1000 + attempt * 7919) % 40_000) as u16;
            let opts = format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=50", dir.display());
            let log = dir.join("log");
            let started = as_postgres(
                "pg_ctl",
                &["-D", data.to_str().unwrap(), "-l", log.to_str().unwrap(), "-w", "-t", "30", "start", "-o", &opts],
            )
            .status()
            .unwrap();
            if started.success() {
                return PgServer { dir, port };
            }
        }
        panic!("PostgreSQL did not start");
    }

    fn params(&self) -> String {
        format!("host=127.0.0.1 port={} user=avalo dbname=postgres", self.port)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = as_postgres("pg_ctl", &["-D", data.to_str().unwrap_or(""), "-m", "immediate", "-w", "stop"]).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A worker process: started by the test below with the connection parameters in the
/// environment; runs 2 threads of the workload until its deadline. Run directly, it does nothing.
#[test]
fn pg_worker_process_entry() {
    let Ok(spec) = std::env::var(WORKER_ENV) else { return };
    let (params, tag, millis) = {
        let mut it = spec.split('|');
        (it.next().unwrap().to_string(), it.next().unwrap().to_string(), it.next().unwrap().parse::<u64>().unwrap())
    };
    let policy = Policy::default();
    let deadline = Instant::now() + Duration::from_millis(millis);
    let p = params.clone();
    let counts = common::run_threads(2, move || PostgresLedger::connect(&p).unwrap(), &policy, &tag, deadline, 300);
    println!("appended {}", counts.appended.load(Ordering::Relaxed));
}

#[test]
fn threads_and_processes_retrying_at_random_keep_the_ledger_sound() {
    let server = PgServer::start();
    let params = server.params();
    let policy = Policy::default();
    let mut admin = PostgresLedger::connect(&params).unwrap();
    admin.create_schema().unwrap();
    common::seed(&mut admin, &policy);
    let exe = std::env::current_exe().unwrap();
    let run_ms = 5_000u64;
    let children: Vec<_> = (0..2)
        .map(|k| {
            Command::new(&exe)
                .args(["--exact", "pg_worker_process_entry", "--nocapture", "--test-threads=1"])
                .env(WORKER_ENV, format!("{params}|proc{k}|{run_ms}"))
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let deadline = Instant::now() + Duration::from_millis(run_ms);
    let p = params.clone();
    let counts = common::run_threads(4, move || PostgresLedger::connect(&p).unwrap(), &policy, "main", deadline, 300);
    let mut child_appended = 0u64;
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "a worker process failed");
        let text = String::from_utf8_lossy(&out.stdout);
        // libtest prints the line after "test … ... ", so look for the marker anywhere.
        let n = text
            .split("appended ")
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next().and_then(|d| d.parse::<u64>().ok()));
        child_appended += n.expect("a worker process reports what it appended");
    }
    let (records, totals) = admin.read_all().unwrap();
    let (n, requested, paid) = common::verify(&policy, &records, &totals);
    let a = counts.appended.load(Ordering::Relaxed);
    eprintln!(
        "postgres: records {n} appended {a} (+{child_appended} by processes) replayed {} refused {} conflicts {} requests {requested} paid {paid}",
        counts.replayed.load(Ordering::Relaxed),
        counts.refused.load(Ordering::Relaxed),
        counts.conflicts.load(Ordering::Relaxed),
    );
    assert!(a > 20 && child_appended > 20 && requested > 0);
    assert_eq!(a + child_appended + common::USERS, n as u64);
    drop(admin);
}

/// Worker processes appending to PostgreSQL are killed (`SIGKILL`) at random points, three
/// rounds; after each, the ledger verifies against its stored totals: an append cut off by the
/// kill was rolled back whole by the server.
#[test]
fn killed_workers_leave_a_ledger_that_verifies() {
    let server = PgServer::start();
    let params = server.params();
    let policy = Policy::default();
    let mut admin = PostgresLedger::connect(&params).unwrap();
    admin.create_schema().unwrap();
    common::seed(&mut admin, &policy);
    let exe = std::env::current_exe().unwrap();
    let mut seed = u64::from(std::process::id()) | 1;
    let mut last = 0;
    for round in 0..3 {
        let mut child = Command::new(&exe)
            .args(["--exact", "pg_worker_process_entry", "--nocapture", "--test-threads=1"])
            .env(WORKER_ENV, format!("{params}|crash{round}|60000"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(800 + seed % 1200));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // One snapshot: the killed client's last COMMIT may still land while we read.
        let (records, totals) = admin.read_all().unwrap();
        common::verify(&policy, &records, &totals);
        eprintln!("postgres crash round {round}: {} records", records.len());
        assert!(records.len() >= last);
        last = records.len();
    }
    assert!(last > common::USERS as usize, "the workers must have appended something");
}
