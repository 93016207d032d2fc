import { useMemo, useState } from 'react';
import { allResourcePaths, type Design, type IntegrationId, type MethodId, type NodeId, type RouteId } from '../../core/model';
import {
  applyScaffold,
  isScaffoldId,
  previewScaffold,
  type ScaffoldId,
  scaffoldById,
  scaffoldCatalogue,
  scaffoldContextOf,
  scaffoldProblem,
} from '../../core/scaffolds';
import { policyDocument } from '../../core/scaffolds/policy-document';
import { type ScaffoldRequest, scaffoldRequest } from '../../panels/scaffold-request';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { FieldShell, inputClass } from '../../ui/field';

interface Owner {
  id: MethodId | RouteId;
  label: string;
}

/** The methods (REST) or routes (HTTP) a service action can be set up on, as people read them. */
function ownersOf(design: Design): Owner[] {
  if (design.api.type === 'REST') {
    const paths = allResourcePaths(design);
    return Object.values(design.methods)
      .map((method) => ({ id: method.id, label: `${method.httpMethod} ${paths.get(method.resourceId) ?? '/'}` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
  return Object.values(design.routes)
    .map((route) => ({ id: route.id, label: route.routeKey }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

interface FormState {
  scaffoldId: ScaffoldId;
  ownerId: string;
  values: Record<string, string>;
  /** Errors of untouched fields show once the person asks to apply. */
  attempted: boolean;
}

function defaultsOf(scaffoldId: ScaffoldId): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of scaffoldById(scaffoldId)?.fields ?? []) values[field.key] = field.defaultValue ?? '';
  return values;
}

function initialState(design: Design, selection: readonly string[], request: ScaffoldRequest): FormState {
  const available = scaffoldCatalogue.filter((entry) => !scaffoldProblem(entry.id, design.api.type));
  const scaffoldId = request.scaffoldId && isScaffoldId(request.scaffoldId) ? request.scaffoldId : (available[0]?.id ?? 'sqs-send-message');
  const owners = ownersOf(design);
  const known = (id: string | undefined) => (id && owners.some((owner) => owner.id === id) ? id : undefined);
  const usingTarget = request.integrationId
    ? [...Object.values(design.methods), ...Object.values(design.routes)].find(
        (owner) => owner.integration?.integrationId === request.integrationId,
      )?.id
    : undefined;
  const ownerId = known(request.ownerId) ?? known(usingTarget) ?? selection.map(known).find(Boolean) ?? owners[0]?.id ?? '';
  return { scaffoldId, ownerId, values: withPathVariables(design, ownerId, scaffoldId, defaultsOf(scaffoldId)), attempted: false };
}

/**
 * Path-variable fields follow the method: a variable it does not have is replaced by its last one (the
 * innermost, most likely the key meant), or by none when the field is optional.
 */
function withPathVariables(
  design: Design,
  ownerId: string,
  scaffoldId: ScaffoldId,
  values: Record<string, string>,
): Record<string, string> {
  const owner = design.methods[ownerId as MethodId] ?? design.routes[ownerId as RouteId];
  const variables = owner ? scaffoldContextOf(design, owner).pathParameters : [];
  const next = { ...values };
  for (const field of scaffoldById(scaffoldId)?.fields ?? []) {
    if (field.kind !== 'path-parameter' || variables.includes(next[field.key] ?? '')) continue;
    next[field.key] = field.optional && (next[field.key] ?? '') === '' ? '' : (variables[variables.length - 1] ?? '');
  }
  return next;
}

/**
 * Sets a method or route up to call an AWS service action: which action, for which method, and the few
 * values the action needs (a queue, a table…); shows the policy of the role the CDK program creates,
 * then fills in everything in one undo step (applyScaffold).
 */
export function ScaffoldDialog() {
  const open = usePortico((s) => s.dialog === 'scaffold');
  // The design only while open: an edit elsewhere should not re-render a closed dialog.
  const design = usePortico((s) => (s.dialog === 'scaffold' ? s.design : null));
  const openDialog = usePortico((s) => s.openDialog);
  const store = usePorticoStore();
  const { request, serial } = scaffoldRequest();
  const [seen, setSeen] = useState(-1);
  const [form, setForm] = useState<FormState | null>(null);
  // A new opening starts from its request (state adjusted while rendering, React's documented pattern).
  if (open && design && serial !== seen) {
    setSeen(serial);
    setForm(initialState(design, store.getState().selection, request));
  }
  const close = () => openDialog(null);
  const owners = useMemo(() => (design ? ownersOf(design) : []), [design]);
  const scaffold = form ? scaffoldById(form.scaffoldId) : undefined;
  const preview = design && form ? previewScaffold(design, form.ownerId as MethodId, form.scaffoldId, form.values) : undefined;
  const owner = design && form ? (design.methods[form.ownerId as MethodId] ?? design.routes[form.ownerId as RouteId]) : undefined;
  const variables = design && owner ? scaffoldContextOf(design, owner).pathParameters : [];
  const ownerWord = design?.api.type === 'REST' ? 'Method' : 'Route';
  const title = request.integrationId ? 'Set up an AWS service action' : `Add ${scaffold?.title ?? 'AWS service'} integration`;

  const apply = () => {
    if (!form || !scaffold) return;
    if (!preview?.ok) {
      setForm({ ...form, attempted: true });
      return;
    }
    const ownerId = form.ownerId as MethodId | RouteId;
    const options = request.integrationId ? { integrationId: request.integrationId as IntegrationId } : {};
    const applied = store
      .getState()
      .apply(`Set up ${scaffold.title}`, (d) => applyScaffold(d, ownerId, form.scaffoldId, form.values, options));
    if (!applied) return;
    close();
    const state = store.getState();
    const targetId = (state.design.methods[ownerId as MethodId] ?? state.design.routes[ownerId as RouteId])?.integration?.integrationId;
    // The integration's form shows what was set up, with the role's policy.
    if (targetId) state.select([targetId as NodeId]);
  };

  // A typed field's error waits for a value (or a try to apply); a chosen one's shows at once.
  const fieldError = (key: string, value: string, chosen: boolean): string | undefined =>
    preview && !preview.ok && preview.field === key && (chosen || form?.attempted || value.trim() !== '') ? preview.message : undefined;
  const generalError = preview && !preview.ok && preview.field === undefined ? preview.message : undefined;

  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      wide
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" onClick={apply} disabled={owners.length === 0}>
            {request.integrationId ? 'Set up' : 'Add integration'}
          </Button>
        </>
      }
    >
      {form && design ? (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-3">
            <FieldShell label="Service action" hint={scaffold ? undefined : 'Choose what API Gateway calls.'}>
              {({ inputId, describedBy }) => (
                <select
                  id={inputId}
                  aria-describedby={describedBy}
                  className={inputClass}
                  value={form.scaffoldId}
                  onChange={(event) => {
                    const scaffoldId = event.target.value as ScaffoldId;
                    setForm({
                      ...form,
                      scaffoldId,
                      values: withPathVariables(design, form.ownerId, scaffoldId, {
                        ...defaultsOf(scaffoldId),
                        roleArn: form.values.roleArn ?? '',
                      }),
                      attempted: false,
                    });
                  }}
                >
                  {scaffoldCatalogue.map((entry) => (
                    <option key={entry.id} value={entry.id} disabled={scaffoldProblem(entry.id, design.api.type) !== undefined}>
                      {entry.title}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            {owners.length === 0 ? (
              <p role="alert" className="text-red-700 dark:text-red-300">
                {design.api.type === 'REST' ? 'Add a method first: the integration belongs to a method.' : 'Add a route first.'}
              </p>
            ) : (
              <FieldShell label={ownerWord} hint="The integration request, responses and method responses are set on it.">
                {({ inputId, describedBy }) => (
                  <select
                    id={inputId}
                    aria-describedby={describedBy}
                    className={`${inputClass} font-mono`}
                    value={form.ownerId}
                    onChange={(event) =>
                      setForm({
                        ...form,
                        ownerId: event.target.value,
                        values: withPathVariables(design, event.target.value, form.scaffoldId, form.values),
                      })
                    }
                  >
                    {owners.map((item) => (
                      <option key={item.id} value={item.id}>
                        {item.label}
                      </option>
                    ))}
                  </select>
                )}
              </FieldShell>
            )}
            {(scaffold?.fields ?? []).map((field) => {
              const value = form.values[field.key] ?? '';
              const setValue = (next: string) => setForm({ ...form, values: { ...form.values, [field.key]: next } });
              const error = fieldError(field.key, value, field.kind === 'path-parameter');
              const label = field.optional && field.kind === 'text' ? `${field.label} (optional)` : field.label;
              return (
                <FieldShell key={field.key} label={label} hint={field.hint} error={error}>
                  {({ inputId, describedBy, invalid }) =>
                    field.kind === 'path-parameter' ? (
                      <select
                        id={inputId}
                        aria-describedby={describedBy}
                        aria-invalid={invalid}
                        className={inputClass}
                        value={value}
                        onChange={(event) => setValue(event.target.value)}
                      >
                        {field.optional || variables.length === 0 ? (
                          <option value="">{field.optional ? 'None' : 'No path variable'}</option>
                        ) : null}
                        {variables.map((name) => (
                          <option key={name} value={name}>{`{${name}}`}</option>
                        ))}
                      </select>
                    ) : (
                      <input
                        id={inputId}
                        aria-describedby={describedBy}
                        aria-invalid={invalid}
                        className={inputClass}
                        value={value}
                        placeholder={field.placeholder}
                        spellCheck={false}
                        onChange={(event) => setValue(event.target.value)}
                      />
                    )
                  }
                </FieldShell>
              );
            })}
            {generalError ? (
              <p role="alert" className="text-red-700 dark:text-red-300">
                {generalError}
              </p>
            ) : null}
          </div>
          <section aria-label="IAM policy" className="min-w-0 space-y-2">
            <h3 className="text-xs font-medium text-slate-700 dark:text-slate-300">The role’s policy</h3>
            {preview?.ok ? (
              <>
                <textarea
                  readOnly
                  aria-label="IAM policy document"
                  data-testid="scaffold-policy"
                  rows={10}
                  spellCheck={false}
                  className="w-full resize-y rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
                  value={policyDocument(preview.setup.rolePolicy)}
                />
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {(form.values.roleArn ?? '').trim() === ''
                    ? 'The CDK program creates a role that API Gateway assumes (apigateway.amazonaws.com) with exactly this policy. OpenAPI cannot create roles: the OpenAPI export names a stand-in role ARN until you enter your role’s.'
                    : 'Your role must trust apigateway.amazonaws.com and allow at least this; the CDK program uses it and creates none.'}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  Sets up <span className="font-mono">{preview.setup.name}</span>: the integration request’s{' '}
                  {Object.keys(preview.setup.binding.requestParameters).length} parameter mappings,{' '}
                  {Object.keys(preview.setup.binding.requestTemplates).length === 0 ? 'no request template' : 'its request template'},{' '}
                  {preview.setup.binding.responses.length} integration responses and the method responses they map to.
                </p>
              </>
            ) : (
              <p className="text-xs text-slate-600 dark:text-slate-300">Shown once the values above can be used.</p>
            )}
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}
