import {
  type ApiExpressionField,
  type ApiPatch,
  type ApiSettings,
  apiExpression,
  type CorsConfiguration,
  containsIntrinsic,
  type Design,
  endpointTypes,
  expressionText,
  type IpAddressType,
  ipAddressTypes,
  isEnhancedPolicy,
  type JsonValue,
  refuse,
  securityPoliciesFor,
  updateApi,
} from '../../core/model';
import { corsKey } from '../../core/openapi/extensions/cors';
import {
  apiKeySourceKey,
  binaryMediaTypesKey,
  endpointAccessModeKey,
  minimumCompressionSizeKey,
  securityPolicyKey,
} from '../../core/openapi/extensions/root-settings';
import { usePortico } from '../../state/context';
import { Section } from '../../ui/field';
import {
  CheckboxField,
  ExpressionField,
  JsonField,
  KeyValueField,
  ListField,
  NumberField,
  optionalText,
  SelectField,
  TextField,
} from '../fields';
import type { Operation } from '../use-field-commit';
import { ApiTypeField } from './api-type-field';
import { GatewayResponses } from './gateway-responses';
import { ModelsList } from './models-list';
import { PreflightPreview } from './preflight-preview';
import { ValidatorsList } from './validators-list';

function patch(value: ApiPatch): Operation {
  return (design: Design) => updateApi(design, value);
}

/** Ends a setting's expression: the setting keeps the readable text it held, now as plain text. */
function endExpression(field: ApiExpressionField): Operation {
  return (design: Design) => {
    const { [field]: _ended, ...rest } = design.api.expressions ?? {};
    return updateApi(design, { expressions: Object.keys(rest).length > 0 ? rest : undefined });
  };
}

/** A root setting the import kept as written because it is (or holds) a CloudFormation expression, or undefined. */
function keptExpression(api: ApiSettings, key: string): JsonValue | undefined {
  const value = Object.hasOwn(api.extensions, key) ? api.extensions[key] : undefined;
  return value !== undefined && containsIntrinsic(value) ? value : undefined;
}

/** Drops a kept root setting, so that the setting the form shows is the one exported. */
function dropKept(key: string): Operation {
  return (design: Design) => {
    const { [key]: _dropped, ...extensions } = design.api.extensions;
    return updateApi(design, { extensions });
  };
}

/** A kept root setting as an expression field; "Edit as text" drops it and the setting below takes over. */
function KeptSetting({ api, settingKey, label }: { api: ApiSettings; settingKey: string; label: string }) {
  const value = keptExpression(api, settingKey);
  if (value === undefined) return null;
  return (
    <ExpressionField
      label={label}
      fieldKey={`api.extensions.${settingKey}`}
      expression={value}
      hint="A CloudFormation expression, exported as written; the setting below is used once it is edited as text."
      toOperation={() => dropKept(settingKey)}
    />
  );
}

const endpointNames = { EDGE: 'Edge-optimized', REGIONAL: 'Regional', PRIVATE: 'Private (VPC endpoints only)' } as const;

function defaultCors(): CorsConfiguration {
  return {
    allowOrigins: ['*'],
    allowMethods: ['*'],
    allowHeaders: ['Content-Type', 'Authorization'],
    exposeHeaders: [],
    allowCredentials: false,
  };
}

function patchCors(build: (cors: CorsConfiguration) => Partial<CorsConfiguration>): Operation {
  return (design: Design) => {
    const cors = design.api.cors ?? defaultCors();
    const next = { ...cors, ...build(cors) };
    if (next.maxAgeSeconds === undefined) delete next.maxAgeSeconds;
    return updateApi(design, { cors: next });
  };
}

