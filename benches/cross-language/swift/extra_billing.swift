// needs: public func previewMessage(
// Message billing from Swift: one quote (previewMessage), 100 messages in one billMessages
// call, countWords and countWordsBatch (same text as benches/cross-language/js/bench.js).
private let TEXT = "Hey! How was your weekend? I finally went hiking in the Tatras, the view from Kasprowy was amazing and the weather held all day long."

func billingBenches(_ policy: Policy) throws {
    let zero = newChatMeter(earnerRoyal: false)
    let one = try row("previewMessage (24-word message)", 1) { try previewMessage(policy: policy, meter: zero, sender: .earner, text: TEXT, earnerRoyal: false) }
    let msgs = Array(repeating: ChatMessage(sender: .earner, text: TEXT), count: 100)
    let batch = try row("billMessages, 100 messages", 100) { try billMessages(policy: policy, meter: zero, messages: msgs, earnerRoyal: false, payerBalance: 1_000_000_000) }
    _ = try row("countWords (24-word message)", 1) { try countWords(policy: policy, text: TEXT) }
    let texts = Array(repeating: TEXT, count: 1_000)
    _ = try row("countWordsBatch, 1 000 messages", 1_000) { try countWordsBatch(policy: policy, texts: texts) }
    print("batch speed-up, message billing: \(String(format: "%.1f", one / (batch / 100)))x per message (100 in one call vs previewMessage each)")
}
