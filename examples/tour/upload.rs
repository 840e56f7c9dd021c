//! Quickstart section: uploads, media access and request security (SPEC §9–10).

use avalo_core::media::{self, MediaItem, ModerationState, Viewer, Visibility};
use avalo_core::security::{self, OriginProfile, UrlPurpose};
use avalo_core::upload::{self, Sha256Stream, UploadPurpose, UploadRequest};
use avalo_core::Policy;

/// Prints the uploads-and-security part of the tour.
pub fn tour(policy: &Policy) -> avalo_core::Result<()> {
    println!("\n== Uploads (SPEC §9): one verdict, checks in spec order, first failure wins");
    let mut head = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01];
    head.resize(64, 0);
    let mut hasher = Sha256Stream::new();
    for chunk in [&b"pretend these are "[..], b"megabytes of JPEG"] {
        hasher.update(chunk); // a host feeds file chunks; nothing is held in memory
    }
    let base = UploadRequest {
        mime_type: "Image/JPG; charset=binary".into(),
        size_bytes: 2_400_000,
        file_name: "  Holiday\u{202e}gpj.photo . ".into(),
        purpose: Some(UploadPurpose::FeedImage),
        head: Some(head.clone()),
        user_id: "u_8f3a2c".into(),
        content_sha256: hasher.finish(),
        now_ms: 1_795_176_000_000, // 2026-11-20 12:00 UTC
    };
    let try_one = |label: &str, req: &UploadRequest| match upload::validate_upload(policy, req) {
        Ok(v) => println!("  {label:<34} → ok: {} as {}", v.storage_path, v.mime_type.as_str()),
        Err(e) => println!("  {label:<34} → {}", e.code),
    };
    try_one("\"beach\" (no extension) feed image", &UploadRequest { file_name: "beach".into(), ..base.clone() });
    try_one("\"evil.exe. \" declared image/jpeg", &UploadRequest { file_name: "evil.exe. ".into(), ..base.clone() });
    try_one(
        "\"\\u{202e}gnp.exe\" (shows as exe.png)",
        &UploadRequest { file_name: "\u{202e}gnp.exe".into(), ..base.clone() },
    );
    try_one(
        "profile photo of 10 MB + 1 byte",
        &UploadRequest { purpose: Some(UploadPurpose::ProfilePhoto), size_bytes: 10 * upload::MB + 1, ..base.clone() },
    );
    let mut pe = b"MZ\x90\x00".to_vec();
    pe.resize(64, 0);
    try_one(
        "a Windows program named photo.jpg",
        &UploadRequest { file_name: "photo.jpg".into(), head: Some(pe), ..base.clone() },
    );
    try_one(
        "story video declared as image",
        &UploadRequest { purpose: Some(UploadPurpose::StoryVideo), ..base.clone() },
    );
    println!("  sanitised {:?} → {:?}", base.file_name, upload::sanitise_file_name(&base.file_name, 200)?);

    println!("\n== Media access (SPEC §9.6)");
    let paid = MediaItem {
        owner_id: "creator_9".into(),
        visibility: Visibility::Paid,
        price: Some(120),
        moderation: ModerationState::Approved,
        expires_at_ms: None,
        context: Default::default(),
        participants: Vec::new(),
    };
    let fan = Viewer { id: Some("fan_1".into()), follows_owner: true, ..Viewer::default() };
    let d = media::media_access(&paid, &fan, base.now_ms)?;
    println!(
        "  paid post, fan has not unlocked → {} (price {} tokens)",
        d.code.map_or("allowed", |c| c.as_str()),
        d.price.unwrap_or(0)
    );
    let pending = MediaItem { moderation: ModerationState::Pending, ..paid.clone() };
    println!(
        "  pending post, same fan → {}",
        media::media_access(&pending, &fan, base.now_ms)?.code.map_or("allowed", |c| c.as_str())
    );
    let stories = [base.now_ms - 3_600_000, base.now_ms - 7_200_000, base.now_ms - 90_000_000];
    let quota = media::check_story_quota(policy, &stories, base.now_ms)?;
    println!(
        "  stories posted 1 h, 2 h, 25 h ago → {} active of {}, a new one may be posted",
        quota.active, quota.limit
    );

    println!("\n== Request security (SPEC §10)");
    let secret = b"avalo-shared-secret-2026";
    let body = br#"{"amount":100}"#;
    let signed = security::sign_request(secret, base.now_ms, "POST", "/v1/wallet/transfer", body)?;
    println!("  signature v1: {}…", &signed.signature[..16]);
    for (label, now) in
        [("verified 300 000 ms later", base.now_ms + 300_000), ("verified 300 001 ms later", base.now_ms + 300_001)]
    {
        let r = security::verify_request(
            policy,
            secret,
            Some(&signed.timestamp),
            Some(&signed.signature),
            "POST",
            "/v1/wallet/transfer",
            body,
            now,
        );
        println!("  {label:<26} → {}", r.map_or_else(|e| e.code.to_string(), |_| "ok".into()));
    }
    let path =
        format!("/{}", security::encode_url_path("media/u_8f3a2c/feed_image/2026/11/0123456789abcdef_beach.jpg"));
    let exp = security::url_expiry(policy, UrlPurpose::Upload, base.now_ms);
    let url = security::sign_url(secret, "PUT", &path, exp, Some("image/jpeg"), Some(20 * upload::MB))?;
    println!("  upload URL: {}…", &url[..url.len().min(96)]);
    let over = security::verify_url(secret, "PUT", &url, base.now_ms, Some("image/jpeg"), Some(20 * upload::MB + 1));
    println!("  uploading 20 MB + 1 byte through it → {}", over.map_or_else(|e| e.code.to_string(), |_| "ok".into()));
    for origin in ["https://AVALO.app:443", "https://avalo.app/", "exp://192.168.1.20:19000", "http://localhost:3000"] {
        let r = security::check_origin(policy, Some(origin), OriginProfile::Production);
        println!(
            "  origin {origin:<26} → {}",
            r.map_or_else(|e| e.code.to_string(), |m| format!("allowed by {}", m.matched))
        );
    }
    let stale = security::check_session_freshness(policy, base.now_ms - 3_600_001, base.now_ms);
    println!("  session signed in 1 h + 1 ms ago → {}", stale.map_or_else(|e| e.code.to_string(), |_| "fresh".into()));
    Ok(())
}
