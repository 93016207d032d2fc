import { Check, Copy, Download, Play, RotateCcw, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { createBackgroundImport } from '../app/dialogs/background-import';
import type { ExportProfile } from '../core/openapi';
import { usePortico, usePorticoStore } from '../state/context';
import { recordStageExport } from '../state/library/record-export';
import { Button, IconButton } from '../ui/button';
import { downloadText } from '../ui/files';
import { Tabs } from '../ui/tabs';
import { CodeEditor, type CodeEditorHandle, type EditorMarker } from './code-editor';
import { locateInExport } from './locate';
import type { CodeFormat, CodeTarget } from './render-code';
import { type EditorSink, useRenderedCode } from './use-rendered-code';

const targetLabels: Record<CodeTarget, string> = { openapi3: 'OpenAPI 3.0', swagger2: 'Swagger 2.0', cdk: 'AWS CDK' };

/** The two OpenAPI documents of a design: what API Gateway imports, and what the API's callers read. */
const profileLabels: Record<ExportProfile, { label: string; title: string }> = {
  aws: { label: 'AWS', title: "For API Gateway's importer: every x-amazon-apigateway extension, editable and applied back to the design." },
  public: {
    label: 'Public',
    title:
      'For portals, SDK generators and MCP clients: no API Gateway extensions, ARNs, stage variables or internal operations; the stage invoke URL as server. Read-only.',
  },
};

type ApplyState = { state: 'idle' } | { state: 'error'; message: string; markers: EditorMarker[] } | { state: 'applied'; notes: string[] };

/**
 * The live code view: the export of the current design (OpenAPI 3.0, Swagger 2.0 or the CDK program),
 * recomputed off the main thread as the design changes. OpenAPI text can be edited and applied back to
 * the design; until the text parses and imports, the design is untouched and the errors show in place.
 */
export default function CodeView() {
  const store = usePorticoStore();
  const apiType = usePortico((s) => s.design.api.type);
  const stageNames = usePortico(useShallow((s) => s.design.stageOrder.map((id) => s.design.stages[id]?.name ?? '')));
  const [target, setTarget] = useState<CodeTarget>('openapi3');
  const [format, setFormat] = useState<CodeFormat>('yaml');
  const [stageName, setStageName] = useState<string | undefined>(undefined);
  const [profile, setProfile] = useState<ExportProfile>('aws');
  const [dirty, setDirty] = useState(false);
  const [apply, setApply] = useState<ApplyState>({ state: 'idle' });
  const [applying, setApplying] = useState(false);
  // Applied text is read like an import: YAML in a worker, so a big text does not freeze the page.
  const [background] = useState(() => createBackgroundImport(() => import('../core/openapi')));
  useEffect(() => () => background.dispose(), [background]);
  const [copied, setCopied] = useState(false);
  const editorHandle = useRef<CodeEditorHandle | null>(null);
  // The first selected element's place in the export (recomputed only when the selection or the design changes).
  const selected = usePortico((s) => s.selection[0]);
  const design = usePortico((s) => s.design);
  // Lines are located in the AWS document; the public one leaves parts out, so it is not revealed into.
  const reveal = useMemo(
    () => (selected && target !== 'cdk' && profile === 'aws' ? locateInExport(design, selected) : undefined),
    [design, selected, target, profile],
  );

  const stage = stageName !== undefined && stageNames.includes(stageName) ? stageName : undefined;
  const sink = useRef<EditorSink['current']>(null);
  const isOpenApi = target !== 'cdk';
  const rendered = useRenderedCode(
    {
      target,
      format: isOpenApi ? format : 'yaml',
      stageName: isOpenApi ? stage : undefined,
      profile: isOpenApi ? profile : 'aws',
    },
    sink,
  );
  const result = rendered.status === 'done' ? rendered.result : rendered.previous;
  // What Copy and Download take: the text of this tab, format and stage, once written (not the one shown meanwhile).
  const ready = rendered.status === 'done' && rendered.result.ok ? rendered.result : undefined;
  // The public document leaves out what the design needs (integrations, internal operations): applying
  // it back would lose them, so only the AWS document is edited.
  const editable = isOpenApi && profile === 'aws';

  const tabs = useMemo(
    () =>
      (['openapi3', 'swagger2', 'cdk'] as const).map((id) => ({
        id,
        label: targetLabels[id],
      })),
    [],
  );

  const selectTarget = (next: CodeTarget) => {
    if (dirty && !window.confirm('Discard your unapplied edits to the OpenAPI text?')) return;
    setDirty(false);
    setApply({ state: 'idle' });
    setTarget(next);
  };

  const applyEdits = () => {
    const text = editorHandle.current?.getValue();
    if (text === undefined || !dirty || applying) return;
    const before = store.getState().design;
    setApplying(true);
    background.run(text, { previous: before }).then(
      (imported) => {
        setApplying(false);
        if (imported === 'cancelled') return;
        if (!imported.ok) {
          const { message, line, column } = imported.error;
          const where = line !== undefined ? `Line ${line}${column !== undefined ? `, column ${column}` : ''}: ` : '';
          setApply({ state: 'error', message: `${where}${message}`, markers: line !== undefined ? [{ message, line, column }] : [] });
          return;
        }
        // Applying replaces the design: an edit made on the canvas while the text was read would be lost.
        if (store.getState().design !== before) {
          setApply({
            state: 'error',
            message: 'The design changed while the text was being read, so nothing was applied: apply again.',
            markers: [],
          });
          return;
        }
        store.getState().replaceDesign(imported.design, 'Apply OpenAPI edits', { keepUndo: true });
        setApply({ state: 'applied', notes: imported.notes.map((note) => note.message) });
        setDirty(false);
        editorHandle.current?.discardEdits();
      },
      () => {
        setApplying(false);
        setApply({
          state: 'error',
          message: 'The importer could not be loaded. Reload the page and try again (your design is saved).',
          markers: [],
        });
      },
    );
  };

  const copy = async () => {
    if (!ready) return;
    const text = editorHandle.current?.getValue() ?? ready.text;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      store.getState().notify({ tone: 'error', message: 'The browser did not allow copying; use Download instead.' });
    }
  };

  const download = () => {
    if (!ready) return;
    const text = editorHandle.current?.getValue() ?? ready.text;
    downloadText(ready.fileName, text, ready.mimeType);
    // The stages panel compares each stage's design with what was last exported for it (unapplied edits are not the design's).
    if (!dirty) recordStageExport(store, target, isOpenApi ? stage : undefined, isOpenApi ? profile : 'aws');
  };

  return (
    <div className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-900" data-testid="code-view">
      <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
        {isOpenApi ? (
          <>
            <fieldset
              className="flex items-center gap-1 rounded border border-slate-300 px-1 dark:border-slate-600"
              data-testid="code-view-profile"
            >
              <legend className="sr-only">Profile</legend>
              {(['aws', 'public'] as const).map((value) => (
                <label key={value} className="flex items-center gap-1" title={profileLabels[value].title}>
                  <input type="radio" name="code-profile" checked={profile === value} disabled={dirty} onChange={() => setProfile(value)} />
                  {profileLabels[value].label}
                </label>
              ))}
            </fieldset>
            <fieldset className="flex items-center gap-2">
              <legend className="sr-only">Format</legend>
              {(['yaml', 'json'] as const).map((value) => (
                <label key={value} className="flex items-center gap-1">
                  <input type="radio" name="code-format" checked={format === value} disabled={dirty} onChange={() => setFormat(value)} />
                  {value.toUpperCase()}
                </label>
              ))}
            </fieldset>
            <label className="flex items-center gap-1">
              Stage
              <select
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
                value={stage ?? ''}
                disabled={dirty}
                onChange={(event) => setStageName(event.target.value === '' ? undefined : event.target.value)}
              >
                <option value="">None (design export)</option>
                {stageNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">
            TypeScript, aws-cdk-lib v2: paste into a CDK app and replace the ARNs at the top.
          </span>
        )}
        <span role="status" aria-live="polite" className="text-slate-500 dark:text-slate-400" data-testid="code-view-status">
          {rendered.status === 'rendering'
            ? 'Updating…'
            : dirty
              ? 'Edited: apply to update the design'
              : isOpenApi && profile === 'public'
                ? 'Public document, read-only: in step with the design'
                : 'In step with the design'}
        </span>
        <div className="ml-auto flex items-center gap-1">
          {editable ? (
            <>
              <Button
                size="sm"
                variant="primary"
                icon={<Play size={12} />}
                disabled={!dirty || applying}
                onClick={applyEdits}
                data-testid="code-view-apply"
                title="Apply the edited text to the design (Ctrl+Enter)"
              >
                {applying ? 'Applying…' : 'Apply'}
              </Button>
              <Button
                size="sm"
                icon={<RotateCcw size={12} />}
                disabled={!dirty}
                onClick={() => {
                  editorHandle.current?.discardEdits();
                  setApply({ state: 'idle' });
                }}
              >
                Discard edits
              </Button>
            </>
          ) : null}
          <Button size="sm" icon={copied ? <Check size={12} /> : <Copy size={12} />} disabled={!ready} onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
          <Button size="sm" icon={<Download size={12} />} disabled={!ready} onClick={download} data-testid="code-view-download">
            Download
          </Button>
          <IconButton label="Close code view" icon={<X size={16} />} onClick={() => store.getState().setCodeViewOpen(false)} />
        </div>
      </div>
      <Tabs label="Export" tabs={tabs} selected={target} onSelect={selectTarget}>
        <div className="flex h-full min-h-40 flex-col">
          {apply.state === 'error' ? (
            <p
              role="alert"
              data-testid="code-view-error"
              className="shrink-0 bg-red-50 px-3 py-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              Not applied — the design is unchanged. {apply.message}
            </p>
          ) : null}
          {apply.state === 'applied' && apply.notes.length > 0 ? (
            <div
              className="shrink-0 bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
              data-testid="code-view-notes"
            >
              Applied. Some parts need your attention:
              <ul className="list-disc pl-5">
                {apply.notes.slice(0, 20).map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result && !result.ok ? (
            <p className="p-3 text-sm text-slate-700 dark:text-slate-200" data-testid="code-view-unavailable">
              {result.message} {apiType === 'WEBSOCKET' ? 'The AWS CDK tab has the whole API.' : ''}
            </p>
          ) : null}
          {result?.ok && result.notes.length > 0 && !dirty ? (
            <details className="shrink-0 px-3 py-1 text-xs text-slate-600 dark:text-slate-300">
              <summary>{result.notes.length === 1 ? '1 note on this export' : `${result.notes.length} notes on this export`}</summary>
              <ul className="list-disc pl-5">
                {result.notes.slice(0, 50).map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className={`min-h-0 flex-1 ${result?.ok ? '' : 'hidden'}`}>
            {result === undefined ? (
              <p className="p-3 text-sm text-slate-500" role="status">
                Preparing the export…
              </p>
            ) : (
              <CodeEditor
                value={result.ok ? result.text : ''}
                version={rendered.version}
                change={rendered.status === 'done' ? rendered.change : undefined}
                revealKey={`${selected ?? ''}|${target}|${format}|${stage ?? ''}|${profile}`}
                language={result.ok ? result.language : 'yaml'}
                readOnly={!editable}
                label={`${targetLabels[target]}${isOpenApi && profile === 'public' ? ' (public)' : ''} of the design`}
                markers={apply.state === 'error' ? apply.markers : []}
                onDirtyChange={(value) => {
                  setDirty(value);
                  if (!value) setApply((current) => (current.state === 'error' ? { state: 'idle' } : current));
                }}
                onApplyShortcut={applyEdits}
                handle={editorHandle}
                sink={sink}
                reveal={reveal}
              />
            )}
          </div>
        </div>
      </Tabs>
    </div>
  );
}
