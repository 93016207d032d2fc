import { Copy } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { MethodId } from '../../core/model';
import { lambdaCorsHeaders, needsLambdaCorsHeaders, nodeCorsSnippet, pythonCorsSnippet } from '../../core/model/cors-lambda-snippets';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button } from '../../ui/button';
import { Section } from '../../ui/field';
import { Tabs } from '../../ui/tabs';

type Language = 'node' | 'python';

/**
 * For a REST method whose Lambda proxy function answers it while the API has CORS settings: the CORS
 * headers the function must return itself (API Gateway adds none to a proxy answer), with a handler
 * in Node.js and Python to copy.
 */
export function CorsProxyHeaders({ id }: { id: MethodId }) {
  const needed = usePortico((s) => needsLambdaCorsHeaders(s.design, id));
  const cors = usePortico((s) => s.design.api.cors);
  const store = usePorticoStore();
  const [language, setLanguage] = useState<Language>('node');
  const [copied, setCopied] = useState(false);
  const headers = useMemo(() => lambdaCorsHeaders(cors), [cors]);
  if (!needed || !headers) return null;
  const snippet = language === 'node' ? nodeCorsSnippet(headers) : pythonCorsSnippet(headers);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      store.getState().notify({ tone: 'error', message: 'The browser did not allow copying; select the code and copy it instead.' });
    }
  };
  return (
    <Section title="CORS headers from the function">
      <div data-testid="cors-proxy-headers" className="space-y-2">
        <p className="text-xs text-slate-600 dark:text-slate-300">
          A Lambda proxy integration passes the function's answer straight through: API Gateway answers the preflight, but the function must
          return these headers with every response, or browsers refuse to read it.
        </p>
        <table className="w-full text-xs">
          <tbody>
            {headers.headers.map(([name, value]) => (
              <tr key={name} className="align-top">
                <th scope="row" className="py-0.5 pr-2 text-left font-mono font-normal text-slate-700 dark:text-slate-300">
                  {name}
                </th>
                <td className="py-0.5 font-mono break-all">
                  {name === 'Access-Control-Allow-Origin' && headers.origins.length > 1
                    ? `the caller's, one of ${headers.origins.join(', ')}`
                    : value}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Tabs
          label="Handler language"
          tabs={[
            { id: 'node', label: 'Node.js' },
            { id: 'python', label: 'Python' },
          ]}
          selected={language}
          onSelect={setLanguage}
        >
          <div className="space-y-1 pt-1">
            <div className="flex justify-end">
              <Button size="sm" icon={<Copy size={12} />} onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
            <pre
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable so that the keyboard can scroll it
              tabIndex={0}
              className="max-h-72 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
              data-testid="cors-snippet"
            >
              {snippet}
            </pre>
          </div>
        </Tabs>
      </div>
    </Section>
  );
}
