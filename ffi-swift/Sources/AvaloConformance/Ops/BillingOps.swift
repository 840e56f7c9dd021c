import AvaloCore

/// Vector ops of core/src/billing (SPEC §4.1–4.7).
enum BillingOps {
    static func register(_ r: Registry) {
        r.op("count_words") { p, i in obj(["words": try countWords(policy: p, text: try i.str("text"))]) }
        r.op("count_words_batch") { p, i in obj(["words": try countWordsBatch(policy: p, texts: try i.strs("texts"))]) }
        r.op("words_per_token") { p, i in obj(["words_per_token": wordsPerToken(policy: p, earnerRoyal: try i.bool("earner_royal"))]) }
        r.op("chat_roles") { _, i in
            chatRoles(initiatorEarns: try i.bool("initiator_earns"), receiverEarns: try i.bool("receiver_earns")).json
        }
        r.op("preview_message") { p, i in
            try previewMessage(policy: p, meter: try meter(i), sender: try i.enumValue("sender", Sender.self),
                               text: try i.str("text"), earnerRoyal: try i.bool("earner_royal")).json
        }
        r.op("bill_message") { p, i in
            try billMessage(policy: p, meter: try meter(i), sender: try i.enumValue("sender", Sender.self),
                            text: try i.str("text"), earnerRoyal: try i.bool("earner_royal"),
                            payerBalance: try i.u64("payer_balance")).json
        }
        r.op("bill_messages") { p, i in
            let messages = try i.objs("messages").map {
                ChatMessage(sender: try $0.enumValue("sender", Sender.self), text: try $0.str("text"))
            }
            return try billMessages(policy: p, meter: try meter(i), messages: messages, earnerRoyal: try i.bool("earner_royal"),
                                    payerBalance: try i.u64("payer_balance")).json
        }
        r.op("rebase_meter") { p, i in try rebaseMeter(policy: p, meter: try meter(i), earnerRoyal: try i.bool("earner_royal")).json }
        r.op("validate_meter") { p, i in
            try validateMeter(policy: p, meter: try meter(i))
            return obj(["valid": true])
        }
    }

    /// The `meter` field, or a fresh standard meter when absent.
    static func meter(_ i: Input) throws -> ChatMeter {
        guard let m = try i.optObj("meter") else { return newChatMeter(earnerRoyal: false) }
        return ChatMeter(payerMessages: try m.u64("payer_messages"), earnerMessages: try m.u64("earner_messages"),
                         billedWords: try m.u64("billed_words"), billedTokens: try m.u64("billed_tokens"),
                         creatorTokens: try m.u64("creator_tokens"), royal: try m.bool("royal"))
    }
}

extension Sender: SnakeCaseEnum {}
extension ChatParticipant: SnakeCaseEnum {}

extension ChatRoles: JSONValue {
    var json: JSON { obj(["payer": payer, "earner": earner, "free": free]) }
}

extension ChatMeter: JSONValue {
    var json: JSON {
        obj(["payer_messages": payerMessages, "earner_messages": earnerMessages, "billed_words": billedWords,
             "billed_tokens": billedTokens, "creator_tokens": creatorTokens, "royal": royal])
    }
}

extension MessageCharge: JSONValue {
    var json: JSON {
        obj(["sender": sender, "words": words, "free": free, "billed": billed, "billed_words": billedWords,
             "tokens_due": tokensDue, "creator": creator, "platform": platform, "words_per_token": wordsPerToken,
             "rebased": rebased, "meter": meter, "policy_fingerprint": policyFingerprint])
    }
}

extension BatchCharge: JSONValue {
    var json: JSON {
        obj(["charges": charges, "tokens_due": tokensDue, "creator": creator, "platform": platform, "meter": meter])
    }
}