/** The API's own settings: everything that is not a node on the canvas. */
export function ApiPanel() {
  const api = usePortico((s) => s.design.api);
  const isRest = api.type === 'REST';
  return (
    <div className="space-y-1 p-3 text-sm" data-testid="api-panel">
      <h2 className="text-sm font-semibold">API settings</h2>
      <div className="space-y-2">
        {apiExpression(api, 'name') ? (
          <ExpressionField
            label="Name"
            fieldKey="api.name"
            expression={apiExpression(api, 'name') as JsonValue}
            hint="info.title is a CloudFormation expression, filled in when the template is deployed; exported as written."
            toOperation={() => endExpression('name')}
          />
        ) : (
          <TextField label="Name" fieldKey="api.name" value={api.name} opLabel="Rename API" toOperation={(name) => patch({ name })} />
        )}
        {apiExpression(api, 'description') ? (
          <ExpressionField
            label="Description"
            fieldKey="api.description"
            expression={apiExpression(api, 'description') as JsonValue}
            toOperation={() => endExpression('description')}
          />
        ) : (
          <TextField
            label="Description"
            fieldKey="api.description"
            multiline
            value={api.description ?? ''}
            toOperation={(text) => patch({ description: optionalText(text) })}
          />
        )}
        {apiExpression(api, 'version') ? (
          <ExpressionField
            label="Version"
            fieldKey="api.version"
            expression={apiExpression(api, 'version') as JsonValue}
            toOperation={() => endExpression('version')}
          />
        ) : (
          <TextField
            label="Version"
            fieldKey="api.version"
            value={api.version}
            hint="info.version of the OpenAPI document."
            toOperation={(version) => patch({ version })}
          />
        )}
        <ApiTypeField />
      </div>
      <EndpointSection api={api} />
      {isRest ? <RestSection api={api} /> : null}
      {api.type !== 'WEBSOCKET' ? <CorsSection cors={api.cors} isRest={isRest} kept={keptExpression(api, corsKey)} /> : null}
      {api.type === 'WEBSOCKET' ? (
        <Section title="WebSocket">
          <TextField
            label="Route selection expression"
            fieldKey="api.routeSelectionExpression"
            value={api.routeSelectionExpression}
            hint="Which message value picks the route, e.g. $request.body.action."
            toOperation={(text) => patch({ routeSelectionExpression: text.trim() || '$request.body.action' })}
          />
          <TextField
            label="API key selection expression"
            fieldKey="api.apiKeySelectionExpression"
            value={api.apiKeySelectionExpression ?? ''}
            placeholder="$request.header.x-api-key"
            toOperation={(text) => patch({ apiKeySelectionExpression: optionalText(text.trim()) })}
          />
        </Section>
      ) : null}
      <Section title="Tags" defaultOpen={false}>
        <KeyValueField
          label="AWS tags"
          fieldKey="api.tags"
          keyLabel="Tag key"
          valueLabel="Tag value"
          addLabel="Add tag"
          emptyText="No tags. Add tags for cost allocation and access control."
          value={api.tags}
          hint={tagExpressionsHint(api)}
          toOperation={(tags) => patch({ tags })}
        />
      </Section>
      {isRest ? <ValidatorsList /> : null}
      <ModelsList />
      {isRest ? <GatewayResponses /> : null}
    </div>
  );
}

/** Which tag values are CloudFormation expressions (the fields show the text they stand for). */
function tagExpressionsHint(api: ApiSettings): string | undefined {
  const tags = apiExpression(api, 'tags');
  if (!tags) return undefined;
  const listed = Object.entries(tags).map(([name, value]) => `${name} = ${expressionText(value, 80)}`);
  return `CloudFormation expressions, exported as written: ${listed.join('; ')}. Typing a value replaces its expression.`;
}

