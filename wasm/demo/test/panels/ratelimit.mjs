// Rate-limit simulator: action_limit, list_actions, decide_action and decide_sequence vectors.
import { diff, settle, vectorCheck, vectors } from '../harness.mjs';
import { choose, fill, tick, usePolicy, when } from './common.mjs';

const P = 'ratelimit';

/** Writes a timeline: start = the first request's time, lines "offset cost". */
async function timeline(page, requests) {
  const start = requests.length ? requests[0].now_ms : 1795176000000;
  await when(page, P, 'rl-start', start);
  await page.fill('#rl-requests', requests.map((r) => `${r.now_ms - start} ${r.cost}`).join('\n'));
}

/** Checks the decisions table against expected decisions. */
const rowsMatch = (want, rows) =>
  rows.length !== want.length
    ? [`${rows.length} decisions shown, want ${want.length}`]
    : want.flatMap((w, k) => diff(w, rows[k]).map((p) => `decision ${k + 1}: ${p}`));

export async function run(page, t) {
  const cases = vectors('ratelimit');
  for (const c of cases.filter((c) => c.op === 'action_limit')) {
    await t.check(`ratelimit/action_limit: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await tick(page, P, 'rl-custom', false);
      await fill(page, P, 'rl-action', c.input.action);
      await choose(page, P, 'rl-tier', c.input.tier);
      return settle(page, '[data-testid="ratelimit-limit"]', vectorCheck(c));
    });
  }

  for (const c of cases.filter((c) => c.op === 'list_actions')) {
    await t.check(`ratelimit/list_actions: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await tick(page, P, 'rl-custom', false);
      await choose(page, P, 'rl-tier', c.input.tier);
      return settle(page, '[data-testid="ratelimit-actions"]', (b) => {
        if (b.state !== 'ok') return [`state ${b.state}`];
        const want = c.expect.actions;
        if (b.rows.length !== want.length) return [`${b.rows.length} actions, want ${want.length}`];
        return want.flatMap((w, k) => diff(w, b.rows[k]).map((p) => `row ${k}: ${p}`));
      });
    });
  }

  for (const c of cases.filter((c) => c.op === 'decide_action')) {
    await t.check(`ratelimit/decide_action: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await tick(page, P, 'rl-custom', false);
      await fill(page, P, 'rl-action', c.input.action);
      await choose(page, P, 'rl-tier', c.input.tier);
      await fill(page, P, 'rl-state', c.input.state);
      await timeline(page, [{ now_ms: c.input.now_ms, cost: c.input.cost }]);
      return settle(page, '[data-testid="ratelimit-run"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
        return rowsMatch([c.expect], b.rows);
      });
    });
  }

  for (const c of cases.filter((c) => c.op === 'decide_sequence')) {
    await t.check(`ratelimit/decide_sequence: ${c.name}`, async () => {
      await usePolicy(page, c.policy);
      await tick(page, P, 'rl-custom', true);
      await fill(page, P, 'rl-limit', c.input.limit.limit);
      await fill(page, P, 'rl-window', c.input.limit.window_ms);
      await fill(page, P, 'rl-burst', c.input.limit.burst);
      await fill(page, P, 'rl-state', c.input.state);
      await timeline(page, c.input.requests);
      return settle(page, '[data-testid="ratelimit-run"]', (b) => {
        if (c.error !== undefined) return vectorCheck(c)(b);
        if (b.state !== 'ok') return [`state ${b.state} (${b.fields['error.code']} ${b.fields['error.reason']})`];
        const { decisions, ...rest } = c.expect;
        return [...diff(rest, b.fields), ...(decisions ? rowsMatch(decisions, b.rows) : [])];
      });
    });
  }

  await t.check('ratelimit/bad timeline shows the code and reason', async () => {
    await usePolicy(page, undefined);
    await tick(page, P, 'rl-custom', false);
    await fill(page, P, 'rl-action', 'login');
    await fill(page, P, 'rl-state', '0');
    await page.fill('#rl-requests', '0 1\nsoon 1');
    return settle(page, '[data-testid="ratelimit-run"]', (b) =>
      b.state === 'error' && b.fields['error.code'] === 'INVALID_INPUT' && b.fields['error.reason'] ? [] : [`shows ${JSON.stringify(b.fields)}`],
    );
  });

  await t.check('ratelimit/Fire appends requests and they are decided', async () => {
    await page.fill('#rl-requests', '0');
    await fill(page, P, 'rl-fire-n', 12);
    await fill(page, P, 'rl-fire-every', 0);
    await page.click('#ratelimit button:has-text("Fire")');
    const limit = cases.find((c) => c.op === 'action_limit' && c.input.action === 'login' && !c.policy && c.input.tier === 'free');
    const burst = limit.expect.rate.burst;
    return settle(page, '[data-testid="ratelimit-run"]', (b) =>
      b.rows.length === 13 && b.fields.admitted === String(burst) && b.rows[burst]?.allowed === 'false' ? [] : [`admitted ${b.fields.admitted} of ${b.rows.length}`],
    );
  });
}

export async function pose(page) {
  await usePolicy(page, undefined);
  await tick(page, P, 'rl-custom', false);
  await fill(page, P, 'rl-action', 'login');
  await choose(page, P, 'rl-tier', 'free');
  await fill(page, P, 'rl-state', '0');
  await when(page, P, 'rl-start', 1795176000000);
  await page.fill('#rl-requests', ['0', '0', '0', '0', '0', '0', '0', '0', '10000', '20000', '25000', '30000', '60000', '60000', '90000', '95000'].join('\n'));
}
