//! `avalo`: the command-line tool for the people who publish Avalo policies (SPEC §17).
//!
//! The rules live in `avalo-core`; this binary only adds what the core may not do: read the
//! clock, draw random bytes, read and write files. Every refusal prints its SPEC §11 code and
//! exits with status 1; a usage error exits with status 2.

mod diff;
mod files;
mod keygen;
mod output;
mod show;
mod sign;
mod verify;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Publish Avalo policies: keygen, sign, verify, diff, show.
///
/// Generate a signing key, sign a policy into an envelope, verify an envelope as an app would,
/// review the difference between two policies, show the built-in one. Errors print their
/// SPEC §11 code and exit with status 1 (usage errors: status 2).
///
/// Typical workflow:
///   avalo policy keygen --out ops-2027.key > keyring.json      (keep the .key file secret)
///   avalo policy diff live-policy.json new-policy.json          (review what you will publish)
///   avalo policy sign --key ops-2027.key --serial 43 new-policy.json > envelope.json
///   avalo policy verify --keyring keyring.json --active live-envelope.json envelope.json
///   publish envelope.json; apps verify it with the same keyring and switch to it.
#[derive(Parser)]
#[command(name = "avalo", version, verbatim_doc_comment)]
struct Cli {
    /// Print machine-readable JSON instead of text (errors too: {"code", "message", "reason"}).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Signed policy updates (SPEC §17): keygen, sign, verify, diff, show
    #[command(subcommand)]
    Policy(PolicyCommand),
}

#[derive(Subcommand)]
enum PolicyCommand {
    /// Generate a signing key (secret key file + keyring entry for apps)
    ///
    /// Draws 32 bytes from the OS random source. Writes the secret seed to --out (a new
    /// file, readable by you only) and prints the keyring entry apps need (public key, key id,
    /// validity window). Give the keyring entry to app builds; never share the key file.
    Keygen {
        /// Where to write the secret key file (must not exist yet).
        #[arg(long)]
        out: PathBuf,
        /// Start of the key's validity, ms since the epoch (default: now).
        #[arg(long)]
        valid_from_ms: Option<i64>,
        /// End of the key's validity (exclusive), ms since the epoch (default: 2 years from now).
        #[arg(long)]
        valid_until_ms: Option<i64>,
    },
    /// Sign a policy JSON file into an envelope
    ///
    /// The envelope is printed, or written to --out. The policy must
    /// load (every problem is listed with its JSON path) and the serial must be greater than
    /// the serial apps run now, or they refuse it as a rollback.
    Sign {
        /// The secret key file written by `avalo policy keygen`.
        #[arg(long)]
        key: PathBuf,
        /// The envelope's serial: strictly increasing per deployment, at least 1.
        #[arg(long)]
        serial: u64,
        /// First instant apps may activate it, ms since the epoch (default: now).
        #[arg(long)]
        not_before_ms: Option<i64>,
        /// Instant it expires, ms since the epoch (default: not-before + --lifetime-days).
        #[arg(long)]
        expires_at_ms: Option<i64>,
        /// Lifetime in days when --expires-at-ms is not given.
        #[arg(long, default_value_t = 30)]
        lifetime_days: u32,
        /// Write the envelope to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The policy JSON to sign (signed byte for byte as it is in the file).
        policy: PathBuf,
    },
    /// Verify an envelope exactly as an app does
    ///
    /// Runs the six checks of SPEC §17.2 (first failure wins) and print the policy's serial and fingerprint. Exit status 1 with the code if an
    /// app would refuse it.
    Verify {
        /// Keyring file: a JSON array of keyring entries (or one entry) as printed by keygen.
        #[arg(long)]
        keyring: PathBuf,
        /// The envelope apps run now (checked at its own not-before time); without it the apps
        /// are assumed to run the built-in policy (serial 0).
        #[arg(long)]
        active: Option<PathBuf>,
        /// The instant to verify at, ms since the epoch (default: now).
        #[arg(long)]
        now_ms: Option<i64>,
        /// The envelope to verify.
        envelope: PathBuf,
    },
    /// List what changes from OLD to NEW, in rule terms
    ///
    /// One line per changed number or list member (`splits.chat_creator_bp: 6500 → 7000`, `launch.modes.soft_launch.countries: + CZ`).
    /// Each file is a policy JSON or an envelope (its payload is compared, unverified).
    Diff {
        /// The policy in use now.
        old: PathBuf,
        /// The policy you are about to sign.
        new: PathBuf,
    },
    /// Show a policy and its fingerprint (default: the built-in policy)
    ///
    /// Shows the built-in policy, or FILE (a policy JSON or an
    /// envelope's payload, unverified). The policy JSON goes to standard output (ready to edit
    /// and sign), the version, serial and fingerprint to standard error. Servers compare this
    /// fingerprint with the clients'.
    Show {
        /// A policy JSON or envelope file (default: the built-in policy).
        file: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Policy(PolicyCommand::Keygen { out, valid_from_ms, valid_until_ms }) => {
            keygen::run(&out, valid_from_ms, valid_until_ms, cli.json)
        }
        Command::Policy(PolicyCommand::Sign {
            key,
            serial,
            not_before_ms,
            expires_at_ms,
            lifetime_days,
            out,
            policy,
        }) => sign::run(
            &sign::SignArgs { key, serial, not_before_ms, expires_at_ms, lifetime_days, out, policy },
            cli.json,
        ),
        Command::Policy(PolicyCommand::Verify { keyring, active, now_ms, envelope }) => {
            verify::run(&keyring, active.as_deref(), now_ms, &envelope, cli.json)
        }
        Command::Policy(PolicyCommand::Diff { old, new }) => diff::run(&old, &new, cli.json),
        Command::Policy(PolicyCommand::Show { file }) => show::run(file.as_deref(), cli.json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e, cli.json);
            ExitCode::FAILURE
        }
    }
}
