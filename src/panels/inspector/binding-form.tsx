import { Plus, Trash2 } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type ApiType,
  connectIntegration,
  contentHandlings,
  type Design,
  disconnectIntegration,
  type IntegrationBinding,
  type IntegrationId,
  type IntegrationResponse,
  type MethodId,
  passthroughBehaviors,
  type ResponseTransferMode,
  setResponseTransferMode,
  updateBinding,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { CheckboxField, KeyValueField, ListField, NumberField, optionalText, SelectField, TextField } from '../fields';
import { pack, unpack } from '../pairs';
import { TemplatesField } from '../templates/templates-field';
import { TestBenchButton } from '../templates/test-bench-button';
import { type Operation, useApply } from '../use-field-commit';
import { expressionsHint, freeName, fromTextRecord, getOwner, type OwnerId, renameKey, textRecord } from './owner';
import { GoTo } from './used-by';

type BindingPatch = Partial<Omit<IntegrationBinding, 'integrationId'>>;

function patchBinding(ownerId: OwnerId, build: (binding: IntegrationBinding) => BindingPatch): Operation {
  return (design: Design) => {
    const binding = getOwner(design, ownerId).integration;
    if (!binding) return updateBinding(design, ownerId, {});
    return updateBinding(design, ownerId, build(binding));
  };
}

const none = '';

/** The integration of a method or route: which target, and how this method uses it. */
export const BindingForm = memo(function BindingForm({
  ownerId,
  binding,
  apiType,
}: {
  ownerId: OwnerId;
  binding: IntegrationBinding | undefined;
  apiType: ApiType;
}) {
  const targets = usePortico(useShallow((s) => Object.values(s.design.integrations).map((target) => pack(target.id, target.name))));
  const options = [
    { value: none, label: 'None' },
    ...targets.map((entry) => {
      const { id, label } = unpack(entry);
      return { value: id, label };
    }),
  ];
  return (
    <Section title="Integration">
      <SelectField
        label="Integration target"
        fieldKey={`${ownerId}.integration.target`}
        opLabel="Connect integration"
        value={binding?.integrationId ?? none}
        options={options}
        hint={targets.length === 0 ? 'Add an integration from the palette first, then pick it here or draw an edge to it.' : undefined}
        toOperation={(value) => (design) =>
          value === none ? disconnectIntegration(design, ownerId) : connectIntegration(design, ownerId, value as IntegrationId)
        }
      />
      {binding ? (
        <GoTo
          id={binding.integrationId}
          name={targets.map(unpack).find((entry) => entry.id === binding.integrationId)?.label ?? 'the integration'}
        />
      ) : null}
      {binding ? <BindingFields ownerId={ownerId} binding={binding} apiType={apiType} /> : null}
    </Section>
  );
});

const passthroughOptions = [
  { value: '', label: 'Default (WHEN_NO_MATCH)' },
  ...passthroughBehaviors.map((value) => ({ value, label: value })),
];
const contentHandlingOptions = [{ value: '', label: 'Pass through' }, ...contentHandlings.map((value) => ({ value, label: value }))];
const transferModeOptions = [
  { value: '', label: 'Default (BUFFERED)' },
  { value: 'BUFFERED', label: 'BUFFERED: the whole response at once' },
  { value: 'STREAM', label: 'STREAM: the response as it arrives' },
];
/** What streaming allows and rules out (https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html). */
const streamingHint =
  'STREAM needs a proxy integration (Lambda proxy or HTTP proxy, private ones too). It may last up to 15 minutes and go past 10 MB, but gets no endpoint caching, payload compression or response mapping templates; a Lambda function is called through its response-streaming-invocations URI, and each started 10 MB of response is billed as a request.';

