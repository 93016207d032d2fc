import { AlertCircle, AlertTriangle, Info, LoaderCircle } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ApiTypeLoss, ApiTypeLosses, ImportFinding } from '../../core/openapi/types';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { decodeUtf8, readFileBytes } from '../../ui/files';
import { createBackgroundImport } from './background-import';

type Outcome =
  | { kind: 'error'; message: string }
  | { kind: 'done'; findings: ImportFinding[] }
  /** The document could be either API type, and each loses something: the user chooses before anything opens. */
  | { kind: 'ask'; source: string; label: string; bytes: number; losses: ApiTypeLosses }
  | { kind: 'cancelled' }
  | null;

const severityIcons = {
  error: <AlertCircle size={16} className="mt-0.5 shrink-0 text-red-600" aria-label="Error" />,
  warning: <AlertTriangle size={16} className="mt-0.5 shrink-0 text-amber-500" aria-label="Warning" />,
  info: <Info size={16} className="mt-0.5 shrink-0 text-sky-600" aria-label="Note" />,
};

const typeNames = { REST: 'REST API', HTTP: 'HTTP API' } as const;

/** One answer to "REST API or HTTP API?": what that type would drop, and what it would keep without effect. */
function TypeChoice({ type, losses, onChoose }: { type: 'REST' | 'HTTP'; losses: ApiTypeLoss[]; onChoose: () => void }) {
  const dropped = losses.filter((loss) => loss.effect === 'dropped');
  const ignored = losses.filter((loss) => loss.effect === 'ignored');
  const name = typeNames[type];
  return (
    <section
      aria-label={`As ${type === 'REST' ? 'a' : 'an'} ${name}`}
      data-testid={`import-as-${type.toLowerCase()}`}
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
    >
      <h4 className="font-semibold">
        As {type === 'REST' ? 'a' : 'an'} {name}
      </h4>
      {dropped.length > 0 ? (
        <>
          <p>It would drop:</p>
          <ul className="list-disc pl-5" aria-label={`What ${type === 'REST' ? 'a' : 'an'} ${name} would drop`}>
            {dropped.map((loss) => (
              <li key={loss.message}>{loss.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>It drops nothing.</p>
      )}
      {ignored.length > 0 ? (
        <>
          <p className="text-slate-600 dark:text-slate-300">Kept, but without effect:</p>
          <ul className="list-disc pl-5 text-slate-600 dark:text-slate-300">
            {ignored.map((loss) => (
              <li key={loss.message}>{loss.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mt-auto pt-1">
        <Button variant="primary" onClick={onChoose}>
          Import as {type === 'REST' ? 'a' : 'an'} {name}
        </Button>
      </div>
    </section>
  );
}

/** A size for people: "840 KB", "3.2 MB". */
function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Import an OpenAPI 3 or Swagger 2 document (file or pasted text). The import opens as a new design in
 * the library (the current one stays there untouched); what cannot be represented is listed; a bad
 * document changes nothing. It runs in a worker, so a big document shows its progress and can be
 * cancelled while the page stays responsive. A file dropped on the app arrives as `importRequest`.
 */
export function ImportDialog() {
  const open = usePortico((s) => s.dialog === 'import');
  const openDialog = usePortico((s) => s.openDialog);
  const openNewDesign = usePortico((s) => s.openNewDesign);
  const setImportFindings = usePortico((s) => s.setImportFindings);
  const showPanel = usePortico((s) => s.showPanel);
  const importRequest = usePortico((s) => s.importRequest);
  const requestImport = usePortico((s) => s.requestImport);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<{ label: string; bytes: number } | null>(null);
  const [background] = useState(() => createBackgroundImport(() => import('../../core/openapi')));
  /** Which import the dialog waits for: closing the dialog or starting another one makes older answers stale. */
  const current = useRef(0);
  // The worker (with the importer and its YAML parser) starts loading when the dialog opens, so that a
  // chosen file is read by code that is already there; it ends when the dialog closes.
  useEffect(() => {
    if (open) background.warm();
    else background.dispose();
  }, [open, background]);
  useEffect(() => () => background.dispose(), [background]);

  const close = () => {
    current.current += 1;
    background.cancel();
    setBusy(null);
    openDialog(null);
    setOutcome(null);
    setText('');
  };
  const importText = (source: string, label: string, bytes: number, apiType?: 'REST' | 'HTTP') => {
    current.current += 1;
    const id = current.current;
    setBusy({ label, bytes });
    setOutcome(null);
    background.run(source, apiType ? { apiType } : {}).then(
      (result) => {
        if (id !== current.current) return;
        setBusy(null);
        if (result === 'cancelled') return setOutcome({ kind: 'cancelled' });
        if (!result.ok && result.ambiguous) return setOutcome({ kind: 'ask', source, label, bytes, losses: result.ambiguous });
        if (!result.ok) {
          const where =
            result.error.line !== undefined
              ? ` (line ${result.error.line}${result.error.column !== undefined ? `, column ${result.error.column}` : ''})`
              : '';
          setOutcome({ kind: 'error', message: `${label} could not be imported${where}: ${result.error.message}` });
          return;
        }
        const named = label === 'The pasted text' ? 'the pasted document' : label;
        openNewDesign(result.design, { label: named, origin: 'import' });
        // What the import changed or dropped stays in the Problems panel for the design it opened.
        setImportFindings(named, result.notes);
        if (result.notes.length === 0) close();
        else setOutcome({ kind: 'done', findings: result.notes });
      },
      () => {
        if (id !== current.current) return;
        setBusy(null);
        setOutcome({ kind: 'error', message: 'The importer could not be loaded. Reload the page and try again (your design is saved).' });
      },
    );
  };
  const cancelImport = () => {
    background.cancel();
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readFileBytes(file);
    if (!read.ok) return setOutcome({ kind: 'error', message: read.message });
    const decoded = decodeUtf8(read.bytes);
    if (!decoded.ok) return setOutcome({ kind: 'error', message: `${file.name}: ${decoded.message}` });
    importText(decoded.text, file.name, file.size);
  };
  // A file dropped on the app: imported as if chosen here, with the same progress and Cancel.
  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;
  useEffect(() => {
    if (!open || !importRequest) return;
    requestImport(null);
    void onFileRef.current(importRequest.file);
  }, [open, importRequest, requestImport]);

  return (
    <Dialog
      open={open}
      title="Import OpenAPI"
      wide
      onClose={close}
      footer={
        outcome?.kind === 'done' ? (
          <>
            <Button
              onClick={() => {
                close();
                showPanel('problems');
              }}
            >
              Show in the Problems panel
            </Button>
            <Button variant="primary" onClick={close}>
              Done
            </Button>
          </>
        ) : outcome?.kind === 'ask' ? (
          <Button onClick={close}>Cancel</Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="primary"
              disabled={busy !== null || text.trim() === ''}
              onClick={() => importText(text, 'The pasted text', new TextEncoder().encode(text).length)}
            >
              {busy ? 'Importing…' : 'Import pasted text'}
            </Button>
          </>
        )
      }
    >
      {outcome?.kind === 'done' ? (
        <div data-testid="import-notes">
          <p className="mb-2 font-medium">Imported. Some parts need your attention (they stay in the Problems panel):</p>
          <ul className="flex flex-col gap-1.5" aria-label="What the import changed or dropped">
            {outcome.findings.map((finding) => (
              <li key={`${finding.path ?? ''}:${finding.message}`} className="flex items-start gap-2">
                {severityIcons[finding.severity]}
                <span>{finding.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : outcome?.kind === 'ask' ? (
        <fieldset data-testid="import-api-type">
          <legend className="mb-1 text-base font-semibold">REST API or HTTP API?</legend>
          <p className="mb-3 text-slate-600 dark:text-slate-300">
            OpenAPI does not say which type {outcome.label === 'The pasted text' ? 'the pasted document' : outcome.label} is, and reading it
            as either loses something. Choose the type it is deployed as; nothing opens until you do.
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            {(['REST', 'HTTP'] as const).map((type) => (
              <TypeChoice
                key={type}
                type={type}
                losses={outcome.losses[type]}
                onChoose={() => importText(outcome.source, outcome.label, outcome.bytes, type)}
              />
            ))}
          </div>
        </fieldset>
      ) : (
        <>
          <p className="mb-3 text-slate-600 dark:text-slate-300">
            OpenAPI 3.0 or Swagger 2.0, JSON or YAML, with or without the x-amazon-apigateway extensions (AWS exports work as they are). The
            import opens as a new design; your current design stays in My designs. Nothing is downloaded: external references are listed,
            not fetched.
          </p>
          <label className="mb-3 block">
            <span className="mb-1 block font-medium">From a file</span>
            <input
              type="file"
              accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
              data-testid="import-file"
              disabled={busy !== null}
              onChange={(event) => void onFile(event.target.files?.[0])}
            />
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">Or paste the document</span>
            <textarea
              className="h-48 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
              value={text}
              onChange={(event) => setText(event.target.value)}
              spellCheck={false}
            />
          </label>
          {busy ? (
            <div role="status" data-testid="import-progress" className="mt-3 flex items-center gap-3">
              <LoaderCircle aria-hidden="true" className="h-4 w-4 animate-spin motion-reduce:animate-none" />
              <span>
                Importing {busy.label} ({sizeLabel(busy.bytes)})…
              </span>
              <Button onClick={cancelImport}>Cancel import</Button>
            </div>
          ) : null}
          {outcome?.kind === 'cancelled' ? (
            <p role="status" data-testid="import-cancelled" className="mt-2">
              Import cancelled. The design is as it was.
            </p>
          ) : null}
          {outcome?.kind === 'error' ? (
            <p role="alert" data-testid="import-error" className="mt-2 text-red-700 dark:text-red-300">
              {outcome.message}
            </p>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