function EndpointSection({ api }: { api: ApiSettings }) {
  const isRest = api.type === 'REST';
  return (
    <Section title="Endpoint">
      {isRest ? (
        <SelectField
          label="Endpoint type"
          fieldKey="api.endpointType"
          value={api.endpointType}
          options={endpointTypes.map((value) => ({ value, label: endpointNames[value] }))}
          toOperation={(value) => patch({ endpointType: value as ApiSettings['endpointType'] })}
        />
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-300">{api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are always regional.</p>
      )}
      {apiExpression(api, 'endpointConfiguration') ? (
        <ExpressionField
          label="Endpoint configuration"
          fieldKey="api.endpointConfiguration"
          expression={apiExpression(api, 'endpointConfiguration') as JsonValue}
          hint="x-amazon-apigateway-endpoint-configuration is a CloudFormation expression as a whole; exported as written."
          toOperation={() => endExpression('endpointConfiguration')}
        />
      ) : null}
      {isRest && api.endpointType === 'PRIVATE' && apiExpression(api, 'vpcEndpointIds') ? (
        <ExpressionField
          label="VPC endpoint ids"
          fieldKey="api.vpcEndpointIds"
          expression={apiExpression(api, 'vpcEndpointIds') as JsonValue}
          hint="Holds CloudFormation expressions, filled in when the template is deployed; exported as written."
          toOperation={() => endExpression('vpcEndpointIds')}
        />
      ) : isRest && api.endpointType === 'PRIVATE' ? (
        <ListField
          label="VPC endpoint ids"
          fieldKey="api.vpcEndpointIds"
          value={api.vpcEndpointIds}
          placeholder="vpce-0123456789abcdef0"
          toOperation={(vpcEndpointIds) => patch({ vpcEndpointIds })}
        />
      ) : null}
      {apiExpression(api, 'disableExecuteApiEndpoint') ? (
        <ExpressionField
          label="Disable the default execute-api endpoint"
          fieldKey="api.disableExecuteApiEndpoint"
          expression={apiExpression(api, 'disableExecuteApiEndpoint') as JsonValue}
          toOperation={() => endExpression('disableExecuteApiEndpoint')}
        />
      ) : (
        <CheckboxField
          label="Disable the default execute-api endpoint"
          fieldKey="api.disableExecuteApiEndpoint"
          hint="Clients must then use a custom domain name."
          value={api.disableExecuteApiEndpoint}
          toOperation={(disableExecuteApiEndpoint) => patch({ disableExecuteApiEndpoint })}
        />
      )}
      {isRest ? <KeptSetting api={api} settingKey={securityPolicyKey} label="TLS security policy (as imported)" /> : null}
      {isRest ? <KeptSetting api={api} settingKey={endpointAccessModeKey} label="Endpoint access mode (as imported)" /> : null}
      <IpAddressTypeField api={api} />
      {isRest ? <TlsFields api={api} /> : null}
    </Section>
  );
}

/** Which clients may call the API: IPv4 only, or IPv6 as well. A private API is always dual-stack. */
function IpAddressTypeField({ api }: { api: ApiSettings }) {
  const expression = apiExpression(api, 'ipAddressType');
  if (expression)
    return (
      <ExpressionField
        label="IP address type"
        fieldKey="api.ipAddressType"
        expression={expression as JsonValue}
        hint="ipAddressType is a CloudFormation expression, filled in when the template is deployed; exported as written."
        toOperation={() => endExpression('ipAddressType')}
      />
    );
  if (api.type === 'REST' && api.endpointType === 'PRIVATE' && api.ipAddressType !== 'ipv4')
    return (
      <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="api-ip-address-type-private">
        IP address type: dual-stack (IPv4 and IPv6). Private APIs are always dual-stack.
      </p>
    );
  return (
    <SelectField
      label="IP address type"
      fieldKey="api.ipAddressType"
      value={api.ipAddressType ?? 'ipv4'}
      options={ipAddressTypes.map((value) => ({ value, label: ipAddressTypeNames[value] }))}
      hint={
        api.type === 'REST'
          ? 'Dual-stack lets IPv6 clients call the API too; a resource policy that filters source IPs must then list IPv6 ranges. Set with the API, not in its OpenAPI (the CDK export sets it).'
          : 'Dual-stack lets IPv6 clients call the API too; it takes effect without a deployment.'
      }
      toOperation={(value) => patch({ ipAddressType: value as IpAddressType })}
    />
  );
}

