import { useId, useMemo, useState } from 'react';
import type { ApiType, CorsConfiguration } from '../../core/model';
import { previewPreflight } from '../../core/model/preflight';
import { CheckboxShell, inputClass } from '../../ui/field';

/** A page origin to start from: the first named allowed origin. */
function sampleOrigin(cors: CorsConfiguration | undefined): string {
  return cors?.allowOrigins.find((origin) => origin !== '*' && !origin.endsWith('://*')) ?? 'https://app.example.com';
}

function PreviewInput({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        className={`${inputClass} font-mono text-xs`}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * What a browser would get for a CORS preflight with the API's settings: an origin, method and headers
 * in; whether the browser goes on, API Gateway's status and headers, and why not. Nothing is sent: the
 * answer is worked out from the settings (see core/model/preflight.ts).
 */
export function PreflightPreview({ apiType, cors }: { apiType: ApiType; cors: CorsConfiguration | undefined }) {
  const [origin, setOrigin] = useState(() => sampleOrigin(cors));
  const [method, setMethod] = useState('PUT');
  const [headers, setHeaders] = useState('Content-Type');
  const [credentials, setCredentials] = useState(false);
  const answer = useMemo(
    () =>
      previewPreflight(
        { type: apiType, cors },
        {
          origin: origin.trim(),
          method,
          headers: headers.split(',').map((name) => name.trim()),
          credentials,
        },
      ),
    [apiType, cors, origin, method, headers, credentials],
  );
  return (
    <div className="space-y-2 rounded border border-slate-200 p-2 dark:border-slate-700" data-testid="preflight-preview">
      <p className="text-xs font-semibold text-slate-700 dark:text-slate-200">Preflight preview</p>
      <PreviewInput label="Page origin" value={origin} onChange={setOrigin} placeholder="https://app.example.com" />
      <div className="grid grid-cols-2 gap-2">
        <PreviewInput label="Request method" value={method} onChange={setMethod} placeholder="PUT" />
        <PreviewInput label="Request headers" value={headers} onChange={setHeaders} placeholder="Content-Type, X-Trace-Id" />
      </div>
      <CheckboxShell label="Sent with credentials (cookies)" checked={credentials} onChange={setCredentials} />
      <div
        role="status"
        data-testid="preflight-verdict"
        data-allowed={answer.allowed}
        className={`rounded px-2 py-1 text-xs ${
          answer.allowed
            ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
            : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100'
        }`}
      >
        <p className="font-semibold">
          {answer.allowed ? 'Allowed: the browser sends the request.' : 'Blocked: the browser does not send the request.'}
          {answer.status !== undefined ? ` API Gateway answers ${answer.status}.` : ''}
        </p>
        {answer.reasons.length > 0 ? (
          <ul className="mt-1 list-disc pl-4">
            {answer.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {answer.headers.length > 0 ? (
        <table className="w-full text-xs" data-testid="preflight-headers">
          <caption className="text-left text-xs text-slate-600 dark:text-slate-300">Response headers</caption>
          <tbody>
            {answer.headers.map(([name, value]) => (
              <tr key={name} className="align-top">
                <th scope="row" className="py-0.5 pr-2 text-left font-mono font-normal text-slate-700 dark:text-slate-300">
                  {name}
                </th>
                <td className="py-0.5 font-mono break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