function BindingFields({ ownerId, binding, apiType }: { ownerId: OwnerId; binding: IntegrationBinding; apiType: ApiType }) {
  const isHttp = apiType === 'HTTP';
  const custom = !binding.proxy;
  return (
    <div className="space-y-2">
      {isHttp ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">HTTP APIs support proxy integrations only.</p>
      ) : (
        <CheckboxField
          label="Proxy integration"
          fieldKey={`${ownerId}.integration.proxy`}
          hint="Proxy passes the request through as is; custom maps it with templates."
          value={binding.proxy}
          toOperation={(proxy) => patchBinding(ownerId, () => ({ proxy }))}
        />
      )}
      {apiType === 'REST' ? (
        <SelectField
          label="Response transfer mode"
          fieldKey={`${ownerId}.integration.responseTransferMode`}
          value={binding.responseTransferMode ?? ''}
          options={transferModeOptions}
          hint={streamingHint}
          toOperation={(value) => (design) =>
            setResponseTransferMode(design, ownerId, value === '' ? undefined : (value as ResponseTransferMode))
          }
        />
      ) : null}
      <NumberField
        label="Timeout (milliseconds)"
        fieldKey={`${ownerId}.integration.timeout`}
        optional
        placeholder={isHttp ? '30000' : '29000'}
        hint={
          isHttp
            ? '50–30,000 ms.'
            : apiType === 'WEBSOCKET'
              ? '50–29,000 ms.'
              : binding.responseTransferMode === 'STREAM'
                ? 'At least 50 ms; up to 900,000 (15 minutes) while the response streams.'
                : 'At least 50 ms; 29,000 unless raised for the account.'
        }
        value={binding.timeoutInMillis}
        toOperation={(timeoutInMillis) => patchBinding(ownerId, () => ({ timeoutInMillis }))}
      />
      {isHttp ? (
        <SelectField
          label="Payload format version"
          fieldKey={`${ownerId}.integration.payloadFormat`}
          value={binding.payloadFormatVersion ?? '2.0'}
          options={[
            { value: '1.0', label: '1.0' },
            { value: '2.0', label: '2.0' },
          ]}
          toOperation={(payloadFormatVersion) => patchBinding(ownerId, () => ({ payloadFormatVersion }))}
        />
      ) : null}
      {!isHttp ? (
        <>
          <SelectField
            label="Passthrough behavior"
            fieldKey={`${ownerId}.integration.passthrough`}
            value={binding.passthroughBehavior ?? ''}
            options={passthroughOptions}
            toOperation={(value) =>
              patchBinding(ownerId, () => ({
                passthroughBehavior: value === '' ? undefined : (value as IntegrationBinding['passthroughBehavior']),
              }))
            }
          />
          <SelectField
            label="Content handling"
            fieldKey={`${ownerId}.integration.contentHandling`}
            value={binding.contentHandling ?? ''}
            options={contentHandlingOptions}
            toOperation={(value) =>
              patchBinding(ownerId, () => ({
                contentHandling: value === '' ? undefined : (value as IntegrationBinding['contentHandling']),
              }))
            }
          />
        </>
      ) : null}
      {apiType === 'REST' && custom ? <TestBenchButton methodId={ownerId as MethodId} /> : null}
      <KeyValueField
        label="Integration request parameters"
        fieldKey={`${ownerId}.integration.requestParameters`}
        keyLabel="Integration parameter"
        valueLabel="Source"
        keyPlaceholder={isHttp ? 'overwrite:header.x-user' : 'integration.request.header.x-user'}
        valuePlaceholder={isHttp ? '$context.authorizer.claims.sub' : 'method.request.header.x-user'}
        addLabel="Add request parameter"
        value={textRecord(binding.requestParameters)}
        hint={expressionsHint(binding.requestParameters)}
        toOperation={(texts) =>
          patchBinding(ownerId, (current) => ({ requestParameters: fromTextRecord(texts, current.requestParameters) }))
        }
      />
      {!isHttp ? (
        <TemplatesField
          label="Integration request templates"
          fieldKey={`${ownerId}.integration.requestTemplates`}
          ownerId={ownerId}
          phase="request"
          expandable={apiType === 'REST'}
          keyLabel="Template content type"
          valueLabel="Mapping template"
          keyPlaceholder="application/json"
          valuePlaceholder={'{"id": "$input.params(\'id\')"}'}
          addLabel="Add request template"
          emptyText={
            custom ? 'No templates: the body is passed as the passthrough behavior says.' : 'Proxy integrations pass the body unchanged.'
          }
          value={textRecord(binding.requestTemplates)}
          hint={expressionsHint(binding.requestTemplates)}
          toOperation={(texts) =>
            patchBinding(ownerId, (current) => ({ requestTemplates: fromTextRecord(texts, current.requestTemplates) }))
          }
        />
      ) : null}
      {!isHttp ? <IntegrationResponses ownerId={ownerId} responses={binding.responses} expandable={apiType === 'REST'} /> : null}
      {isHttp ? <HttpResponseParameters ownerId={ownerId} mappings={binding.responseParameters ?? {}} /> : null}
      {apiType === 'REST' ? (
        <>
          <ListField
            label="Cache key parameters"
            fieldKey={`${ownerId}.integration.cacheKeys`}
            placeholder="method.request.querystring.page"
            value={binding.cacheKeyParameters}
            toOperation={(cacheKeyParameters) => patchBinding(ownerId, () => ({ cacheKeyParameters }))}
          />
          <TextField
            label="Cache namespace"
            fieldKey={`${ownerId}.integration.cacheNamespace`}
            value={binding.cacheNamespace ?? ''}
            toOperation={(text) => patchBinding(ownerId, () => ({ cacheNamespace: optionalText(text) }))}
          />
        </>
      ) : null}
      <TextField
        label="TLS server name to verify"
        fieldKey={`${ownerId}.integration.tlsServerName`}
        value={binding.tlsConfig?.serverNameToVerify ?? ''}
        hint="For HTTP and private integrations whose certificate names another host."
        toOperation={(text) =>
          patchBinding(ownerId, (current) => ({ tlsConfig: tlsOf({ ...current.tlsConfig, serverNameToVerify: optionalText(text) }) }))
        }
      />
      {apiType === 'REST' ? (
        <CheckboxField
          label="Skip TLS certificate verification"
          fieldKey={`${ownerId}.integration.tlsInsecure`}
          value={binding.tlsConfig?.insecureSkipVerification ?? false}
          toOperation={(insecureSkipVerification) =>
            patchBinding(ownerId, (current) => ({
              tlsConfig: tlsOf({ ...current.tlsConfig, insecureSkipVerification: insecureSkipVerification || undefined }),
            }))
          }
        />
      ) : null}
    </div>
  );
}

