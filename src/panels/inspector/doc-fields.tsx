import { Plus, Trash2 } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type BodyContent,
  type Design,
  type JsonObject,
  type MethodResponse,
  type ModelId,
  type Parameter,
  type ResponseHeader,
  refuse,
} from '../../core/model';
import { renameParameterEverywhere } from '../../core/model/operations/rename-references';
import { usePortico, usePorticoStore } from '../../state/context';
import { renameOperation } from '../../state/rename-notice';
import { Button, IconButton } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { CheckboxField, JsonField, ListField, optionalText, SelectField, TextField } from '../fields';
import { pack, unpack } from '../pairs';
import { type Operation, useApply } from '../use-field-commit';
import { freeName, getOwner, type Owner, type OwnerId, type OwnerPatch, patchOwner, renameKey } from './owner';

const parameterPlaces = [
  { value: 'path', label: 'Path' },
  { value: 'query', label: 'Query string' },
  { value: 'header', label: 'Header' },
] as const;

/** The request parameters of a method or route: where, name, required. */
export const ParametersEditor = memo(function ParametersEditor({ ownerId, parameters }: { ownerId: OwnerId; parameters: Parameter[] }) {
  const apply = useApply();
  const store = usePorticoStore();
  const update = (index: number, change: Partial<Parameter>): Operation =>
    patchOwner(ownerId, (owner) => ({
      parameters: owner.parameters.map((parameter, at) => (at === index ? { ...parameter, ...change } : parameter)),
    }));
  return (
    <Section title="Request parameters">
      {parameters.length === 0 ? (
        <EmptyState>No request parameters. Add the path, query string and header values this operation reads.</EmptyState>
      ) : null}
      {parameters.map((parameter, index) => (
        <div
          // Parameters have no id; position is their identity while the list is edited here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700"
        >
          <div className="grid grid-cols-2 gap-2">
            <SelectField
              label={`Parameter ${index + 1} location`}
              fieldKey={`${ownerId}.parameters.${index}.in`}
              opLabel="Change parameter location"
              value={parameter.in}
              options={parameterPlaces}
              toOperation={(value) => update(index, { in: value as Parameter['in'] })}
            />
            <TextField
              label={`Parameter ${index + 1} name`}
              fieldKey={`${ownerId}.parameters.${index}.name`}
              opLabel="Rename parameter"
              value={parameter.name}
              // The new name follows into the operation's mappings, cache keys and templates.
              toOperation={(text) =>
                renameOperation(store, `${ownerId}.parameters.${index}.name`, (design) =>
                  renameParameterEverywhere(design, ownerId, index, text),
                )
              }
            />
          </div>
          <div className="flex items-center justify-between">
            <CheckboxField
              label="Required"
              fieldKey={`${ownerId}.parameters.${index}.required`}
              opLabel="Change parameter required"
              value={parameter.required}
              toOperation={(required) => update(index, { required })}
            />
            <IconButton
              label={`Remove parameter ${parameter.name}`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove parameter',
                  patchOwner(ownerId, (owner) => ({ parameters: owner.parameters.filter((_, at) => at !== index) })),
                )
              }
            />
          </div>
        </div>
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply(
            'Add parameter',
            patchOwner(ownerId, (owner) => ({
              parameters: [
                ...owner.parameters,
                {
                  in: 'query',
                  name: freeName(
                    'param',
                    owner.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
                  ),
                  required: false,
                },
              ],
            })),
          )
        }
      >
        Add parameter
      </Button>
    </Section>
  );
});

const inlineSchema = '__inline__';

function useModelOptions() {
  const models = usePortico(useShallow((s) => Object.values(s.design.models).map((model) => pack(model.id, model.name))));
  return [
    { value: inlineSchema, label: 'Inline schema' },
    ...models.map((entry) => {
      const { id, label } = unpack(entry);
      return { value: id, label: `Model: ${label}` };
    }),
  ];
}

/**
 * Bodies by content type, each a named model or a schema written in place. `read` and `write` locate the
 * content record inside the owner (request body or one method response).
 */
function BodyContentEditor({
  ownerId,
  fieldKey,
  content,
  read,
  write,
  title,
}: {
  ownerId: OwnerId;
  fieldKey: string;
  content: Record<string, BodyContent>;
  read: (owner: Owner) => Record<string, BodyContent>;
  write: (owner: Owner, content: Record<string, BodyContent>) => OwnerPatch;
  title: string;
}) {
  const apply = useApply();
  const modelOptions = useModelOptions();
  const change = (build: (content: Record<string, BodyContent>) => Record<string, BodyContent>): Operation =>
    patchOwner(ownerId, (owner) => write(owner, build(read(owner))));
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">{title}</legend>
      {Object.keys(content).length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No body. Add a content type to describe one.</p>
      ) : null}
      {Object.entries(content).map(([contentType, body], index) => (
        // Keyed by position so that renaming a content type keeps the field (and its focus).
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={`${fieldKey}.${index}`} className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-end gap-1">
            <TextField
              className="flex-1"
              label="Content type"
              fieldKey={`${fieldKey}.${index}.type`}
              value={contentType}
              toOperation={(text) => change((current) => renameKey(current, contentType, text, 'content type'))}
            />
            <IconButton
              label={`Remove ${contentType} body`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove body',
                  change((current) => {
                    const { [contentType]: _removed, ...rest } = current;
                    return rest;
                  }),
                )
              }
            />
          </div>
          <SelectField
            label={`${contentType} schema`}
            fieldKey={`${fieldKey}.${index}.model`}
            opLabel="Change body model"
            value={body.modelId ?? inlineSchema}
            options={modelOptions}
            toOperation={(value) =>
              change((current) => ({
                ...current,
                [contentType]:
                  value === inlineSchema ? { schema: current[contentType]?.schema ?? { type: 'object' } } : { modelId: value as ModelId },
              }))
            }
          />
          {body.modelId === undefined ? (
            <JsonField
              label={`${contentType} inline schema`}
              fieldKey={`${fieldKey}.${index}.schema`}
              opLabel="Change inline schema"
              optional
              rows={4}
              value={body.schema}
              toOperation={(schema: JsonObject | undefined) =>
                change((current) => ({ ...current, [contentType]: schema ? { schema } : {} }))
              }
            />
          ) : null}
        </div>
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply(
            'Add body content type',
            change((current) => ({
              ...current,
              [freeName(
                Object.hasOwn(current, 'application/json') ? 'application/x-www-form-urlencoded' : 'application/json',
                Object.keys(current),
              )]: { schema: { type: 'object' } },
            })),
          )
        }
      >
        Add content type
      </Button>
    </fieldset>
  );
}

