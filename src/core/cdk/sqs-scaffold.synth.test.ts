import { beforeAll, describe, expect, it } from 'vitest';
import { addMethod, addResource, addRoute, type Design, emptyDesign, type IntegrationTarget } from '../model';
import { build, ids } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi/export-openapi';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from '../openapi/testing/official-schemas';
import { redoclyErrors } from '../openapi/testing/redocly-spec-rules';
import { applyScaffold, scaffoldCatalogue } from '../scaffolds';
import { type CdkResult, generateCdk } from '.';
import { conformanceProblems } from './testing/conformance';
import { type CfnTemplate, checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourceCount, resourcesOf, restMethods, routes } from './testing/template';

/**
 * Issue 13's acceptance for service integration scaffolds: a REST design whose POST /events was set up by
 * applyScaffold(SQS SendMessage) exports OpenAPI 3.0 that the official schemas accept, and a CDK program
 * that synthesizes with the role it creates: an AWS::IAM::Role API Gateway assumes, an AWS::IAM::Policy
 * allowing sqs:SendMessage on that queue and nothing else, and the method's integration using the role.
 * In the same batch: the same on an HTTP API (SQS-SendMessage), and every scaffold on one REST API.
 */

const queueArn = 'arn:aws:sqs:eu-west-1:123456789012:orders';

const sqsOnRest = (): Design =>
  build(
    emptyDesign('REST', 'Orders'),
    (d) => addResource(d, { id: ids.res('events'), parentId: ids.root, pathPart: 'events' }),
    (d) => addMethod(d, { id: ids.mth('send'), resourceId: ids.res('events'), httpMethod: 'POST' }),
    (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue: queueArn }),
  );

const sqsOnHttp = (): Design =>
  build(
    emptyDesign('HTTP', 'Orders'),
    (d) => addRoute(d, { id: ids.rte('send'), routeKey: 'POST /events' }),
    (d) => applyScaffold(d, ids.rte('send'), 'sqs-send-message', { queue: queueArn }),
  );