function tlsOf(config: IntegrationBinding['tlsConfig']): IntegrationBinding['tlsConfig'] {
  if (!config) return undefined;
  const result: NonNullable<IntegrationBinding['tlsConfig']> = {};
  if (config.serverNameToVerify !== undefined) result.serverNameToVerify = config.serverNameToVerify;
  if (config.insecureSkipVerification !== undefined) result.insecureSkipVerification = config.insecureSkipVerification;
  return Object.keys(result).length === 0 ? undefined : result;
}

/** Integration responses of a custom integration: selection pattern → status code, with mappings. */
function IntegrationResponses({
  ownerId,
  responses,
  expandable,
}: {
  ownerId: OwnerId;
  responses: IntegrationResponse[];
  expandable: boolean;
}) {
  const apply = useApply();
  const change = (index: number, patch: Partial<IntegrationResponse>): Operation =>
    patchBinding(ownerId, (binding) => ({
      responses: binding.responses.map((response, at) => (at === index ? withoutUndefined({ ...response, ...patch }) : response)),
    }));
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Integration responses</legend>
      {responses.length === 0 ? (
        <EmptyState>No integration responses. Proxy integrations need none; custom integrations need at least a default one.</EmptyState>
      ) : null}
      {responses.map((response, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: integration responses have no id
        <div key={index} className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-end gap-1">
            <TextField
              className="flex-1"
              label="Selection pattern"
              fieldKey={`${ownerId}.integration.responses.${index}.pattern`}
              placeholder="default, 4\\d{2}, .*NotFound.*"
              value={response.selectionPattern}
              toOperation={(selectionPattern) => change(index, { selectionPattern })}
            />
            <TextField
              className="w-20"
              label="Status"
              fieldKey={`${ownerId}.integration.responses.${index}.status`}
              value={response.statusCode}
              toOperation={(text) => change(index, { statusCode: text.trim() })}
            />
            <IconButton
              label={`Remove integration response ${response.selectionPattern}`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove integration response',
                  patchBinding(ownerId, (binding) => ({ responses: binding.responses.filter((_, at) => at !== index) })),
                )
              }
            />
          </div>
          <SelectField
            label="Response content handling"
            fieldKey={`${ownerId}.integration.responses.${index}.contentHandling`}
            value={response.contentHandling ?? ''}
            options={contentHandlingOptions}
            toOperation={(value) =>
              change(index, { contentHandling: value === '' ? undefined : (value as IntegrationResponse['contentHandling']) })
            }
          />
          <KeyValueField
            label="Response parameters"
            fieldKey={`${ownerId}.integration.responses.${index}.parameters`}
            keyLabel="Method response header"
            valueLabel="Value"
            keyPlaceholder="method.response.header.Access-Control-Allow-Origin"
            valuePlaceholder="'*'"
            addLabel="Add response parameter"
            value={response.responseParameters}
            toOperation={(responseParameters) => change(index, { responseParameters })}
          />
          <TemplatesField
            label="Response templates"
            fieldKey={`${ownerId}.integration.responses.${index}.templates`}
            ownerId={ownerId}
            phase="response"
            expandable={expandable}
            responseIndex={index}
            keyLabel="Response content type"
            valueLabel="Response template"
            keyPlaceholder="application/json"
            addLabel="Add response template"
            value={response.responseTemplates}
            toOperation={(responseTemplates) => change(index, { responseTemplates })}
          />
        </div>
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply(
            'Add integration response',
            patchBinding(ownerId, (binding) => ({
              responses: [
                ...binding.responses,
                {
                  selectionPattern: binding.responses.some((response) => response.selectionPattern === 'default') ? '4\\d{2}' : 'default',
                  statusCode: binding.responses.length === 0 ? '200' : '400',
                  responseParameters: {},
                  responseTemplates: {},
                },
              ],
            })),
          )
        }
      >
        Add integration response
      </Button>
    </fieldset>
  );
}

