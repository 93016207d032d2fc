import { Trash2 } from 'lucide-react';
import { memo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addDomain, createId, type DomainId, deleteDomain } from '../../core/model';
import { usePortico } from '../../state/context';
import { IconButton } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { AddByName } from '../add-by-name';
import { ConfirmDelete } from '../confirm-delete';
import { useApply } from '../use-field-commit';
import { DomainForm } from './domain-form';

/** Custom domain names: the list (add, choose, delete) and the settings, mappings and rules of the one chosen. */
export function DomainsPanel() {
  const ids = usePortico(useShallow((s) => Object.keys(s.design.domains) as DomainId[]));
  const apiType = usePortico((s) => s.design.api.type);
  const [chosen, setChosen] = useState<DomainId | null>(null);
  const current = chosen !== null && ids.includes(chosen) ? chosen : (ids[0] ?? null);
  return (
    <div className="space-y-3 p-3 text-sm" data-testid="domains-panel">
      <h2 className="text-sm font-semibold">Custom domains</h2>
      {ids.length === 0 ? (
        <EmptyState>
          No custom domains yet. A custom domain gives callers your own address, such as https://api.example.com/orders, instead of the
          execute-api URL API Gateway generates, and sends each request on to a stage of this API. Add one below; you need a domain name you
          own and an ACM certificate for it.
        </EmptyState>
      ) : (
        <ul aria-label="Custom domains" className="space-y-1">
          {ids.map((id) => (
            <DomainRow key={id} id={id} isCurrent={id === current} onChoose={setChosen} />
          ))}
        </ul>
      )}
      <AddDomain onAdded={setChosen} />
      {current ? (
        <div className="border-t border-slate-200 pt-2 dark:border-slate-700">
          <DomainForm key={current} domainId={current} apiType={apiType} />
        </div>
      ) : null}
    </div>
  );
}

const DomainRow = memo(function DomainRow({
  id,
  isCurrent,
  onChoose,
}: {
  id: DomainId;
  isCurrent: boolean;
  onChoose: (id: DomainId) => void;
}) {
  const name = usePortico((s) => s.design.domains[id]?.domainName ?? '');
  const apply = useApply();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={`flex items-center gap-1 rounded px-1 ${isCurrent ? 'bg-violet-50 dark:bg-violet-950' : ''}`}>
      <button
        type="button"
        className="min-w-0 flex-1 truncate rounded px-1 py-1 text-left font-mono text-sm focus-visible:outline-2 focus-visible:outline-violet-600"
        aria-current={isCurrent ? 'true' : undefined}
        onClick={() => onChoose(id)}
      >
        {name}
      </button>
      <IconButton label={`Delete custom domain ${name}`} icon={<Trash2 size={14} />} onClick={() => setConfirming(true)} />
      <ConfirmDelete
        open={confirming}
        what="custom domain"
        name={name}
        onClose={() => setConfirming(false)}
        onDelete={() => apply('Delete custom domain', (design) => deleteDomain(design, id))}
      >
        <p>Its API mappings and routing rules go with it; the stages stay. You can undo this.</p>
      </ConfirmDelete>
    </li>
  );
});

function AddDomain({ onAdded }: { onAdded: (id: DomainId) => void }) {
  return (
    <AddByName
      label="New domain name"
      placeholder="api.example.com"
      button="Add domain"
      undoLabel="Add custom domain"
      monospace
      make={(name) => {
        const id = createId('Domain');
        return { id, operation: (design) => addDomain(design, { domainName: name, id }) };
      }}
      onAdded={onAdded}
    />
  );
}
