// needs: fun uniffi_avalo_ffi_fn_func_split_amount(
// What one UniFFI call costs on JNA, piece by piece (issue 20). Compiled in the same Kotlin
// module as the generated bindings, so it can call their `internal` JNA declarations directly:
// - the floor: a direct-mapped JNA call with no argument and an Int result (contract version);
// - a `UniffiRustCallStatus` (a JNA Structure) allocated, as the generated code does per call;
// - clone + free of the Policy handle (two calls with a Long and a status Structure), with the
//   status reused and with a fresh one per call as generated;
// - splitAmount's raw call (a RustBuffer Structure returned by value) + free, without lifting.
package com.avalo.bench

import com.avalo.core.types.Policy
import com.avalo.core.types.RustBuffer
import com.avalo.core.types.UniffiLib as CoreLib
import com.avalo.core.types.UniffiRustCallStatus as CoreStatus
import com.avalo.core.UniffiLib as FfiLib
import com.avalo.core.UniffiRustCallStatus as FfiStatus
import com.avalo.core.IntegrityCheckingUniffiLib as FfiCheckLib

fun jnaBenches(policy: Policy) {
    row("jna: direct call, no argument, Int back (contract version)", 1) { FfiCheckLib.ffi_avalo_ffi_uniffi_contract_version() }
    row("jna: new UniffiRustCallStatus (Structure + native memory)", 1) { CoreStatus() }
    val h = policy.uniffiCloneHandle()
    val st = CoreStatus()
    row("jna: clone + free policy handle, status reused (2 calls)", 2) {
        CoreLib.uniffi_avalo_core_fn_free_policy(CoreLib.uniffi_avalo_core_fn_clone_policy(h, st), st)
    }
    row("jna: clone + free policy handle, new status each (2 calls, as generated)", 2) {
        CoreLib.uniffi_avalo_core_fn_free_policy(CoreLib.uniffi_avalo_core_fn_clone_policy(h, CoreStatus()), CoreStatus())
    }
    val fst = FfiStatus()
    row("jna: splitAmount raw call + RustBuffer.free (2 calls), no lift", 1) {
        RustBuffer.free(FfiLib.uniffi_avalo_ffi_fn_func_split_amount(101L, 6500, fst))
    }
    CoreLib.uniffi_avalo_core_fn_free_policy(h, st)
}
