// needs: fun `previewMessage`
// Message billing from Kotlin: one quote (previewMessage), 100 messages in one billMessages
// call, countWords and countWordsBatch (same text as benches/cross-language/js/bench.js).
package com.avalo.bench

import com.avalo.core.types.ChatMessage
import com.avalo.core.types.ChatMeter
import com.avalo.core.types.Policy
import com.avalo.core.types.Sender
import com.avalo.core.billMessages
import com.avalo.core.countWords
import com.avalo.core.countWordsBatch
import com.avalo.core.previewMessage

private const val TEXT = "Hey! How was your weekend? I finally went hiking in the Tatras, the view from Kasprowy was amazing and the weather held all day long."

fun billingBenches(policy: Policy) {
    val zero = ChatMeter(0uL, 0uL, 0uL, 0uL, 0uL, false)
    val one = row("previewMessage (24-word message)", 1) { previewMessage(policy, zero, Sender.EARNER, TEXT, false) }
    val msgs = List(100) { ChatMessage(Sender.EARNER, TEXT) }
    val batch = row("billMessages, 100 messages", 100) { billMessages(policy, zero, msgs, false, 1_000_000_000uL) }
    row("countWords (24-word message)", 1) { countWords(policy, TEXT) }
    val texts = List(1_000) { TEXT }
    row("countWordsBatch, 1 000 messages", 1_000) { countWordsBatch(policy, texts) }
    println("batch speed-up, message billing: %.1fx per message (100 in one call vs previewMessage each)".format(one / (batch / 100)))
}
