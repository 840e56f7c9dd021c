// Revenue calculator (SPEC §2, §3): a stream split, a withdrawal quote, token packs in a
// currency. Computed by splitRevenue, quoteWithdrawal, listPacks, currencies.
import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js/auto';
import { currencies, listPacks, packPrice, quoteWithdrawal, splitRevenue, type PayoutMethod, type RevenueStream } from '@avalo/core';
import { attempt, num, optText } from '../core';
import { usePolicy } from '../policy';
import { ChartCanvas, Check, DateTime, Field, msFromUtc, Panel, Result, Select, Suggest } from '../ui';

const STREAMS: readonly RevenueStream[] = ['chat', 'gated_content', 'paid_media', 'tip', 'ai_companion'];
const METHODS: readonly PayoutMethod[] = ['bank_transfer', 'crypto', 'paypal'];


export function RevenuePanel() {
  const { policy } = usePolicy();

  const [stream, setStream] = useState<string>('chat');
  const [amount, setAmount] = useState('101');
  const split = useMemo(
    () => (policy ? attempt(() => splitRevenue(policy, stream as RevenueStream, num(amount))) : null),
    [policy, stream, amount],
  );

  const [wAmount, setWAmount] = useState('12345');
  const [balance, setBalance] = useState('100000');
  const [kyc, setKyc] = useState(true);
  const [method, setMethod] = useState<string>('bank_transfer');
  const [requestedAt, setRequestedAt] = useState('2026-11-20T12:00');
  const quote = useMemo(
    () =>
      policy
        ? attempt(() =>
            quoteWithdrawal(policy, {
              amount: num(wAmount),
              available_balance: num(balance),
              kyc_verified: kyc,
              method: method as PayoutMethod,
              requested_at_ms: msFromUtc(requestedAt),
            }),
          )
        : null,
    [policy, wAmount, balance, kyc, method, requestedAt],
  );

  const [currency, setCurrency] = useState('PLN');
  const [fx, setFx] = useState('');
  const [packId, setPackId] = useState('(all packs)');
  const packIds = useMemo(() => (policy ? attempt(() => listPacks(policy, 'PLN').map((p) => p.pack_id)) : null), [policy]);
  const packs = useMemo(
    () =>
      policy
        ? attempt(() => ({
            packs: packId === '(all packs)' ? listPacks(policy, currency, optText(fx)) : [packPrice(policy, packId, currency, optText(fx))],
          }))
        : null,
    [policy, currency, fx, packId],
  );
  const known = useMemo(() => attempt(() => currencies().map((c) => c.code)), []);

  const splitChart = useMemo((): ChartConfiguration | null => {
    if (!split?.ok) return null;
    return {
      type: 'doughnut',
      data: {
        labels: ['creator', 'platform'],
        datasets: [{ data: [split.value.creator, split.value.platform], backgroundColor: ['#2f7d5b', '#b0b8c4'] }],
      },
      options: { plugins: { legend: { position: 'right' } } },
    };
  }, [split]);

  const fingerprint = split?.ok ? split.value.policy_fingerprint : undefined;

  return (
    <Panel
      id="revenue"
      title="Revenue calculator"
      intro="A payment split by stream, a creator withdrawal quote, and token pack prices in any currency."
      fingerprint={fingerprint}
    >
      <div className="cols">
        <fieldset>
          <legend>Split a payment</legend>
          <div className="fields">
            <Field label="Amount (tokens)" name="split-amount" numeric value={amount} onChange={setAmount} />
            <Select label="Stream" name="split-stream" value={stream} onChange={setStream} options={STREAMS} />
          </div>
          <Result
            testid="split-result"
            label="Split"
            outcome={split}
            rows={(s) => [
              ['Amount (tokens)', 'amount', s.amount],
              ['Stream', 'stream', s.stream],
              ['Creator share', 'creator_bp', `${s.creator_bp} bp`, s.creator_bp],
              ['Creator tokens', 'creator', s.creator],
              ['Platform tokens', 'platform', s.platform],
            ]}
          >
            {() => splitChart && <ChartCanvas config={splitChart} label="Creator and platform tokens" testid="split-chart" />}
          </Result>
        </fieldset>

        <fieldset>
          <legend>Withdrawal quote</legend>
          <div className="fields">
            <Field label="Withdraw (tokens)" name="w-amount" numeric value={wAmount} onChange={setWAmount} />
            <Field label="Available balance (tokens)" name="w-balance" numeric value={balance} onChange={setBalance} />
            <Select label="Payout method" name="w-method" value={method} onChange={setMethod} options={METHODS} />
            <DateTime label="Requested at" name="w-requested" value={requestedAt} onChange={setRequestedAt} />
            <Check label="KYC verified" name="w-kyc" checked={kyc} onChange={setKyc} />
          </div>
          <Result
            testid="withdrawal-result"
            label="Withdrawal quote"
            outcome={quote}
            rows={(q) => [
              ['Gross (tokens)', 'amount', q.amount],
              ['Fee (tokens)', 'fee', q.fee],
              ['Net tokens', 'net_tokens', q.net_tokens],
              [
                'Payout',
                'payout',
                <>
                  <span data-field="payout.amount">{q.payout.amount}</span> <span data-field="payout.currency">{q.payout.currency}</span>
                </>,
              ],
              ['Method', 'method', q.method],
              ['Arrives from', 'earliest_date', q.earliest_date],
              ['Arrives by', 'latest_date', q.latest_date],
            ]}
          />
        </fieldset>
      </div>

      <fieldset>
        <legend>Token packs</legend>
        <div className="fields">
          <Suggest
            label="Currency (ISO code)"
            name="packs-currency"
            value={currency}
            onChange={setCurrency}
            options={known.ok ? known.value : []}
            hint={known.ok ? `known: ${known.value.join(' ')}` : undefined}
          />
          <Field label="FX rate (per 1 PLN, if not in the table)" name="packs-fx" value={fx} onChange={setFx} />
          <Select
            label="Pack"
            name="packs-pack"
            value={packId}
            onChange={setPackId}
            options={['(all packs)', ...(packIds?.ok ? packIds.value : [])]}
          />
        </div>
        <Result
          testid="packs-result"
          label="Token packs"
          outcome={packs}
          rows={() => []}
        >
          {({ packs: list }) => (
            <div className="table-wrap">
              <table>
                <caption>Packs priced in {list[0]?.price.currency ?? currency}</caption>
                <thead>
                  <tr>
                    <th scope="col">Pack</th>
                    <th scope="col">Tokens</th>
                    <th scope="col">Price</th>
                    <th scope="col">Per token</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.pack_id} data-pack={p.pack_id} data-field="popular" data-value={String(p.popular)}>
                      <th scope="row" data-field="pack_id" data-value={p.pack_id}>
                        {p.pack_id}
                        {p.popular && <span className="badge">popular</span>}
                      </th>
                      <td data-field="tokens">{p.tokens}</td>
                      <td>
                        <span data-field="price.amount">{p.price.amount}</span> <span data-field="price.currency">{p.price.currency}</span>
                      </td>
                      <td data-field="price_per_token">{p.price_per_token}</td>
                      <td data-field="converted" data-value={String(p.converted)}>{p.converted ? 'FX' : 'table'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Result>
      </fieldset>
    </Panel>
  );
}
