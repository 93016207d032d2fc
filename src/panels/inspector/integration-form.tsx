import { lazy, Suspense } from 'react';
import type { Design, IntegrationId, IntegrationTarget, TextOrIntrinsic } from '../../core/model';
import { readableText, setIntegrationTarget, updateIntegration } from '../../core/model';
import { usePortico } from '../../state/context';
import { ExpressionField, optionalText, SelectField, TextField } from '../fields';
import type { Operation } from '../use-field-commit';
import { UsedBy } from './used-by';

// Loaded with the first AWS service integration's form: not part of the JS before first paint.
const ServiceActionField = lazy(() => import('./service-action').then((module) => ({ default: module.ServiceActionField })));
const CreatedRole = lazy(() => import('./service-action').then((module) => ({ default: module.CreatedRole })));

const kindNames: Record<IntegrationTarget['kind'], string> = {
  LAMBDA: 'Lambda function',
  HTTP: 'HTTP endpoint',
  AWS_SERVICE: 'AWS service',
  MOCK: 'Mock',
  VPC_LINK: 'Private endpoint (VPC link)',
};

const verbOptions = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((value) => ({ value, label: value }));

function patch(id: IntegrationId, value: Record<string, unknown>): Operation {
  return (design: Design) => updateIntegration(design, id, value as Partial<IntegrationTarget>);
}

/** Every field of an integration target, those of its kind only. */
export function IntegrationForm({ id }: { id: IntegrationId }) {
  const target = usePortico((s) => s.design.integrations[id]);
  const apiType = usePortico((s) => s.design.api.type);
  if (!target) return null;
  const text = (
    field: string,
    label: string,
    value: TextOrIntrinsic | undefined,
    options: { hint?: string; placeholder?: string; optional?: boolean } = {},
  ) =>
    typeof value === 'object' ? (
      <ExpressionField
        key={field}
        label={label}
        fieldKey={`${id}.${field}`}
        expression={value}
        toOperation={() => {
          const typed = readableText(value);
          return patch(id, { [field]: options.optional ? optionalText(typed) : typed });
        }}
      />
    ) : (
      <TextField
        key={field}
        label={label}
        fieldKey={`${id}.${field}`}
        value={value ?? ''}
        placeholder={options.placeholder}
        hint={options.hint}
        toOperation={(typed) => patch(id, { [field]: options.optional ? optionalText(typed.trim()) : typed.trim() })}
      />
    );
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">
        {kindNames[target.kind]}: {target.name}
      </h2>
      <UsedBy
        id={id}
        relation="integration"
        none="No method or route uses this target yet: draw an edge to it, or pick it in their inspector."
        some={(count) =>
          `Used by ${count} ${count === 1 ? 'operation' : 'operations'}; per-operation settings (proxy, timeout, mappings) are in their inspector.`
        }
      />
      <TextField
        label="Name"
        fieldKey={`${id}.name`}
        value={target.name}
        hint="A label for people; not sent to AWS."
        toOperation={(name) => patch(id, { name })}
      />
      <TextField
        label="Description"
        fieldKey={`${id}.description`}
        value={target.description ?? ''}
        toOperation={(typed) => patch(id, { description: optionalText(typed) })}
      />
      {target.kind === 'LAMBDA' ? (
        <>
          {text('functionArn', 'Function ARN', target.functionArn, {
            placeholder: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
            hint: `May hold \${stageVariables.name} to pick the function per stage.`,
          })}
          {text('region', 'Invocation region', target.region, {
            optional: true,
            hint:
              apiType === 'REST'
                ? 'Defaults to the region of the function ARN. Response streaming is chosen per method, in its integration settings.'
                : 'Defaults to the region of the function ARN.',
          })}
        </>
      ) : null}
      {target.kind === 'HTTP' ? (
        <>
          {text('url', 'Endpoint URL', target.url, { placeholder: 'https://example.com/{proxy}' })}
          <SelectField
            label="Endpoint HTTP method"
            fieldKey={`${id}.httpMethod`}
            value={target.httpMethod}
            options={verbOptions}
            toOperation={(httpMethod) => patch(id, { httpMethod })}
          />
        </>
      ) : null}
      {target.kind === 'AWS_SERVICE' ? (
        <>
          {text('service', 'Service', target.service, { placeholder: 'sqs, s3, dynamodb, states, sns…' })}
          {text('region', 'Region', target.region, { placeholder: 'us-east-1' })}
          {text('subdomain', 'Subdomain', target.subdomain, {
            optional: true,
            hint: 'For services addressed by host, such as an S3 bucket.',
          })}
          <SelectField
            label="Addressing style"
            fieldKey={`${id}.style`}
            value={target.style}
            options={[
              { value: 'action', label: 'Action (…:action/SendMessage)' },
              { value: 'path', label: 'Path (…:path/account/queue)' },
            ]}
            toOperation={(style) => patch(id, { style })}
          />
          {text('actionOrPath', target.style === 'action' ? 'Action' : 'Path', target.actionOrPath)}
          <SelectField
            label="Service HTTP method"
            fieldKey={`${id}.httpMethod`}
            value={target.httpMethod}
            options={verbOptions}
            toOperation={(httpMethod) => patch(id, { httpMethod })}
          />
          {apiType === 'HTTP'
            ? text('integrationSubtype', 'Integration subtype', target.integrationSubtype, {
                optional: true,
                placeholder: 'SQS-SendMessage',
              })
            : null}
          <Suspense fallback={null}>
            <ServiceActionField id={id} />
          </Suspense>
        </>
      ) : null}
      {target.kind === 'VPC_LINK' ? (
        <>
          {apiType === 'REST' ? <VpcLinkVersionField id={id} integrationTarget={target.integrationTarget} /> : null}
          {text('connectionId', 'VPC link id', target.connectionId, { placeholder: `abc123 or \${stageVariables.vpcLinkId}` })}
          {text('url', apiType === 'HTTP' ? 'Listener or Cloud Map service ARN' : 'Endpoint URL', target.url, {
            hint:
              apiType === 'REST'
                ? 'Sets the Host header of the request to the load balancer; https://name:443/path to use TLS.'
                : undefined,
          })}
          <SelectField
            label="Endpoint HTTP method"
            fieldKey={`${id}.httpMethod`}
            value={target.httpMethod}
            options={verbOptions}
            toOperation={(httpMethod) => patch(id, { httpMethod })}
          />
        </>
      ) : null}
      {target.kind === 'MOCK' ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          A mock answers from the integration response templates of each method; set them in the method's inspector.
        </p>
      ) : null}
      {target.kind !== 'MOCK'
        ? text('credentials', 'Execution role ARN', target.credentials, {
            optional: true,
            hint: 'Role API Gateway assumes to call the backend.',
          })
        : null}
      {target.kind === 'AWS_SERVICE' && target.rolePolicy ? (
        <Suspense fallback={null}>
          <CreatedRole id={id} policy={target.rolePolicy} />
        </Suspense>
      ) : null}
      {target.rawUri !== undefined
        ? text('rawUri', 'Integration URI (as imported)', target.rawUri, {
            optional: true,
            hint: 'Used instead of the fields above; clear it to build the URI from them.',
          })
        : null}
    </div>
  );
}