/** Every scaffold on its own method of one REST API (each on a path with an {id}, which the key-reading ones need). */
const allValues: Record<string, Record<string, string>> = {
  'sqs-send-message': { queue: queueArn },
  'sns-publish': { topicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts' },
  'dynamodb-put-item': { tableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', keyParameter: 'id' },
  'dynamodb-get-item': { tableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', keyParameter: 'id' },
  'dynamodb-query': { tableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', keyParameter: 'id' },
  'dynamodb-update-item': { tableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', keyParameter: 'id' },
  'dynamodb-delete-item': { tableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders', keyParameter: 'id' },
  'kinesis-put-record': { streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks', keyParameter: 'id' },
  'eventbridge-put-events': {
    eventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/default',
    source: 'com.example.orders',
    detailType: 'OrderPlaced',
  },
  'step-functions-start-execution': { stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Checkout' },
  'step-functions-start-sync-execution': { stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Quote' },
  's3-get-object': { bucket: 'my-uploads', region: 'eu-west-1', keyParameter: 'id' },
  's3-put-object': { bucket: 'my-uploads', region: 'eu-west-1', prefix: 'in/', keyParameter: 'id' },
};

const everyScaffold = (): Design =>
  build(
    emptyDesign('REST', 'Everything'),
    ...scaffoldCatalogue.flatMap((entry) => [
      (d: Design) => addResource(d, { id: ids.res(entry.id), parentId: ids.root, pathPart: entry.id }),
      (d: Design) => addResource(d, { id: ids.res(`${entry.id}-id`), parentId: ids.res(entry.id), pathPart: '{id}' }),
      (d: Design) => addMethod(d, { id: ids.mth(entry.id), resourceId: ids.res(`${entry.id}-id`), httpMethod: 'POST' }),
      (d: Design) => applyScaffold(d, ids.mth(entry.id), entry.id, allValues[entry.id] ?? {}),
    ]),
  );

const cases = new Map<string, { design: Design; result: CdkResult }>();
let outcomes: Map<string, SynthOutcome>;

beforeAll(() => {
  for (const [name, design] of [
    ['sqs-rest', sqsOnRest()],
    ['sqs-http', sqsOnHttp()],
    ['every-scaffold', everyScaffold()],
  ] as const)
    cases.set(name, { design, result: generateCdk(design) });
  outcomes = checkPrograms(
    'sqs-scaffold',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

function template(name: string): CfnTemplate | undefined {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  return outcome?.bare;
}

/** The logical id a `{"Fn::GetAtt": [id, "Arn"]}` or `{"Ref": id}` names. */
function logicalId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('Ref' in value) return String((value as { Ref: unknown }).Ref);
  if ('Fn::GetAtt' in value) return String(((value as { 'Fn::GetAtt': unknown[] })['Fn::GetAtt'] ?? [])[0]);
  return undefined;
}

describe('the SQS SendMessage scaffold, from applyScaffold to export', () => {
  it('exports OpenAPI 3.0 (and Swagger 2.0) that the official schemas and Redocly accept, with the mapping and a stand-in role', async () => {
    const design = sqsOnRest();
    for (const version of ['3.0', '2.0'] as const) {
      const exported = exportOpenApi(design, { version });
      if (!exported.ok) throw new Error(exported.message);
      const deployed = asDeployed(exported.document);
      expect(officialSchemaErrors(deployed), version).toEqual([]);
      expect(unresolvedReferences(deployed), version).toEqual([]);
      expect(await redoclyErrors(deployed), version).toEqual([]);
    }
    const exported = exportOpenApi(design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const paths = exported.document.paths as Record<string, Record<string, Record<string, unknown>>>;
    const integration = paths['/events']?.post?.['x-amazon-apigateway-integration'];
    expect(integration).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders',
      credentials: 'arn:aws:iam::123456789012:role/apigateway-sqs-sendmessage-orders',
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      passthroughBehavior: 'never',
      responses: { default: { statusCode: '200' }, '4\\d{2}': { statusCode: '400' }, '5\\d{2}': { statusCode: '500' } },
    });
    expect(Object.keys(paths['/events']?.post?.responses ?? {})).toEqual(['200', '400', '500']);
    expect(exported.notes.join('\n')).toContain('the CDK export creates its role');
    expect(exported.notes.join('\n')).toContain(`sqs:SendMessage on ${queueArn}`);
  });

  it('writes the ARN of an existing role instead when one is given, and no note', () => {
    const design = build(sqsOnRest(), (d) =>
      applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue: queueArn, roleArn: 'arn:aws:iam::123456789012:role/mine' }),
    );
    const exported = exportOpenApi(design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const paths = exported.document.paths as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(paths['/events']?.post?.['x-amazon-apigateway-integration']?.credentials).toBe('arn:aws:iam::123456789012:role/mine');
    expect(exported.notes.join('\n')).not.toContain('creates its role');
  });

  it('generates a CDK program that type-checks and synthesizes, bare and with the recommended flags, the design’s methods exactly', () => {
    const { design, result } = cases.get('sqs-rest') as { design: Design; result: CdkResult };
    expect(problemsOf(outcomes.get('sqs-rest'))).toEqual([]);
    expect(conformanceProblems(design, outcomes.get('sqs-rest')?.bare)).toEqual([]);
    expect(resourceCount(template('sqs-rest'))).toBe(result.estimatedResources);
    expect(result.notes).toEqual([]);
  });

  it('creates a role API Gateway assumes, whose one policy allows sqs:SendMessage on that queue only, and the method uses it', () => {
    const synthesized = template('sqs-rest');
    const roles = resourcesOf(synthesized, 'AWS::IAM::Role');
    expect(roles).toHaveLength(1);
    const role = roles[0] as { id: string; properties: Properties };
    expect(role.properties.AssumeRolePolicyDocument).toEqual({
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' } }],
      Version: '2012-10-17',
    });
    expect(role.properties.Policies).toBeUndefined();
    expect(role.properties.ManagedPolicyArns).toBeUndefined();

    const policies = resourcesOf(synthesized, 'AWS::IAM::Policy');
    expect(policies).toHaveLength(1);
    const policy = policies[0]?.properties as Properties;
    expect(policy.PolicyDocument).toEqual({
      Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn }],
      Version: '2012-10-17',
    });
    expect((policy.Roles as unknown[]).map(logicalId)).toEqual([role.id]);

    const method = restMethods(synthesized).get('POST /events') as Properties;
    const integration = method.Integration as Properties;
    expect(integration).toMatchObject({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      PassthroughBehavior: 'NEVER',
      RequestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      RequestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
    });
    expect(logicalId(integration.Credentials)).toBe(role.id);
    expect(JSON.stringify(integration.Uri)).toContain(':sqs:path/123456789012/orders');
    expect((integration.IntegrationResponses as Properties[]).map((response) => [response.SelectionPattern, response.StatusCode])).toEqual([
      [undefined, '200'],
      ['4\\d{2}', '400'],
      ['5\\d{2}', '500'],
    ]);
    expect((method.MethodResponses as Properties[]).map((response) => response.StatusCode)).toEqual(['200', '400', '500']);
  });

  it('on an HTTP API, the first-class SQS-SendMessage integration with the created role as its credentials', () => {
    const { design } = cases.get('sqs-http') as { design: Design };
    const synthesized = template('sqs-http');
    expect(conformanceProblems(design, synthesized)).toEqual([]);
    const role = resourcesOf(synthesized, 'AWS::IAM::Role')[0];
    const policy = resourcesOf(synthesized, 'AWS::IAM::Policy')[0]?.properties as Properties;
    expect(policy.PolicyDocument).toEqual({
      Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn }],
      Version: '2012-10-17',
    });
    const integrations = resourcesOf(synthesized, 'AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(1);
    const integration = integrations[0]?.properties as Properties;
    expect(integration).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'SQS-SendMessage',
      PayloadFormatVersion: '1.0',
      RequestParameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders', MessageBody: '$request.body' },
    });
    expect(logicalId(integration.CredentialsArn)).toBe(role?.id);
    expect(routes(synthesized).has('POST /events')).toBe(true);
  });

  it('every scaffold on one REST API synthesizes, each method with its own role allowing its one action on its one resource', () => {
    const { design, result } = cases.get('every-scaffold') as { design: Design; result: CdkResult };
    const synthesized = template('every-scaffold');
    expect(conformanceProblems(design, synthesized)).toEqual([]);
    expect(resourceCount(synthesized)).toBe(result.estimatedResources);
    const roles = resourcesOf(synthesized, 'AWS::IAM::Role');
    const policies = resourcesOf(synthesized, 'AWS::IAM::Policy');
    const targets = Object.values(design.integrations) as IntegrationTarget[];
    expect(roles).toHaveLength(targets.length);
    expect(policies).toHaveLength(targets.length);
    const methods = restMethods(synthesized);
    for (const entry of scaffoldCatalogue) {
      const method = methods.get(`POST /${entry.id}/{id}`) as Properties;
      const roleId = logicalId((method.Integration as Properties).Credentials);
      const policy = policies.find((candidate) => (candidate.properties.Roles as unknown[]).map(logicalId).includes(roleId));
      const target = targets.find(
        (candidate) => candidate.kind === 'AWS_SERVICE' && candidate.id === design.methods[ids.mth(entry.id)]?.integration?.integrationId,
      );
      const statement = target?.kind === 'AWS_SERVICE' ? target.rolePolicy?.statements[0] : undefined;
      expect((policy?.properties.PolicyDocument as Properties | undefined)?.Statement, entry.id).toEqual([
        { Action: statement?.actions[0], Effect: 'Allow', Resource: statement?.resources[0] },
      ]);
    }
  });
});
