// Release gate: release_gate vectors typed into the form (channel, stage, date-time pickers,
// rates, one select per compliance gate); gate lists the selects cannot hold (a gate twice,
// another order) are pasted as JSON.
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, paste, usePolicy, when } from './common.mjs';

const P = 'release';
const GATES = ['terms_of_service', 'privacy_policy', 'age_gate', 'kyc_provider', 'content_moderation', 'refund_policy', 'data_export', 'data_deletion', 'cookie_consent'];
const selectable = (gates) => {
  const order = gates.map((g) => GATES.indexOf(g.gate));
  return order.every((x, k) => x >= 0 && (k === 0 || x > order[k - 1]));
};

async function typeRelease(page, i) {
  await choose(page, P, 'rel-channel', i.channel);
  await fill(page, P, 'rel-stage', i.stage_percent);
  await when(page, P, 'rel-entered', i.entered_at_ms);
  await when(page, P, 'rel-now', i.now_ms);
  await fill(page, P, 'rel-sessions', i.sessions);
  await fill(page, P, 'rel-error', i.error_bp);
  await fill(page, P, 'rel-crash-free', i.crash_free_bp ?? '');
  if (selectable(i.gates)) {
    for (const g of GATES) await choose(page, P, `rel-gate-${g}`, i.gates.find((x) => x.gate === g)?.status ?? '(not reported)');
  } else await paste(page, '#rel-gates', JSON.stringify(i.gates));
}

export async function run(page, t) {
  for (const c of vectors('ops').filter((c) => c.op === 'release_gate')) {
    await t.check(`release/release_gate: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await typeRelease(page, c.input);
      return settle(page, '[data-testid="rel-result"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
        const { rollback_reasons, failing_gates, ...rest } = c.expect;
        return diff(
          { ...rest, rollback_reasons: rollback_reasons.join(','), failing_gates: failing_gates.map((g) => `${g.gate}:${g.status ?? ''}`).join(',') },
          b.fields,
        );
      });
    });
  }
}

export async function pose(page) {
  await usePolicy(page, undefined);
  const c = vectors('ops').find((x) => x.op === 'release_gate' && x.expect?.action === 'hold' && selectable(x.input.gates)) ?? vectors('ops').find((x) => x.op === 'release_gate' && x.expect);
  await typeRelease(page, c.input);
}