export const RequestBodyEditor = memo(function RequestBodyEditor({ ownerId, owner }: { ownerId: OwnerId; owner: Owner }) {
  const body = owner.requestBody;
  const withBody = (current: Owner) => current.requestBody ?? { required: false, content: {} };
  return (
    <Section title="Request body">
      <CheckboxField
        label="Body required"
        fieldKey={`${ownerId}.requestBody.required`}
        value={body?.required ?? false}
        toOperation={(required) => patchOwner(ownerId, (current) => ({ requestBody: { ...withBody(current), required } }))}
      />
      <TextField
        label="Body description"
        fieldKey={`${ownerId}.requestBody.description`}
        value={body?.description ?? ''}
        toOperation={(text) =>
          patchOwner(ownerId, (current) => ({ requestBody: { ...withBody(current), description: optionalText(text) } }))
        }
      />
      <BodyContentEditor
        ownerId={ownerId}
        fieldKey={`${ownerId}.requestBody.content`}
        title="Request content types"
        content={body?.content ?? {}}
        read={(current) => current.requestBody?.content ?? {}}
        write={(current, content) => ({
          requestBody:
            Object.keys(content).length === 0 && !current.requestBody?.required && !current.requestBody?.description
              ? undefined
              : { ...withBody(current), content },
        })}
      />
    </Section>
  );
});

function headerNames(headers: Record<string, ResponseHeader>): string[] {
  return Object.keys(headers);
}

/** The status codes a method may answer with, their headers and bodies (method responses). */
export const ResponsesEditor = memo(function ResponsesEditor({ ownerId, responses }: { ownerId: OwnerId; responses: MethodResponse[] }) {
  const apply = useApply();
  const change = (index: number, build: (response: MethodResponse) => MethodResponse): Operation =>
    patchOwner(ownerId, (owner) => ({ responses: owner.responses.map((response, at) => (at === index ? build(response) : response)) }));
  return (
    <Section title="Method responses">
      {responses.length === 0 ? <EmptyState>No responses described. Add the status codes this operation answers with.</EmptyState> : null}
      {responses.map((response, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: responses have no id; position is their identity here
        <div key={index} className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-end gap-1">
            <TextField
              className="w-24"
              label="Status code"
              fieldKey={`${ownerId}.responses.${index}.status`}
              value={response.statusCode}
              toOperation={(text) => (design: Design) => {
                const statusCode = text.trim();
                if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(statusCode))
                  refuse('invalid-value', `A response status code is 100–599, a range such as 4XX, or default; not "${statusCode}".`);
                if (getOwner(design, ownerId).responses.some((other, at) => at !== index && other.statusCode === statusCode))
                  refuse('duplicate', `The response ${statusCode} is already listed.`);
                return change(index, (current) => ({ ...current, statusCode }))(design);
              }}
            />
            <TextField
              className="flex-1"
              label="Description"
              fieldKey={`${ownerId}.responses.${index}.description`}
              value={response.description ?? ''}
              toOperation={(text) => change(index, (current) => ({ ...current, description: optionalText(text) }))}
            />
            <IconButton
              label={`Remove response ${response.statusCode}`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove response',
                  patchOwner(ownerId, (owner) => ({ responses: owner.responses.filter((_, at) => at !== index) })),
                )
              }
            />
          </div>
          <ListField
            label="Response headers"
            fieldKey={`${ownerId}.responses.${index}.headers`}
            value={headerNames(response.headers)}
            placeholder="Access-Control-Allow-Origin, X-Request-Id"
            toOperation={(names) =>
              change(index, (current) => ({
                ...current,
                headers: Object.fromEntries(names.map((name) => [name, current.headers[name] ?? {}])),
              }))
            }
          />
          <BodyContentEditor
            ownerId={ownerId}
            fieldKey={`${ownerId}.responses.${index}.content`}
            title="Response content types"
            content={response.content}
            read={(owner) => owner.responses[index]?.content ?? {}}
            write={(owner, content) => ({
              responses: owner.responses.map((current, at) => (at === index ? { ...current, content } : current)),
            })}
          />
        </div>
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply(
            'Add response',
            patchOwner(ownerId, (owner) => {
              const taken = new Set(owner.responses.map((response) => response.statusCode));
              const statusCode = ['200', '201', '400', '401', '403', '404', '500'].find((code) => !taken.has(code)) ?? 'default';
              return { responses: [...owner.responses, { statusCode, headers: {}, content: {} }] };
            }),
          )
        }
      >
        Add response
      </Button>
    </Section>
  );
});
