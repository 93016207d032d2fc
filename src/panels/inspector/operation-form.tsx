import { useShallow } from 'zustand/react/shallow';
import {
  type AuthorizerId,
  connectAuthorizer,
  disconnectAuthorizer,
  type HttpMethod,
  httpMethods,
  type Method,
  type MethodId,
  type RequestValidatorId,
  type Route,
  type RouteId,
  resourcePath,
  setOperationInternal,
  updateMethod,
  updateRoute,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { Section } from '../../ui/field';
import { CheckboxField, ListField, optionalText, SelectField, TextField } from '../fields';
import { pack, unpack } from '../pairs';
import { BindingForm } from './binding-form';
import { CorsProxyHeaders } from './cors-proxy-headers';
import { ParametersEditor, RequestBodyEditor, ResponsesEditor } from './doc-fields';
import { type Owner, type OwnerId, patchOwner } from './owner';
import { GoTo } from './used-by';

const verbOptions = httpMethods.map((verb) => ({ value: verb, label: verb }));

/** Every property of a REST method. */
export function MethodForm({ id }: { id: MethodId }) {
  const method = usePortico((s) => s.design.methods[id]);
  const path = usePortico((s) => (method ? resourcePath(s.design, method.resourceId) : ''));
  const validators = usePortico(
    useShallow((s) => Object.values(s.design.requestValidators).map((validator) => pack(validator.id, validator.name))),
  );
  if (!method) return null;
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">
        Method <span className="font-mono">{method.httpMethod}</span> <span className="font-mono">{path}</span>
      </h2>
      <SelectField
        label="HTTP method"
        fieldKey={`${id}.httpMethod`}
        value={method.httpMethod}
        options={verbOptions}
        toOperation={(value) => (design) => updateMethod(design, id, { httpMethod: value as HttpMethod })}
      />
      <DocFields ownerId={id} owner={method} />
      <Section title="Method request">
        <CheckboxField
          label="API key required"
          fieldKey={`${id}.apiKeyRequired`}
          value={method.apiKeyRequired}
          hint="Callers send an API key of a usage plan that covers the stage."
          toOperation={(apiKeyRequired) => patchOwner(id, () => ({ apiKeyRequired }))}
        />
        <SelectField
          label="Request validator"
          fieldKey={`${id}.requestValidator`}
          value={method.requestValidatorId ?? ''}
          hint={validators.length === 0 ? 'Add request validators in the API panel.' : undefined}
          options={[
            { value: '', label: 'API default' },
            ...validators.map((entry) => {
              const { id, label } = unpack(entry);
              return { value: id, label };
            }),
          ]}
          toOperation={(value) => (design) =>
            updateMethod(design, id, { requestValidatorId: value === '' ? undefined : (value as RequestValidatorId) })
          }
        />
        <AuthorizerFields ownerId={id} owner={method} />
      </Section>
      <ParametersEditor ownerId={id} parameters={method.parameters} />
      <RequestBodyEditor ownerId={id} owner={method} />
      <ResponsesEditor ownerId={id} responses={method.responses} />
      <BindingForm ownerId={id} binding={method.integration} apiType="REST" />
      <CorsProxyHeaders id={id} />
    </div>
  );
}

/** Every property of an HTTP or WebSocket route. */
export function RouteForm({ id }: { id: RouteId }) {
  const route = usePortico((s) => s.design.routes[id]);
  const apiType = usePortico((s) => s.design.api.type);
  if (!route) return null;
  const isWebSocket = apiType === 'WEBSOCKET';
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">
        Route <span className="font-mono">{route.routeKey}</span>
      </h2>
      <TextField
        label="Route key"
        fieldKey={`${id}.routeKey`}
        value={route.routeKey}
        hint={isWebSocket ? '$connect, $disconnect, $default or a value of the route selection expression.' : 'VERB /path, or $default.'}
        toOperation={(routeKey) => (design) => updateRoute(design, id, { routeKey })}
      />
      <DocFields ownerId={id} owner={route} />
      <Section title="Access">
        {isWebSocket ? (
          <CheckboxField
            label="API key required"
            fieldKey={`${id}.apiKeyRequired`}
            value={route.apiKeyRequired}
            toOperation={(apiKeyRequired) => patchOwner(id, () => ({ apiKeyRequired }))}
          />
        ) : null}
        <AuthorizerFields ownerId={id} owner={route} />
      </Section>
      {isWebSocket ? (
        <CheckboxField
          label="Return the integration response to the client"
          fieldKey={`${id}.returnResponse`}
          value={route.returnResponse ?? false}
          toOperation={(returnResponse) => (design) => updateRoute(design, id, { returnResponse: returnResponse || undefined })}
        />
      ) : (
        <>
          <ParametersEditor ownerId={id} parameters={route.parameters} />
          <RequestBodyEditor ownerId={id} owner={route} />
          <ResponsesEditor ownerId={id} responses={route.responses} />
        </>
      )}
      <BindingForm ownerId={id} binding={route.integration} apiType={apiType} />
    </div>
  );
}

