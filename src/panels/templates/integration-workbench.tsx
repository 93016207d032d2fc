import { X } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Design, type IntegrationBinding, type MethodId, updateBinding } from '../../core/model';
import { chooseRequestTemplate } from '../../core/templates/integration-request';
import { templateVocabulary } from '../../core/templates/template-vocabulary';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { EmptyState, inputClass } from '../../ui/field';
import { type Operation, useFieldCommit } from '../use-field-commit';
import { integrationTestMessage, workbenchSubject } from './integration-test-message';
import { BackendResponseForm, SampleRequestForm } from './sample-forms';
import { TemplateEditor } from './template-editor';
import { IntegrationRequestView, MethodResponseView } from './test-results';
import { useIntegrationTest } from './use-integration-test';
import type { WorkbenchFocus } from './workbench-state';

/**
 * A large modal on the native <dialog> (focus kept inside, Escape closes): the workbench needs most of the
 * screen, more than the app's dialogs give.
 */
function WorkbenchDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      data-testid="integration-workbench"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto h-[92vh] w-[min(100rem,97vw)] max-w-none rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 className="text-base font-semibold">{title}</h2>
          <IconButton label="Close the workbench" icon={<X size={16} />} onClick={onClose} />
        </div>
        <div className="min-h-0 flex-1 overflow-hidden text-sm">{children}</div>
      </div>
    </dialog>
  );
}

/** A template the workbench can edit: `request:<content type>` or `response:<index>:<content type>`. */
interface TemplateEntry {
  key: string;
  label: string;
  focus: WorkbenchFocus & { contentType: string };
}

function templateEntries(binding: IntegrationBinding): TemplateEntry[] {
  const entries: TemplateEntry[] = [];
  for (const [contentType, template] of Object.entries(binding.requestTemplates))
    if (typeof template === 'string')
      entries.push({ key: `request:${contentType}`, label: `Request template · ${contentType}`, focus: { phase: 'request', contentType } });
  binding.responses.forEach((response, index) => {
    for (const contentType of Object.keys(response.responseTemplates))
      entries.push({
        key: `response:${index}:${contentType}`,
        label: `Response ${response.selectionPattern} → ${response.statusCode} · ${contentType}`,
        focus: { phase: 'response', index, contentType },
      });
  });
  return entries;
}

function entryKey(focus: WorkbenchFocus | undefined): string | undefined {
  if (!focus || focus.contentType === undefined) return undefined;
  return focus.phase === 'request' ? `request:${focus.contentType}` : `response:${focus.index}:${focus.contentType}`;
}

function templateText(binding: IntegrationBinding, focus: TemplateEntry['focus']): string {
  if (focus.phase === 'request') {
    const value = binding.requestTemplates[focus.contentType];
    return typeof value === 'string' ? value : '';
  }
  return binding.responses[focus.index]?.responseTemplates[focus.contentType] ?? '';
}

function writeTemplate(methodId: MethodId, focus: TemplateEntry['focus'], text: string): Operation {
  return (design: Design) => {
    const binding = design.methods[methodId]?.integration;
    if (!binding) return design;
    if (focus.phase === 'request')
      return updateBinding(design, methodId, { requestTemplates: { ...binding.requestTemplates, [focus.contentType]: text } });
    return updateBinding(design, methodId, {
      responses: binding.responses.map((response, index) =>
        index === focus.index ? { ...response, responseTemplates: { ...response.responseTemplates, [focus.contentType]: text } } : response,
      ),
    });
  };
}

