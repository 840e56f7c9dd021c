package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.BatchCharge
import com.avalo.core.types.ChatMessage
import com.avalo.core.types.ChatMeter
import com.avalo.core.types.ChatRoles
import com.avalo.core.types.MessageCharge
import com.avalo.core.types.Policy
import com.avalo.core.types.Sender
import com.avalo.core.billMessage
import com.avalo.core.billMessages
import com.avalo.core.chatRoles
import com.avalo.core.countWords
import com.avalo.core.countWordsBatch
import com.avalo.core.newChatMeter
import com.avalo.core.previewMessage
import com.avalo.core.rebaseMeter
import com.avalo.core.validateMeter
import com.avalo.core.wordsPerToken

/** Vector ops of core/src/billing (SPEC §4.1–4.7). */
object BillingOps : OpModule() {
    init {
        op("count_words") { p: Policy, i: Input -> obj("words" to countWords(p, i.str("text"))) }
        op("count_words_batch") { p, i -> obj("words" to countWordsBatch(p, i.strs("texts"))) }
        op("words_per_token") { p, i -> obj("words_per_token" to wordsPerToken(p, i.bool("earner_royal"))) }
        op("chat_roles") { _, i -> chatRoles(i.bool("initiator_earns"), i.bool("receiver_earns")).json() }
        op("preview_message") { p, i ->
            previewMessage(p, meter(i), i.enum<Sender>("sender"), i.str("text"), i.bool("earner_royal")).json()
        }
        op("bill_message") { p, i ->
            billMessage(p, meter(i), i.enum<Sender>("sender"), i.str("text"), i.bool("earner_royal"), i.ulong("payer_balance")).json()
        }
        op("bill_messages") { p, i ->
            val messages = i.objs("messages").map { ChatMessage(it.enum<Sender>("sender"), it.str("text")) }
            billMessages(p, meter(i), messages, i.bool("earner_royal"), i.ulong("payer_balance")).json()
        }
        op("rebase_meter") { p, i -> rebaseMeter(p, meter(i), i.bool("earner_royal")).json() }
        op("validate_meter") { p, i -> validateMeter(p, meter(i)); obj("valid" to true) }
    }

    /** The `meter` field, or a fresh standard meter when absent. */
    private fun meter(i: Input): ChatMeter = i.optObj("meter")?.let {
        ChatMeter(
            it.ulong("payer_messages"), it.ulong("earner_messages"), it.ulong("billed_words"),
            it.ulong("billed_tokens"), it.ulong("creator_tokens"), it.bool("royal"),
        )
    } ?: newChatMeter(false)
}

fun ChatRoles.json() = obj("payer" to payer, "earner" to earner, "free" to free)

fun ChatMeter.json() = obj(
    "payer_messages" to payerMessages, "earner_messages" to earnerMessages, "billed_words" to billedWords,
    "billed_tokens" to billedTokens, "creator_tokens" to creatorTokens, "royal" to royal,
)

fun MessageCharge.json() = obj(
    "sender" to sender, "words" to words, "free" to free, "billed" to billed, "billed_words" to billedWords,
    "tokens_due" to tokensDue, "creator" to creator, "platform" to platform, "words_per_token" to wordsPerToken,
    "rebased" to rebased, "meter" to meter.json(), "policy_fingerprint" to policyFingerprint,
)

fun BatchCharge.json() = obj(
    "charges" to charges.map { it.json() }, "tokens_due" to tokensDue, "creator" to creator,
    "platform" to platform, "meter" to meter.json(),
)
