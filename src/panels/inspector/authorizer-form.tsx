import {
  type AuthorizerId,
  type AuthorizerKind,
  type AuthorizerPatch,
  authorizerKindProblem,
  authorizerKinds,
  type Design,
  readableText,
  updateAuthorizer,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { CheckboxField, ExpressionField, ListField, NumberField, optionalText, SelectField, TextField } from '../fields';
import type { Operation } from '../use-field-commit';
import { RestJwtFields } from './jwt-authorizer-fields';
import { textOf } from './owner';
import { UsedBy } from './used-by';

const kindNames: Record<AuthorizerKind, string> = {
  IAM: 'IAM (SigV4)',
  COGNITO_USER_POOLS: 'Cognito user pool',
  LAMBDA_TOKEN: 'Lambda (token)',
  LAMBDA_REQUEST: 'Lambda (request)',
  JWT: 'JWT',
};

function patch(id: AuthorizerId, value: AuthorizerPatch): Operation {
  return (design: Design) => updateAuthorizer(design, id, value);
}

/** Every field of an authorizer, those of its kind only. */
export function AuthorizerForm({ id }: { id: AuthorizerId }) {
  const authorizer = usePortico((s) => s.design.authorizers[id]);
  const apiType = usePortico((s) => s.design.api.type);
  if (!authorizer) return null;
  const kind = authorizer.kind;
  const isLambda = kind === 'LAMBDA_TOKEN' || kind === 'LAMBDA_REQUEST';
  // A REST API's JWT authorizer trusts a list of issuers and reads its token from one header.
  const restJwt = kind === 'JWT' && apiType === 'REST';
  const kindOptions = authorizerKinds
    .filter((candidate) => candidate === kind || authorizerKindProblem(candidate, apiType) === undefined)
    .map((candidate) => ({ value: candidate, label: kindNames[candidate] }));
  const identityHint =
    apiType === 'REST'
      ? kind === 'LAMBDA_REQUEST'
        ? 'Comma-separated, e.g. method.request.header.Authorization, method.request.querystring.token'
        : 'e.g. method.request.header.Authorization'
      : apiType === 'HTTP'
        ? 'e.g. $request.header.Authorization'
        : 'e.g. route.request.header.Authorization';
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">Authorizer {authorizer.name}</h2>
      <UsedBy
        id={id}
        relation="authorizer"
        none="Protects nothing yet: draw an edge from a method or route to it, or pick it in their inspector."
        some={(count) => `Protects ${count} ${count === 1 ? 'operation' : 'operations'}.`}
      />
      <TextField label="Name" fieldKey={`${id}.name`} value={authorizer.name} toOperation={(name) => patch(id, { name })} />
      <SelectField
        label="Kind"
        fieldKey={`${id}.kind`}
        value={kind}
        options={kindOptions}
        toOperation={(value) => patch(id, { kind: value as AuthorizerKind })}
      />
      {restJwt ? (
        <RestJwtFields authorizer={authorizer} />
      ) : kind !== 'IAM' ? (
        <TextField
          label="Identity source"
          fieldKey={`${id}.identitySource`}
          value={authorizer.identitySource ?? ''}
          hint={identityHint}
          toOperation={(text) => patch(id, { identitySource: optionalText(text.trim()) })}
        />
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          IAM authorization checks the caller's SigV4 signature; there is nothing else to set.
        </p>
      )}
      {isLambda ? (
        <>
          <TextField
            label="Function ARN"
            fieldKey={`${id}.functionArn`}
            value={authorizer.functionArn ?? ''}
            placeholder="arn:aws:lambda:us-east-1:123456789012:function:authorizer"
            toOperation={(text) => patch(id, { functionArn: optionalText(text.trim()) })}
          />
          {typeof authorizer.credentials === 'object' ? (
            <ExpressionField
              label="Invoke role ARN"
              fieldKey={`${id}.credentials`}
              expression={authorizer.credentials}
              toOperation={() => patch(id, { credentials: optionalText(readableText(authorizer.credentials)) })}
            />
          ) : (
            <TextField
              label="Invoke role ARN"
              fieldKey={`${id}.credentials`}
              value={authorizer.credentials ?? ''}
              hint="Optional: a role API Gateway assumes to call the function."
              toOperation={(text) => patch(id, { credentials: optionalText(text.trim()) })}
            />
          )}
          <NumberField
            label="Result cache TTL (seconds)"
            fieldKey={`${id}.resultTtl`}
            optional
            placeholder="300"
            hint="0–3600; 0 turns caching of the authorizer's answer off."
            value={authorizer.resultTtlSeconds}
            toOperation={(resultTtlSeconds) => patch(id, { resultTtlSeconds })}
          />
          {typeof authorizer.rawAuthorizerUri === 'object' ? (
            <ExpressionField
              label="Authorizer URI (as imported)"
              fieldKey={`${id}.rawAuthorizerUri`}
              expression={authorizer.rawAuthorizerUri}
              hint="A CloudFormation expression, kept as imported and used instead of the function ARN."
              toOperation={() => patch(id, { rawAuthorizerUri: optionalText(readableText(authorizer.rawAuthorizerUri)) })}
            />
          ) : authorizer.rawAuthorizerUri !== undefined ? (
            <TextField
              label="Authorizer URI (as imported)"
              fieldKey={`${id}.rawAuthorizerUri`}
              value={authorizer.rawAuthorizerUri}
              hint="Kept as imported and used instead of the function ARN; clear it to use the ARN."
              toOperation={(text) => patch(id, { rawAuthorizerUri: optionalText(text.trim()) })}
            />
          ) : null}
        </>
      ) : null}
      {kind === 'LAMBDA_TOKEN' ? (
        <TextField
          label="Token validation expression"
          fieldKey={`${id}.identityValidationExpression`}
          value={authorizer.identityValidationExpression ?? ''}
          placeholder="^Bearer [-0-9a-zA-Z._]+$"
          hint="Optional regex; tokens that do not match are refused before the function runs."
          toOperation={(text) => patch(id, { identityValidationExpression: optionalText(text) })}
        />
      ) : null}
      {kind === 'LAMBDA_REQUEST' && apiType === 'HTTP' ? (
        <>
          <SelectField
            label="Payload format version"
            fieldKey={`${id}.payloadFormat`}
            value={authorizer.payloadFormatVersion ?? '2.0'}
            options={[
              { value: '1.0', label: '1.0' },
              { value: '2.0', label: '2.0' },
            ]}
            toOperation={(payloadFormatVersion) => patch(id, { payloadFormatVersion })}
          />
          <CheckboxField
            label="Simple responses"
            fieldKey={`${id}.simpleResponses`}
            hint="With format 2.0 the function may answer {isAuthorized: true} instead of an IAM policy."
            value={authorizer.enableSimpleResponses ?? false}
            toOperation={(enableSimpleResponses) => patch(id, { enableSimpleResponses })}
          />
        </>
      ) : null}
      {kind === 'COGNITO_USER_POOLS' && authorizer.providerArns.some((arn) => typeof arn !== 'string') ? (
        <ExpressionField
          label="User pool ARNs"
          fieldKey={`${id}.providerArns`}
          expression={authorizer.providerArns}
          hint="Holds CloudFormation expressions, filled in when the template is deployed; exported as written."
          toOperation={() => (design) =>
            updateAuthorizer(design, id, { providerArns: (design.authorizers[id]?.providerArns ?? []).map((arn) => readableText(arn)) })
          }
        />
      ) : kind === 'COGNITO_USER_POOLS' ? (
        <ListField
          label="User pool ARNs"
          fieldKey={`${id}.providerArns`}
          value={authorizer.providerArns.map((arn) => textOf(arn))}
          toOperation={(items) => (design) => {
            const current = design.authorizers[id]?.providerArns ?? [];
            return updateAuthorizer(design, id, {
              providerArns: items.map((item) => current.find((arn) => textOf(arn) === item) ?? item),
            });
          }}
        />
      ) : null}
      {kind === 'JWT' && !restJwt ? (
        <>
          <TextField
            label="Issuer URL"
            fieldKey={`${id}.jwtIssuer`}
            value={authorizer.jwtIssuer ?? ''}
            placeholder="https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"
            toOperation={(text) => patch(id, { jwtIssuer: optionalText(text.trim()) })}
          />
          <ListField
            label="Audience"
            fieldKey={`${id}.jwtAudience`}
            value={authorizer.jwtAudience}
            hint="Client ids the token's aud (or client_id) must hold; separate with commas."
            toOperation={(jwtAudience) => patch(id, { jwtAudience })}
          />
        </>
      ) : null}
    </div>
  );
}
