// needs: public func billMessages(
// Where a MessageCharge's microseconds go from Swift (issue 20): the whole billMessages call
// per message, the core's word counting alone (countWordsBatch), and the Swift-side lifting of
// the returned BatchCharge measured without Rust (lower then lift of the same value, minus
// lower alone), with the 64-character fingerprint in every record and with it empty.
import Foundation
#if canImport(AvaloCoreFFI)
import AvaloCoreFFI
#endif

private func freeBuffer(_ b: RustBuffer) {
    var status = RustCallStatus()
    ffi_avalo_core_rustbuffer_free(b, &status)
}

private let CHARGE_TEXT = "Hey! How was your weekend? I finally went hiking in the Tatras, the view from Kasprowy was amazing and the weather held all day long."

func chargesBenches(_ policy: Policy) throws {
    let zero = newChatMeter(earnerRoyal: false)
    let msgs = Array(repeating: ChatMessage(sender: .earner, text: CHARGE_TEXT), count: 100)
    let texts = Array(repeating: CHARGE_TEXT, count: 100)
    let whole: Double = try row("charges: billMessages, 100 messages", 100) {
        try billMessages(policy: policy, meter: zero, messages: msgs, earnerRoyal: false, payerBalance: 1_000_000_000)
    }
    let words: Double = try row("charges: countWordsBatch, the same 100 texts", 100) { try countWordsBatch(policy: policy, texts: texts) }
    let batch = try billMessages(policy: policy, meter: zero, messages: msgs, earnerRoyal: false, payerBalance: 1_000_000_000)
    var bare = batch
    bare = BatchCharge(
        charges: batch.charges.map { c in
            MessageCharge(sender: c.sender, words: c.words, free: c.free, billed: c.billed, billedWords: c.billedWords,
                          tokensDue: c.tokensDue, creator: c.creator, platform: c.platform, wordsPerToken: c.wordsPerToken,
                          rateVersion: c.rateVersion, rebased: c.rebased, meter: c.meter, policyFingerprint: "")
        },
        tokensDue: batch.tokensDue, creator: batch.creator, platform: batch.platform, meter: batch.meter)
    let lowerOnly: Double = row("charges: Swift lower of the BatchCharge (100 records)", 100) {
        let b = FfiConverterTypeBatchCharge_lower(batch); defer { freeBuffer(b) }; return b.len
    }
    let roundTrip: Double = try row("charges: Swift lower + lift (100 records)", 100) {
        try FfiConverterTypeBatchCharge_lift(FfiConverterTypeBatchCharge_lower(batch))
    }
    let lowerBare: Double = row("charges: Swift lower, fingerprint empty", 100) {
        let b = FfiConverterTypeBatchCharge_lower(bare); defer { freeBuffer(b) }; return b.len
    }
    let roundBare: Double = try row("charges: Swift lower + lift, fingerprint empty", 100) {
        try FfiConverterTypeBatchCharge_lift(FfiConverterTypeBatchCharge_lower(bare))
    }
    // The generated reader's pattern (UniFFI 0.32 Swift: a `Data` and an offset, one
    // `copyBytes(to:from:)` per integer, `readInt` in the generated file) against plain loads.
    var bytes = [UInt8](repeating: 0, count: 8 * 1000)
    for i in 0..<1000 { bytes[8 * i + 7] = UInt8(i % 256) }
    let data = Data(bytes)
    row("charges: 1 000 UInt64 read as the generated reader does (Data.copyBytes)", 1000) {
        var reader = (data: data, offset: 0)
        var sum: UInt64 = 0
        for _ in 0..<1000 {
            let range = reader.offset..<reader.offset + 8
            var value: UInt64 = 0
            _ = withUnsafeMutableBytes(of: &value) { reader.data.copyBytes(to: $0, from: range) }
            reader.offset = range.upperBound
            sum &+= value.bigEndian
        }
        return sum
    }
    row("charges: 1 000 UInt64 read with loadUnaligned from the same bytes", 1000) {
        data.withUnsafeBytes { raw -> UInt64 in
            var sum: UInt64 = 0
            for i in 0..<1000 { sum &+= UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
            return sum
        }
    }
    let lift: Double = (roundTrip - lowerOnly) / 100
    let liftBare: Double = (roundBare - lowerBare) / 100
    print(String(format: "charges: per message: whole %.0f ns; counting (countWordsBatch) %.0f ns; Swift lift %.0f ns, of which the fingerprint %.0f ns",
                 whole / 100, words / 100, lift, lift - liftBare))
}