/** HTTP APIs: response header mappings by backend status code (`append:header.x`, `overwrite:statuscode`). */
function HttpResponseParameters({ ownerId, mappings }: { ownerId: OwnerId; mappings: Record<string, Record<string, string>> }) {
  const apply = useApply();
  const write = (build: (current: Record<string, Record<string, string>>) => Record<string, Record<string, string>>): Operation =>
    patchBinding(ownerId, (binding) => {
      const next = build(binding.responseParameters ?? {});
      return { responseParameters: Object.keys(next).length === 0 ? undefined : next };
    });
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Response parameter mappings</legend>
      {Object.keys(mappings).length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">None: responses reach the client as the backend sent them.</p>
      ) : null}
      {Object.entries(mappings).map(([statusCode, parameters], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: keyed by position so that editing the status code keeps focus
        <div key={index} className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-end gap-1">
            <TextField
              className="flex-1"
              label="Backend status code"
              fieldKey={`${ownerId}.integration.httpResponse.${index}.status`}
              value={statusCode}
              toOperation={(text) => write((current) => renameKey(current, statusCode, text, 'status code'))}
            />
            <IconButton
              label={`Remove mappings for ${statusCode}`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove response mappings',
                  write((current) => {
                    const { [statusCode]: _removed, ...rest } = current;
                    return rest;
                  }),
                )
              }
            />
          </div>
          <KeyValueField
            label={`Mappings for ${statusCode}`}
            fieldKey={`${ownerId}.integration.httpResponse.${index}.parameters`}
            keyLabel="Mapping"
            valueLabel="Value"
            keyPlaceholder="overwrite:header.x-request-id"
            valuePlaceholder="$context.requestId"
            addLabel="Add mapping"
            value={parameters}
            toOperation={(record) => write((current) => ({ ...current, [statusCode]: record }))}
          />
        </div>
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply(
            'Add response mappings',
            write((current) => ({
              ...current,
              [['200', '201', '204', '400', '404', '500'].find((code) => !Object.hasOwn(current, code)) ??
                freeName('2', Object.keys(current))]: {},
            })),
          )
        }
      >
        Add status code
      </Button>
    </fieldset>
  );
}

function withoutUndefined<T extends object>(value: T): T {
  const result = { ...value };
  for (const key of Object.keys(result) as (keyof T)[]) if (result[key] === undefined) delete result[key];
  return result;
}