/** The TLS security policy (only the names the endpoint type takes) and, with an enhanced one, the endpoint access mode. */
function TlsFields({ api }: { api: ApiSettings }) {
  const names: readonly string[] = securityPoliciesFor(api.endpointType);
  const current = api.securityPolicy;
  const options = [
    { value: '', label: "API Gateway's default (TLS_1_0, private APIs TLS_1_2)" },
    ...names.map((value) => ({ value, label: securityPolicyLabel(value) })),
    // A name the endpoint type does not take (an import) stays visible, so that choosing another is a change.
    ...(current !== undefined && !names.includes(current) ? [{ value: current, label: `${current} (not for this endpoint type)` }] : []),
  ];
  const enhanced = isEnhancedPolicy(current);
  return (
    <>
      <SelectField
        label="TLS security policy"
        fieldKey="api.securityPolicy"
        value={current ?? ''}
        options={options}
        hint={`The TLS versions and ciphers clients may use; ${api.endpointType === 'EDGE' ? 'edge-optimized APIs take the _EDGE enhanced policies' : 'Regional and private APIs take the enhanced policies without _EDGE'}, which need an endpoint access mode.`}
        toOperation={(value) => patch({ securityPolicy: value === '' ? undefined : value })}
      />
      {enhanced || api.endpointAccessMode !== undefined ? (
        <SelectField
          label="Endpoint access mode"
          fieldKey="api.endpointAccessMode"
          value={api.endpointAccessMode ?? ''}
          options={[
            ...(api.endpointAccessMode === undefined ? [{ value: '', label: 'Choose one (required)' }] : []),
            { value: 'STRICT', label: 'STRICT' },
            { value: 'BASIC', label: 'BASIC' },
          ]}
          hint="Required with an enhanced policy: STRICT also rejects requests whose host name (SNI) or endpoint type does not match the API; BASIC does not (use it while clients migrate)."
          toOperation={(value) => patch({ endpointAccessMode: value === '' ? undefined : value })}
        />
      ) : null}
    </>
  );
}

const ipAddressTypeNames = { ipv4: 'IPv4 only', dualstack: 'Dual-stack (IPv4 and IPv6)' } as const;

/** A policy name with what it says of itself, e.g. "SecurityPolicy_TLS13_1_3_2025_09 (enhanced: TLS 1.3 only)". */
function securityPolicyLabel(name: string): string {
  if (name === 'TLS_1_0') return 'TLS_1_0 (legacy: TLS 1.0 and later)';
  if (name === 'TLS_1_2') return 'TLS_1_2 (legacy: TLS 1.2 and later)';
  // Only what the name states (DG apigateway-security-policies-list has the cipher suites).
  const traits = [
    name.includes('TLS13_1_3') ? 'TLS 1.3 only' : name.includes('TLS13_1_2') ? 'TLS 1.3 and 1.2' : '',
    name.includes('FIPS') ? 'FIPS' : '',
    name.includes('PFS') ? 'forward secrecy' : '',
    name.includes('PQ') ? 'post-quantum' : '',
  ].filter((trait) => trait !== '');
  return `${name} (enhanced${traits.length > 0 ? `: ${traits.join(', ')}` : ''})`;
}

