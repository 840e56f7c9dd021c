//! End-to-end tests of the `avalo` binary: keygen → sign → verify → tamper → verify fails,
//! rollback refused, diff output, errors with SPEC §11 codes and exit statuses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: i64 = 1_800_000_000_000;

/// A fresh directory for one test, removed at the end.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("avalo-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }
    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
    fn write(&self, file: &str, text: &str) -> PathBuf {
        let p = self.path(file);
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn avalo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avalo")).args(args).output().unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// The built-in policy JSON, with a JSON merge of `edit` applied by the caller.
fn built_in() -> Value {
    json_of(&avalo(&["--json", "policy", "show"]))["policy"].clone()
}

/// keygen into `dir`, returns (key file, keyring file).
fn keygen(dir: &Dir) -> (PathBuf, PathBuf) {
    let key = dir.path("ops.key");
    let out =
        avalo(&["policy", "keygen", "--out", s(&key), "--valid-from-ms", "0", "--valid-until-ms", "4000000000000"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let ring = dir.write("keyring.json", &String::from_utf8(out.stdout).unwrap());
    (key, ring)
}

fn sign(key: &Path, serial: u64, policy: &Path, out: &Path) -> Output {
    let serial = serial.to_string();
    let (nb, exp) = ((NOW - 1000).to_string(), (NOW + 86_400_000).to_string());
    avalo(&[
        "policy",
        "sign",
        "--key",
        s(key),
        "--serial",
        &serial,
        "--not-before-ms",
        &nb,
        "--expires-at-ms",
        &exp,
        "--out",
        s(out),
        s(policy),
    ])
}

fn verify(ring: &Path, active: Option<&Path>, envelope: &Path) -> Output {
    let now = NOW.to_string();
    let mut args = vec!["--json", "policy", "verify", "--keyring", s(ring), "--now-ms", &now];
    if let Some(a) = active {
        args.extend(["--active", s(a)]);
    }
    args.push(s(envelope));
    avalo(&args)
}

fn code_of(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "expected a refusal: {}", String::from_utf8_lossy(&out.stdout));
    json_of(out)["code"].as_str().unwrap().to_string()
}

#[test]
fn sign_verify_tamper_and_rollback() {
    let dir = Dir::new("flow");
    let (key, ring) = keygen(&dir);
    let key_text = std::fs::read_to_string(&key).unwrap();
    assert!(key_text.contains("\"seed\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // keygen refuses to overwrite a key.
    assert_eq!(code_of(&avalo(&["--json", "policy", "keygen", "--out", s(&key)])), "INVALID_INPUT");

    let mut rules = built_in();
    let p1 = dir.write("p1.json", &serde_json::to_string_pretty(&rules).unwrap());
    rules["splits"]["chat_creator_bp"] = 7000.into();
    let p2 = dir.write("p2.json", &serde_json::to_string_pretty(&rules).unwrap());
    let (e1, e2) = (dir.path("e1.json"), dir.path("e2.json"));
    assert!(sign(&key, 1, &p1, &e1).status.success());
    assert!(sign(&key, 2, &p2, &e2).status.success());

    let ok = verify(&ring, None, &e2);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    let v = json_of(&ok);
    assert_eq!((v["status"].as_str(), v["serial"].as_u64()), (Some("activated"), Some(2)));
    let from_show = json_of(&avalo(&["--json", "policy", "show", s(&e2)]));
    assert_eq!(v["fingerprint"], from_show["fingerprint"]);
    assert_ne!(v["fingerprint"], json_of(&avalo(&["--json", "policy", "show"]))["fingerprint"]);

    // Over serial 2: serial 1 is a rollback, serial 2 again is already active.
    assert_eq!(code_of(&verify(&ring, Some(&e2), &e1)), "POLICY_ROLLBACK");
    let again = verify(&ring, Some(&e2), &e2);
    assert!(again.status.success());
    assert_eq!(json_of(&again)["status"], "already_active");

    // Tampering with any signed field breaks the signature.
    let envelope: Value = serde_json::from_str(&std::fs::read_to_string(&e2).unwrap()).unwrap();
    for (field, value) in [
        ("payload", Value::from(envelope["payload"].as_str().unwrap().replace("7000", "7001"))),
        ("serial", Value::from(3)),
        ("expires_at_ms", Value::from(NOW + 86_400_001)),
    ] {
        let mut t = envelope.clone();
        t[field] = value;
        let tampered = dir.write("t.json", &t.to_string());
        assert_eq!(code_of(&verify(&ring, None, &tampered)), "POLICY_SIGNATURE_INVALID", "{field}");
    }
    let mut t = envelope.clone();
    t["schema"] = 2.into();
    assert_eq!(code_of(&verify(&ring, None, &dir.write("t.json", &t.to_string()))), "POLICY_UNSUPPORTED_SCHEMA");

    // Another key's keyring does not know the signer.
    let other = Dir::new("flow-other");
    let (_, other_ring) = keygen(&other);
    assert_eq!(code_of(&verify(&other_ring, None, &e2)), "POLICY_UNKNOWN_KEY");

    // Text mode: the code on standard error, exit status 1.
    let now = NOW.to_string();
    let text = avalo(&["policy", "verify", "--keyring", s(&ring), "--now-ms", &now, "--active", s(&e2), s(&e1)]);
    assert_eq!(text.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&text.stderr).contains("POLICY_ROLLBACK"));
}

#[test]
fn sign_refuses_an_invalid_policy_with_its_path() {
    let dir = Dir::new("invalid");
    let (key, _) = keygen(&dir);
    let mut rules = built_in();
    rules["typo_price"] = 1.into();
    let bad = dir.write("bad.json", &rules.to_string());
    let out = dir.path("e.json");
    let r = sign(&key, 1, &bad, &out);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("typo_price"));
    assert!(!out.exists());
    let r = avalo(&[
        "policy",
        "sign",
        "--key",
        s(&key),
        "--serial",
        "0",
        s(&dir.write("ok.json", &built_in().to_string())),
    ]);
    assert!(String::from_utf8_lossy(&r.stderr).contains("INVALID_INPUT"));
    // A usage error is status 2.
    assert_eq!(avalo(&["policy", "sign"]).status.code(), Some(2));
}

#[test]
fn diff_lists_changes_in_rule_terms() {
    let dir = Dir::new("diff");
    let mut rules = built_in();
    let old = dir.write("old.json", &rules.to_string());
    rules["splits"]["chat_creator_bp"] = 7000.into();
    rules["extensions"] = serde_json::json!({"note": "x"});
    let new = dir.write("new.json", &rules.to_string());
    let out = avalo(&["policy", "diff", s(&old), s(&new)]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("splits.chat_creator_bp: 6500 → 7000"), "{text}");
    assert!(text.contains("extensions.note: + x"), "{text}");
    assert!(text.contains("2 change(s)"), "{text}");
    let j = json_of(&avalo(&["--json", "policy", "diff", s(&old), s(&new)]));
    assert_eq!(j["changes"][1]["path"], "splits.chat_creator_bp");
    assert_eq!(j["changes"][1]["old"], "6500");
    let same = json_of(&avalo(&["--json", "policy", "diff", s(&old), s(&old)]));
    assert_eq!(same["changes"].as_array().unwrap().len(), 0);
}

#[test]
fn show_prints_the_built_in_fingerprint() {
    let out = avalo(&["policy", "show"]);
    assert!(out.status.success());
    // The policy alone on stdout: it loads as a policy again.
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules, built_in());
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(text.contains("fingerprint 9b714afd49976a715ad8d069183d46231d46662d80263c3ea706fb61d0644f6d"), "{text}");
    assert!(text.contains("serial 0, schema 1"));
}
