import AvaloCore
import Foundation

/// Bytes in vectors are hex strings.
func hexData(_ key: String, _ hex: String) throws -> Data {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0, digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) })
    else { throw RunnerError.badVector("field \(key): \(hex) is not hex") }
    func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c <= 70 ? c - 55 : c - 87) }
    return Data(stride(from: 0, to: digits.count, by: 2).map { nibble(digits[$0]) << 4 | nibble(digits[$0 + 1]) })
}

extension Input {
    func bytes(_ key: String) throws -> Data { try hexData(key, try str(key)) }
    func optBytes(_ key: String) throws -> Data? { try optStr(key).map { try hexData(key, $0) } }
    func strs(_ key: String) throws -> [String] {
        guard case .array(let a)? = fields[key] else { throw RunnerError.badVector("field \(key): expected an array") }
        return try a.map { v in
            guard case .string(let s) = v else { throw RunnerError.badVector("field \(key): expected strings") }
            return s
        }
    }
    func i64s(_ key: String) throws -> [Int64] {
        guard case .array(let a)? = fields[key] else { throw RunnerError.badVector("field \(key): expected an array") }
        return try a.map { v in
            switch v {
            case .int(let n): return n
            case .uint(let n):
                guard let x = Int64(exactly: n) else { throw RunnerError.badVector("field \(key): out of i64 range") }
                return x
            default: throw RunnerError.badVector("field \(key): expected integers")
            }
        }
    }
    func optI64(_ key: String) throws -> Int64? {
        if let v = fields[key], v != .null { return try i64(key) }
        return nil
    }
    func optBool(_ key: String) throws -> Bool? {
        if let v = fields[key], v != .null { return try bool(key) }
        return nil
    }
    func optEnum<E: CaseIterable>(_ key: String, _ type: E.Type) throws -> E? {
        if let v = fields[key], v != .null { return try enumValue(key, type) }
        return nil
    }
}

/// Vector ops of core/src/upload/.
enum UploadOps {
    static func register(_ r: Registry) {
        r.op("validate_upload") { p, i in
            let request = UploadRequest(
                mimeType: try i.str("mime_type"), sizeBytes: try i.u64("size_bytes"), fileName: try i.str("file_name"),
                purpose: try i.optEnum("purpose", UploadPurpose.self), head: try i.optBytes("head"), userId: try i.str("user_id"),
                contentSha256: try i.str("content_sha256"), nowMs: try i.i64("now_ms"))
            return try validateUpload(policy: p, request: request).json
        }
        r.op("mime_info") { _, i in try mimeInfo(mimeType: try i.str("mime_type")).json }
        r.op("sanitise_file_name") { _, i in
            let name = try sanitiseFileName(name: try i.str("name"), maxChars: try i.u32("max_chars"))
            return obj(["file_name": name, "chars": UInt64(name.unicodeScalars.count)])
        }
        r.op("check_file_name") { p, i in try checkFileName(policy: p, name: try i.str("name"), mimeType: try i.str("mime_type")).json }
        r.op("sniff") { _, i in try sniff(head: try i.bytes("head")).json }
        r.op("validate_user_id") { _, i in
            try validateUserId(userId: try i.str("user_id"))
            return obj(["valid": true])
        }
        r.op("content_id") { _, i in obj(["content_id": try contentId(sha256: try i.str("sha256"))]) }
        r.op("storage_path") { p, i in
            obj(["storage_path": try storagePath(policy: p, userId: try i.str("user_id"), folder: try i.str("folder"),
                                                 nowMs: try i.i64("now_ms"), contentSha256: try i.str("content_sha256"),
                                                 fileName: try i.str("file_name"))])
        }
        r.op("sha256_hex") { _, i in obj(["sha256": try sha256Hex(data: try i.bytes("data"))]) }
        r.op("sha256_stream") { _, i in
            let s = Sha256Stream()
            for (n, c) in try i.strs("chunks").enumerated() { try s.update(chunk: try hexData("chunks[\(n)]", c)) }
            return obj(["sha256": s.finish(), "bytes": s.bytesHashed()])
        }
        r.op("is_duplicate") { _, i in obj(["duplicate": try isDuplicate(a: try i.str("a"), b: try i.str("b"))]) }
    }
}

extension UploadPurpose: SnakeCaseEnum {}
extension MediaKind: SnakeCaseEnum {}
extension MediaFormat: SnakeCaseEnum {}
extension DangerClass: SnakeCaseEnum {}

extension UploadVerdict: JSONValue {
    var json: JSON {
        obj(["mime_type": mimeType, "kind": kind, "purpose": purpose, "limit_bytes": limitBytes, "file_name": fileName,
             "extension": `extension`, "extension_added": extensionAdded, "sniffed": sniffed, "content_id": contentId,
             "storage_path": storagePath, "policy_fingerprint": policyFingerprint])
    }
}

extension MimeInfo: JSONValue {
    var json: JSON { obj(["mime_type": mimeType, "kind": kind, "extensions": extensions, "canonical_extension": canonicalExtension]) }
}

extension CheckedName: JSONValue {
    var json: JSON { obj(["file_name": fileName, "extension": `extension`, "extension_added": extensionAdded]) }
}

/// serde form of Sniffed: internally tagged by `result`.
extension Sniffed: JSONValue {
    var json: JSON {
        switch self {
        case .media(let format): return obj(["result": "media", "format": format])
        case .dangerous(let danger): return obj(["result": "dangerous", "class": danger])
        case .unknown: return obj(["result": "unknown"])
        }
    }
}