function RestSection({ api }: { api: ApiSettings }) {
  return (
    <Section title="Requests and responses">
      <KeptSetting api={api} settingKey={binaryMediaTypesKey} label="Binary media types (as imported)" />
      <KeptSetting api={api} settingKey={minimumCompressionSizeKey} label="Minimum compression size (as imported)" />
      <KeptSetting api={api} settingKey={apiKeySourceKey} label="API key source (as imported)" />
      <ListField
        label="Binary media types"
        fieldKey="api.binaryMediaTypes"
        value={api.binaryMediaTypes}
        placeholder="image/png, application/octet-stream"
        toOperation={(binaryMediaTypes) => patch({ binaryMediaTypes })}
      />
      <NumberField
        label="Minimum compression size (bytes)"
        fieldKey="api.minimumCompressionSize"
        optional
        hint="0–10,485,760; empty turns compression off."
        value={api.minimumCompressionSize}
        toOperation={(minimumCompressionSize) => patch({ minimumCompressionSize })}
      />
      <SelectField
        label="API key source"
        fieldKey="api.apiKeySource"
        value={api.apiKeySource}
        options={[
          { value: 'HEADER', label: 'x-api-key header' },
          { value: 'AUTHORIZER', label: 'Lambda authorizer (usageIdentifierKey)' },
        ]}
        toOperation={(value) => patch({ apiKeySource: value as ApiSettings['apiKeySource'] })}
      />
      <JsonField
        label="Resource policy"
        fieldKey="api.policy"
        optional
        rows={8}
        value={api.policy}
        hint='An IAM policy document ({"Version": "2012-10-17", "Statement": [...]}); checked when you leave the field. Empty = no policy.'
        toOperation={(policy) => patch({ policy })}
      />
    </Section>
  );
}

function CorsSection({ cors, isRest, kept }: { cors: CorsConfiguration | undefined; isRest: boolean; kept: JsonValue | undefined }) {
  return (
    <Section title="CORS" defaultOpen={cors !== undefined || kept !== undefined}>
      {kept !== undefined ? (
        <ExpressionField
          label="CORS (as imported)"
          fieldKey={`api.extensions.${corsKey}`}
          expression={kept}
          hint="x-amazon-apigateway-cors holds CloudFormation expressions; exported as written. Edit it as text to use the settings below."
          toOperation={() => dropKept(corsKey)}
        />
      ) : null}
      <CheckboxField
        label="Enable CORS"
        fieldKey="api.cors.enabled"
        hint={
          isRest
            ? 'REST APIs get OPTIONS preflight methods (Mock integrations) and CORS headers on DEFAULT_4XX/5XX from these settings, in the OpenAPI export and the CDK program.'
            : 'API Gateway answers preflight requests itself.'
        }
        value={cors !== undefined}
        toOperation={(enabled) => patch({ cors: enabled ? defaultCors() : undefined })}
      />
      {cors ? (
        <>
          <ListField
            label="Allowed origins"
            fieldKey="api.cors.origins"
            value={cors.allowOrigins}
            toOperation={(allowOrigins) => patchCors(() => ({ allowOrigins }))}
          />
          <ListField
            label="Allowed methods"
            fieldKey="api.cors.methods"
            value={cors.allowMethods}
            toOperation={(allowMethods) => patchCors(() => ({ allowMethods }))}
          />
          <ListField
            label="Allowed headers"
            fieldKey="api.cors.headers"
            value={cors.allowHeaders}
            toOperation={(allowHeaders) => patchCors(() => ({ allowHeaders }))}
          />
          <ListField
            label="Exposed headers"
            fieldKey="api.cors.expose"
            value={cors.exposeHeaders}
            toOperation={(exposeHeaders) => patchCors(() => ({ exposeHeaders }))}
          />
          <CheckboxField
            label="Allow credentials"
            fieldKey="api.cors.credentials"
            value={cors.allowCredentials}
            toOperation={(allowCredentials) => patchCors(() => ({ allowCredentials }))}
          />
          <NumberField
            label="Preflight max age (seconds)"
            fieldKey="api.cors.maxAge"
            optional
            value={cors.maxAgeSeconds}
            toOperation={(maxAgeSeconds) => (design) => {
              if (maxAgeSeconds !== undefined && (!Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0 || maxAgeSeconds > 86_400))
                refuse('invalid-value', 'The preflight max age is a whole number of seconds from 0 to 86400.');
              return patchCors(() => ({ maxAgeSeconds }))(design);
            }}
          />
          <PreflightPreview apiType={isRest ? 'REST' : 'HTTP'} cors={cors} />
        </>
      ) : null}
    </Section>
  );
}
