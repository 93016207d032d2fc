import { useMemo, useState } from 'react';
import { estimateCost } from '../core/cost';
import { usePortico } from '../state/context';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

function NumberInput({ label, value, onChange, hint }: { label: string; value: number; onChange: (value: number) => void; hint?: string }) {
  const [text, setText] = useState(String(value));
  const invalid = text.trim() === '' || !Number.isFinite(Number(text)) || Number(text) < 0;
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium">{label}</span>
      <input
        inputMode="decimal"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        value={text}
        aria-invalid={invalid}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (event.target.value.trim() !== '' && Number.isFinite(next) && next >= 0) onChange(next);
        }}
      />
      {invalid ? (
        <span className="text-xs text-red-700 dark:text-red-300">Enter a number of 0 or more.</span>
      ) : hint ? (
        <span className="text-xs text-slate-500 dark:text-slate-400">{hint}</span>
      ) : null}
    </label>
  );
}

/** Monthly cost of this design at a given traffic, line by line, and the same traffic on the other API types. */
export function CostPanel() {
  const design = usePortico((s) => s.design);
  const [requestsMillions, setRequestsMillions] = useState(10);
  const [payloadKb, setPayloadKb] = useState(4);
  const [connectionMinutesMillions, setConnectionMinutesMillions] = useState(1);
  const [cacheHours, setCacheHours] = useState(730);
  const estimate = useMemo(
    () =>
      estimateCost(design, {
        requestsPerMonth: requestsMillions * 1_000_000,
        averagePayloadKb: payloadKb,
        connectionMinutesPerMonth: connectionMinutesMillions * 1_000_000,
        cacheHoursPerMonth: cacheHours,
      }),
    [design, requestsMillions, payloadKb, connectionMinutesMillions, cacheHours],
  );
  const isWebSocket = design.api.type === 'WEBSOCKET';
  return (
    <div className="space-y-3 p-3 text-sm" data-testid="cost-panel">
      <div className="grid grid-cols-2 gap-2">
        <NumberInput
          label={isWebSocket ? 'Messages per month (millions)' : 'Requests per month (millions)'}
          value={requestsMillions}
          onChange={setRequestsMillions}
        />
        <NumberInput label="Average payload (KB)" value={payloadKb} onChange={setPayloadKb} />
        <NumberInput
          label="Connection minutes per month (millions)"
          value={connectionMinutesMillions}
          onChange={setConnectionMinutesMillions}
          hint="WebSocket only"
        />
        <NumberInput label="Cache hours per month" value={cacheHours} onChange={setCacheHours} hint="730 = always on" />
      </div>
      <table className="w-full text-xs" aria-label="Monthly cost">
        <thead>
          <tr className="text-left text-slate-500 dark:text-slate-400">
            <th className="py-1 font-medium">Item</th>
            <th className="py-1 font-medium">Quantity</th>
            <th className="py-1 text-right font-medium">USD</th>
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((line) => (
            <tr key={line.label} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">{line.label}</td>
              <td className="py-1">{line.quantity}</td>
              <td className="py-1 text-right tabular-nums">{usd.format(line.amountUsd)}</td>
            </tr>
          ))}
          <tr className="border-t-2 border-slate-300 font-semibold dark:border-slate-600">
            <td className="py-1" colSpan={2}>
              Total per month
            </td>
            <td className="py-1 text-right tabular-nums" data-testid="cost-total">
              {usd.format(estimate.totalUsd)}
            </td>
          </tr>
        </tbody>
      </table>
      {estimate.comparisons.length > 0 ? (
        <div>
          <h3 className="mb-1 text-xs font-semibold">The same traffic on another API type</h3>
          <ul className="space-y-1 text-xs">
            {estimate.comparisons.map((comparison) => (
              <li key={comparison.apiType}>
                <span className="font-medium">{comparison.apiType === 'WEBSOCKET' ? 'WebSocket' : comparison.apiType} API</span>:{' '}
                {usd.format(comparison.totalUsd)}
                {comparison.lostFeatures.length > 0 ? (
                  <span className="text-slate-600 dark:text-slate-300"> — loses {comparison.lostFeatures.join(', ')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Prices for {estimate.priceSource.region} as of {estimate.priceSource.date}, from{' '}
        <a className="underline" href={estimate.priceSource.url} target="_blank" rel="noopener noreferrer">
          the API Gateway pricing page
        </a>
        . Free tier, data transfer and backend costs not included.
      </p>
    </div>
  );
}
