import { KeyRound, Lock, LockOpen, Plug, Unplug } from 'lucide-react';
import type { AuthorizerId, IntegrationBinding } from '../../core/model';
import { usePortico } from '../../state/context';
import { authorizerLabels, integrationLabels } from '../palette-entries';
import { Badge } from './node-frame';

// White 10 px bold text needs a 700 shade (or blue-600) to reach WCAG AA's 4.5:1; the 500/600 shades of
// emerald, amber and teal fall short (https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html).
const verbTones: Record<string, string> = {
  GET: 'bg-emerald-700 text-white',
  POST: 'bg-blue-600 text-white',
  PUT: 'bg-amber-700 text-white',
  PATCH: 'bg-teal-700 text-white',
  DELETE: 'bg-red-700 text-white',
};

export function verbTone(verb: string): string {
  return verbTones[verb] ?? 'bg-slate-600 text-white';
}

/** Accent stripe colour per verb (same hues as the badge). */
export function verbAccent(verb: string): string {
  return (
    { GET: 'bg-emerald-500', POST: 'bg-blue-500', PUT: 'bg-amber-500', PATCH: 'bg-teal-500', DELETE: 'bg-red-500' }[verb] ?? 'bg-slate-400'
  );
}

export function VerbBadge({ verb }: { verb: string }) {
  return (
    <span className={`shrink-0 rounded px-1.5 py-px font-mono text-[10px] leading-4 font-bold tracking-wide ${verbTone(verb)}`}>
      {verb}
    </span>
  );
}

/** Who may call: the authorizer's name and kind, or "open". Selects only that authorizer. */
export function AuthBadge({ authorizerId }: { authorizerId: AuthorizerId | undefined }) {
  const authorizer = usePortico((s) => (authorizerId ? s.design.authorizers[authorizerId] : undefined));
  if (!authorizer)
    return (
      <Badge title="No authorizer: anyone can call">
        <LockOpen aria-hidden="true" className="h-2.5 w-2.5" />
        open
      </Badge>
    );
  const kind = authorizerLabels[authorizer.kind];
  return (
    <Badge tone="bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300" title={`Authorizer ${authorizer.name} (${kind})`}>
      <Lock aria-hidden="true" className="h-2.5 w-2.5" />
      <span className="truncate">{authorizer.name}</span>
    </Badge>
  );
}

/** The backend: integration kind and proxy/custom. Selects only that integration. */
export function BackendBadge({ binding }: { binding: IntegrationBinding | undefined }) {
  const integrationId = binding?.integrationId;
  const kind = usePortico((s) => (integrationId ? s.design.integrations[integrationId]?.kind : undefined));
  if (!binding || !kind)
    return (
      <Badge tone="bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300" title="No integration yet">
        <Unplug aria-hidden="true" className="h-2.5 w-2.5" />
        no backend
      </Badge>
    );
  const mode = binding.proxy ? 'proxy' : 'custom';
  return (
    <Badge tone="bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" title={`${integrationLabels[kind]}, ${mode}`}>
      <Plug aria-hidden="true" className="h-2.5 w-2.5" />
      <span className="truncate">
        {integrationLabels[kind]} · {mode}
      </span>
    </Badge>
  );
}

export function ApiKeyBadge() {
  return (
    <Badge tone="bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300" title="API key required">
      <KeyRound aria-hidden="true" className="h-2.5 w-2.5" />
      key
    </Badge>
  );
}