/** The large editor of one template of the method, chosen from the method's templates. */
function TemplateColumn({
  methodId,
  binding,
  selected,
  onSelect,
}: {
  methodId: MethodId;
  binding: IntegrationBinding;
  selected: string | undefined;
  onSelect: (key: string) => void;
}) {
  const store = usePorticoStore();
  const pickerId = useId();
  const entries = templateEntries(binding);
  const entry = entries.find((candidate) => candidate.key === selected) ?? entries[0];
  const fieldKey = entry
    ? entry.focus.phase === 'request'
      ? `${methodId}.integration.requestTemplates`
      : `${methodId}.integration.responses.${entry.focus.index}.templates`
    : `${methodId}.integration.requestTemplates`;
  const { error, commit } = useFieldCommit('Change mapping template', fieldKey);
  const phase = entry?.focus.phase ?? 'request';
  const vocabulary = useCallback(() => templateVocabulary(store.getState().design, methodId, phase), [store, methodId, phase]);
  if (!entry)
    return (
      <div className="space-y-2">
        <EmptyState>This method has no mapping templates yet: the body passes through as its passthrough behavior says.</EmptyState>
        <Button
          size="sm"
          onClick={() => {
            commit(writeTemplate(methodId, { phase: 'request', contentType: 'application/json' }, ''));
            onSelect('request:application/json');
          }}
        >
          Add an application/json request template
        </Button>
      </div>
    );
  return (
    <div className="flex h-full flex-col gap-2">
      <div>
        <label htmlFor={pickerId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
          Template
        </label>
        <select id={pickerId} className={inputClass} value={entry.key} onChange={(event) => onSelect(event.target.value)}>
          {entries.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <div className="min-h-0 flex-1">
        <TemplateEditor
          key={entry.key}
          size="large"
          label={entry.label}
          vocabulary={vocabulary}
          value={templateText(binding, entry.focus)}
          onChange={(text) => commit(writeTemplate(methodId, entry.focus, text))}
        />
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Column({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`flex min-h-0 flex-col overflow-auto p-3 ${className}`}>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{title}</h3>
      {children}
    </section>
  );
}

/**
 * The integration workbench of a REST method: the sample method request and backend answer (kept with the
 * design), a large editor for any of the method's mapping templates, and, as they change, the integration
 * request API Gateway would send and the method response a client would get. Rendering runs in a worker.
 */
export function IntegrationWorkbench({ methodId, focus, onClose }: { methodId: MethodId; focus?: WorkbenchFocus; onClose: () => void }) {
  const design = usePortico((s) => s.design);
  const subject = useMemo(() => workbenchSubject(design, methodId), [design, methodId]);
  const built = useMemo(() => integrationTestMessage(design, methodId), [design, methodId]);
  const run = useIntegrationTest('message' in built ? built.message : undefined);
  const [selected, setSelected] = useState<string | undefined>(() => {
    const focused = entryKey(focus);
    if (focused !== undefined || !subject.ok) return focused;
    const choice = chooseRequestTemplate(
      Object.fromEntries(Object.entries(subject.binding.requestTemplates).filter(([, value]) => typeof value === 'string')) as Record<
        string,
        string
      >,
      Object.entries(subject.request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1],
      subject.binding.passthroughBehavior,
    );
    return choice.kind === 'template' ? `request:${choice.contentType}` : undefined;
  });
  const title = subject.method ? `Test ${subject.method.httpMethod} ${subject.path} offline` : 'Test offline';
  const show = (target: WorkbenchFocus) => setSelected(entryKey(target));
  if (!subject.ok)
    return (
      <WorkbenchDialog title={title} onClose={onClose}>
        <div className="p-4">
          <EmptyState>{subject.reason}</EmptyState>
        </div>
      </WorkbenchDialog>
    );
  const result = run.status === 'done' ? run.result : run.status === 'running' ? run.previous : undefined;
  return (
    <WorkbenchDialog title={title} onClose={onClose}>
      <div className="grid h-full grid-cols-[minmax(17rem,24rem)_minmax(0,1fr)_minmax(19rem,28rem)] divide-x divide-slate-200 dark:divide-slate-700">
        <Column title="Sample method request">
          <SampleRequestForm methodId={methodId} sample={subject.request} path={subject.path} />
          <h3 className="mt-4 mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            Sample backend response
          </h3>
          <BackendResponseForm methodId={methodId} kind={subject.target.kind} sample={subject.response} />
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            Samples are kept with the design (not in its exports). Nothing is sent anywhere: the templates are rendered here.
          </p>
        </Column>
        <Column title="Mapping template">
          <TemplateColumn methodId={methodId} binding={subject.binding} selected={selected} onSelect={setSelected} />
        </Column>
        <Column title="Result">
          <div className="space-y-4" aria-live="polite">
            <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="workbench-status">
              {run.status === 'running' ? 'Rendering…' : run.status === 'stopped' ? '' : 'Up to date.'}
            </p>
            {run.status === 'stopped' ? (
              <p
                role="alert"
                className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
              >
                {run.message}
              </p>
            ) : null}
            {'notes' in built && built.notes.length > 0 ? (
              <ul className="list-disc pl-4 text-xs text-slate-600 dark:text-slate-300">
                {built.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
            {result ? (
              <>
                <IntegrationRequestView result={result.integrationRequest} onShow={show} />
                <MethodResponseView result={result.methodResponse} onShow={show} />
              </>
            ) : null}
          </div>
        </Column>
      </div>
    </WorkbenchDialog>
  );
}
