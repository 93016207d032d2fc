import type { ReactNode } from 'react';
import type { IntegrationRequestResult } from '../../core/templates/integration-request';
import type { MethodResponseResult } from '../../core/templates/integration-response';
import type { TemplateError, TemplateWarning } from '../../core/templates/template-errors';
import { Button } from '../../ui/button';
import { problemText } from './template-editor';
import type { WorkbenchFocus } from './workbench-state';

/** Long outputs are cut for the page (the whole text is what a copy of the template would render). */
const shownLength = 100_000;

function Body({ text, testId }: { text: string | null; testId: string }) {
  if (text === null || text === '') return <p className="text-xs text-slate-500 dark:text-slate-400">No body.</p>;
  const cut = text.length > shownLength;
  return (
    <>
      <pre
        data-testid={testId}
        className="max-h-64 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-900 dark:bg-slate-800 dark:text-slate-100"
      >
        {cut ? text.slice(0, shownLength) : text}
      </pre>
      {cut ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          The first {shownLength.toLocaleString('en')} characters of {text.length.toLocaleString('en')}.
        </p>
      ) : null}
    </>
  );
}

function Headers({ headers, testId }: { headers: Record<string, string[]>; testId: string }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No headers.</p>;
  return (
    <dl data-testid={testId} className="grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
      {entries.map(([name, values]) => (
        <div key={name} className="contents">
          <dt className="text-slate-600 dark:text-slate-300">{name}:</dt>
          <dd className="break-all">{values.join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

function Notes({ notes, warnings }: { notes: string[]; warnings: TemplateWarning[] }) {
  if (notes.length === 0 && warnings.length === 0) return null;
  return (
    <ul className="list-disc space-y-0.5 pl-4 text-xs text-slate-600 dark:text-slate-300">
      {warnings.map((warning) => (
        <li key={`w${warning.line}:${warning.column}:${warning.message}`} className="text-amber-800 dark:text-amber-300">
          Line {warning.line}: {warning.message}
        </li>
      ))}
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

function TemplateFailure({ what, error, onShow }: { what: string; error: TemplateError; onShow: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-1 rounded border border-red-300 bg-red-50 p-2 text-xs text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
    >
      <p>
        {what} does not render. {problemText(error)}
      </p>
      <Button size="sm" onClick={onShow}>
        Show it in the editor
      </Button>
    </div>
  );
}

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId} className="space-y-1.5">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{title}</h3>
      {children}
    </section>
  );
}

/** What API Gateway would send to the backend for the sample request. */
export function IntegrationRequestView({ result, onShow }: { result: IntegrationRequestResult; onShow: (focus: WorkbenchFocus) => void }) {
  return (
    <Block title="Integration request" testId="workbench-integration-request">
      {result.outcome === 'error' ? (
        <TemplateFailure
          what={`The ${result.templateContentType} request template`}
          error={result.error}
          onShow={() => onShow({ phase: 'request', contentType: result.templateContentType })}
        />
      ) : result.outcome === 'rejected' ? (
        <>
          <p className="text-sm font-medium">API Gateway answers {result.statusCode} itself; the backend is not called.</p>
          <Body text={result.body} testId="workbench-refusal-body" />
        </>
      ) : (
        <>
          {result.request.mockStatusCode !== undefined ? (
            <p className="text-sm">
              Mock: nothing is called; the template chose status{' '}
              <span className="font-mono font-semibold">{result.request.mockStatusCode}</span>.
            </p>
          ) : (
            <p className="font-mono text-xs break-all" data-testid="workbench-uri">
              <span className="font-semibold">{result.request.httpMethod}</span> {result.request.uri ?? '(no URI)'}
            </p>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {result.request.templateContentType === undefined
              ? 'The body passed through unmapped.'
              : `Body from the ${result.request.templateContentType} request template.`}
          </p>
          <Headers headers={result.request.headers} testId="workbench-request-headers" />
          <Body text={result.request.body} testId="workbench-request-body" />
        </>
      )}
      <Notes notes={result.notes} warnings={result.outcome === 'rejected' ? [] : result.warnings} />
    </Block>
  );
}

/** The answer a client would get for the sample backend response. */
export function MethodResponseView({
  result,
  onShow,
}: {
  result: MethodResponseResult | undefined;
  onShow: (focus: WorkbenchFocus) => void;
}) {
  return (
    <Block title="Method response" testId="workbench-method-response">
      {result === undefined ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">The integration request has to render first.</p>
      ) : result.outcome === 'error' ? (
        <TemplateFailure
          what={`The ${result.templateContentType} template of integration response ${result.selected.selectionPattern}`}
          error={result.error}
          onShow={() => onShow({ phase: 'response', index: result.selected.index, contentType: result.templateContentType })}
        />
      ) : (
        <>
          {result.selected ? (
            <p className="text-xs text-slate-600 dark:text-slate-300">
              Integration response <span className="font-mono">{result.selected.selectionPattern}</span> →{' '}
              <span className="font-mono">{result.selected.statusCode}</span>
            </p>
          ) : null}
          <p className="text-sm">
            Status{' '}
            <span className="font-mono font-semibold" data-testid="workbench-status-code">
              {result.response.statusCode}
            </span>
          </p>
          <Headers headers={result.response.headers} testId="workbench-response-headers" />
          <Body text={result.response.body} testId="workbench-response-body" />
        </>
      )}
      {result ? <Notes notes={result.notes} warnings={result.warnings} /> : null}
    </Block>
  );
}