function DocFields({ ownerId, owner }: { ownerId: OwnerId; owner: Method | Route }) {
  const apiType = usePortico((s) => s.design.api.type);
  // A REST stage can be an Amazon Bedrock AgentCore Gateway target: each method becomes an MCP tool.
  const mcp = apiType === 'REST';
  return (
    <Section title="Documentation">
      <TextField
        label="Operation name"
        fieldKey={`${ownerId}.operationName`}
        value={owner.operationName ?? ''}
        hint={
          mcp
            ? "The OpenAPI operationId; SDKs name functions after it, and it becomes the MCP tool's name."
            : 'The OpenAPI operationId; SDKs name functions after it.'
        }
        toOperation={(text) => patchOwner(ownerId, () => ({ operationName: optionalText(text.trim()) }))}
      />
      <TextField
        label="Summary"
        fieldKey={`${ownerId}.summary`}
        value={owner.summary ?? ''}
        toOperation={(text) => patchOwner(ownerId, () => ({ summary: optionalText(text) }))}
      />
      <TextField
        label="Description"
        fieldKey={`${ownerId}.description`}
        multiline
        value={owner.description ?? ''}
        hint={mcp ? "Becomes the MCP tool's description: say what the operation does and when to use it." : undefined}
        toOperation={(text) => patchOwner(ownerId, () => ({ description: optionalText(text) }))}
      />
      <ListField
        label="Tags"
        fieldKey={`${ownerId}.tags`}
        value={owner.tags}
        toOperation={(tags) => patchOwner(ownerId, () => ({ tags }))}
      />
      <CheckboxField
        label="Deprecated"
        fieldKey={`${ownerId}.deprecated`}
        value={owner.deprecated ?? false}
        toOperation={(deprecated) => patchOwner(ownerId, () => ({ deprecated: deprecated || undefined }))}
      />
      {apiType === 'WEBSOCKET' ? null : (
        <CheckboxField
          label="Internal"
          fieldKey={`${ownerId}.internal`}
          value={owner.internal ?? false}
          hint="Left out of the public OpenAPI (portals, SDKs, MCP clients); API Gateway still serves it."
          toOperation={(internal) => (design) => setOperationInternal(design, ownerId, internal)}
        />
      )}
    </Section>
  );
}

const scopedKinds = new Set(['COGNITO_USER_POOLS', 'JWT']);

function AuthorizerFields({ ownerId, owner }: { ownerId: OwnerId; owner: Owner }) {
  const authorizers = usePortico(
    useShallow((s) => Object.values(s.design.authorizers).map((authorizer) => pack(authorizer.id, authorizer.name, authorizer.kind))),
  );
  const parsed = authorizers.map((entry) => {
    const { id, label, extra } = unpack(entry);
    return { id, name: label, kind: extra };
  });
  const current = parsed.find((authorizer) => authorizer.id === owner.authorizerId);
  return (
    <>
      <SelectField
        label="Authorizer"
        fieldKey={`${ownerId}.authorizer`}
        opLabel="Change authorizer"
        value={owner.authorizerId ?? ''}
        hint={parsed.length === 0 ? 'No authorizers yet: add one from the palette to protect this operation.' : undefined}
        options={[
          { value: '', label: 'None (open)' },
          ...parsed.map((authorizer) => ({ value: authorizer.id, label: `${authorizer.name} (${authorizer.kind})` })),
        ]}
        toOperation={(value) => (design) =>
          value === '' ? disconnectAuthorizer(design, ownerId) : connectAuthorizer(design, ownerId, value as AuthorizerId)
        }
      />
      {current ? <GoTo id={current.id} name={current.name} /> : null}
      {current && scopedKinds.has(current.kind) ? (
        <ListField
          label="Authorization scopes"
          fieldKey={`${ownerId}.authorizationScopes`}
          placeholder="orders/read, orders/write"
          value={owner.authorizationScopes}
          toOperation={(authorizationScopes) => patchOwner(ownerId, () => ({ authorizationScopes }))}
        />
      ) : null}
    </>
  );
}