const vpcLinkVersions = [
  { value: 'V2', label: 'VPC link V2: an Application or Network Load Balancer' },
  { value: 'V1', label: 'VPC link V1 (legacy): a Network Load Balancer' },
];

/**
 * A REST private integration reaches its load balancer through a VPC link V2, naming the load balancer in
 * integrationTarget, or through a legacy V1 link to a Network Load Balancer, which names none.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
 */
function VpcLinkVersionField({ id, integrationTarget }: { id: IntegrationId; integrationTarget: TextOrIntrinsic | undefined }) {
  const v2 = integrationTarget !== undefined;
  const toTarget =
    (value: TextOrIntrinsic | undefined): Operation =>
    (design: Design) =>
      setIntegrationTarget(design, id, value);
  return (
    <>
      <SelectField
        label="VPC link version"
        fieldKey={`${id}.vpcLinkVersion`}
        value={v2 ? 'V2' : 'V1'}
        options={vpcLinkVersions}
        hint={v2 ? undefined : 'AWS recommends VPC links V2 for new private integrations.'}
        toOperation={(version) => toTarget(version === 'V2' ? (integrationTarget ?? '') : undefined)}
      />
      {typeof integrationTarget === 'object' ? (
        <ExpressionField
          label="Load balancer ARN"
          fieldKey={`${id}.integrationTarget`}
          expression={integrationTarget}
          toOperation={() => toTarget(readableText(integrationTarget))}
        />
      ) : v2 ? (
        <TextField
          label="Load balancer ARN"
          fieldKey={`${id}.integrationTarget`}
          value={integrationTarget ?? ''}
          placeholder="arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188"
          hint="The ALB or NLB the VPC link V2 sends requests to (integrationTarget); API Gateway requires it."
          toOperation={(typed) => toTarget(typed)}
        />
      ) : null}
    </>
  );
}
