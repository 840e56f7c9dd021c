package com.avalo.conformance.ops

import com.avalo.conformance.BadVector
import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.CheckedName
import com.avalo.core.types.MimeInfo
import com.avalo.core.types.Policy
import com.avalo.core.Sha256Stream
import com.avalo.core.types.Sniffed
import com.avalo.core.types.UploadPurpose
import com.avalo.core.types.UploadRequest
import com.avalo.core.types.UploadVerdict
import com.avalo.core.checkFileName
import com.avalo.core.contentId
import com.avalo.core.isDuplicate
import com.avalo.core.mimeInfo
import com.avalo.core.sanitiseFileName
import com.avalo.core.sha256Hex
import com.avalo.core.sniff
import com.avalo.core.storagePath
import com.avalo.core.validateUpload
import com.avalo.core.validateUserId

/** Bytes in vectors are hex strings. */
fun hexBytes(key: String, hex: String): ByteArray {
    if (hex.length % 2 == 1 || !hex.all { it in '0'..'9' || it in 'a'..'f' || it in 'A'..'F' }) {
        throw BadVector("field $key: $hex is not hex")
    }
    return ByteArray(hex.length / 2) { hex.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
}

fun Input.bytes(key: String): ByteArray = hexBytes(key, str(key))
fun Input.optBytes(key: String): ByteArray? = optStr(key)?.let { hexBytes(key, it) }

/** Vector ops of core/src/upload/. */
object UploadOps : OpModule() {
    init {
        op("validate_upload") { p: Policy, i: Input ->
            val purpose = i.optStr("purpose")?.let { s ->
                enumValues<UploadPurpose>().firstOrNull { it.name.lowercase() == s } ?: throw BadVector("purpose $s")
            }
            validateUpload(
                p,
                UploadRequest(
                    mimeType = i.str("mime_type"), sizeBytes = i.ulong("size_bytes"), fileName = i.str("file_name"),
                    purpose = purpose, head = i.optBytes("head"), userId = i.str("user_id"),
                    contentSha256 = i.str("content_sha256"), nowMs = i.long("now_ms"),
                ),
            ).json()
        }
        op("mime_info") { _, i -> mimeInfo(i.str("mime_type")).json() }
        op("sanitise_file_name") { _, i ->
            val name = sanitiseFileName(i.str("name"), i.uint("max_chars"))
            obj("file_name" to name, "chars" to name.codePointCount(0, name.length))
        }
        op("check_file_name") { p, i -> checkFileName(p, i.str("name"), i.str("mime_type")).json() }
        op("sniff") { _, i -> sniff(i.bytes("head")).json() }
        op("validate_user_id") { _, i -> validateUserId(i.str("user_id")); obj("valid" to true) }
        op("content_id") { _, i -> obj("content_id" to contentId(i.str("sha256"))) }
        op("storage_path") { p, i ->
            obj("storage_path" to storagePath(p, i.str("user_id"), i.str("folder"), i.long("now_ms"), i.str("content_sha256"), i.str("file_name")))
        }
        op("sha256_hex") { _, i -> obj("sha256" to sha256Hex(i.bytes("data"))) }
        op("sha256_stream") { _, i ->
            Sha256Stream().use { s ->
                i.strs("chunks").forEachIndexed { n, c -> s.update(hexBytes("chunks[$n]", c)) }
                obj("sha256" to s.finish(), "bytes" to s.bytesHashed())
            }
        }
        op("is_duplicate") { _, i -> obj("duplicate" to isDuplicate(i.str("a"), i.str("b"))) }
    }
}

fun UploadVerdict.json() = obj(
    "mime_type" to mimeType, "kind" to kind, "purpose" to purpose, "limit_bytes" to limitBytes, "file_name" to fileName,
    "extension" to extension, "extension_added" to extensionAdded, "sniffed" to sniffed, "content_id" to contentId,
    "storage_path" to storagePath, "policy_fingerprint" to policyFingerprint,
)

fun MimeInfo.json() = obj("mime_type" to mimeType, "kind" to kind, "extensions" to extensions, "canonical_extension" to canonicalExtension)

fun CheckedName.json() = obj("file_name" to fileName, "extension" to extension, "extension_added" to extensionAdded)

/** serde form of Sniffed: internally tagged by `result`. */
fun Sniffed.json() = when (this) {
    is Sniffed.Media -> obj("result" to "media", "format" to format)
    is Sniffed.Dangerous -> obj("result" to "dangerous", "class" to danger)
    Sniffed.Unknown -> obj("result" to "unknown")
}
