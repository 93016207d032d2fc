import { describe, expect, it } from 'vitest';
import {
  addIntegration,
  addMethod,
  addResource,
  addRoute,
  applyOperation,
  checkDesign,
  connectIntegration,
  type Design,
  emptyDesign,
  parseDesign,
  updateBinding,
  updateMethod,
} from '../model';
import { build, ids, refusalOf } from '../model/testing/design-builder';
import { lintDesign } from '../rules';
import { applyScaffold, previewScaffold } from '.';

const queue = 'arn:aws:sqs:us-east-1:123456789012:orders';

const events = (): Design =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { id: ids.res('events'), parentId: ids.root, pathPart: 'events' }),
    (d) => addMethod(d, { id: ids.mth('send'), resourceId: ids.res('events'), httpMethod: 'POST' }),
  );

const errorsOf = (design: Design) => lintDesign(design).filter((finding) => finding.severity === 'error');

describe('applyScaffold', () => {
  it('adds the service target and sets the method’s binding and responses in one operation, leaving the design valid', () => {
    const before = events();
    const result = applyOperation(before, (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue }));
    if (!result.ok) throw new Error(result.error.message);
    const design = result.design;
    expect(Object.keys(before.integrations)).toEqual([]);
    const method = design.methods[ids.mth('send')];
    const target = design.integrations[method?.integration?.integrationId as keyof Design['integrations']];
    expect(target).toMatchObject({
      kind: 'AWS_SERVICE',
      name: 'SQS SendMessage: orders',
      service: 'sqs',
      style: 'path',
      actionOrPath: '123456789012/orders',
      rolePolicy: { statements: [{ actions: ['sqs:SendMessage'], resources: [queue] }] },
    });
    expect(target?.credentials).toBeUndefined();
    expect(method?.integration).toMatchObject({
      proxy: false,
      passthroughBehavior: 'NEVER',
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
    });
    expect(method?.responses.map((response) => response.statusCode)).toEqual(['200', '400', '500']);
    expect(design.layout[target?.id as keyof Design['layout']]).toBeDefined();
    expect(checkDesign(design)).toEqual([]);
    expect(errorsOf(design)).toEqual([]);
    const reread = parseDesign(JSON.stringify(design));
    expect(reread.ok && reread.design.integrations[target?.id as keyof Design['integrations']]).toEqual(target);
  });

  it('sets up the AWS service target a person dropped from the palette in place, dropping its placeholder role', () => {
    const dropped = build(
      events(),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('service') }),
      (d) => connectIntegration(d, ids.mth('send'), ids.int('service')),
      (d) => updateBinding(d, ids.mth('send'), { timeoutInMillis: 5000 }),
    );
    expect(dropped.integrations[ids.int('service')]?.credentials).toBe('arn:aws:iam::123456789012:role/apigateway-sqs');
    const design = build(dropped, (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue }));
    expect(Object.keys(design.integrations)).toEqual([ids.int('service')]);
    const target = design.integrations[ids.int('service')];
    expect(target?.credentials).toBeUndefined();
    expect(target?.name).toBe('SQS SendMessage: orders');
    expect(design.methods[ids.mth('send')]?.integration).toMatchObject({ integrationId: ids.int('service'), timeoutInMillis: 5000 });
  });

  it('connects the method to the target chosen in its form, and keeps an existing role’s ARN when given', () => {
    const design = build(
      events(),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('service') }),
      (d) =>
        applyScaffold(
          d,
          ids.mth('send'),
          'sqs-send-message',
          { queue, roleArn: 'arn:aws:iam::123456789012:role/mine' },
          { integrationId: ids.int('service') },
        ),
    );
    expect(design.methods[ids.mth('send')]?.integration?.integrationId).toBe(ids.int('service'));
    expect(design.integrations[ids.int('service')]?.credentials).toBe('arn:aws:iam::123456789012:role/mine');
    // The person's own role: the CDK program references it and creates none.
    expect(design.integrations[ids.int('service')]).not.toHaveProperty('rolePolicy');
  });

  it('shares one target between methods that send to the same queue, and leaves another method’s Lambda target alone', () => {
    const design = build(
      events(),
      (d) => addMethod(d, { id: ids.mth('put'), resourceId: ids.res('events'), httpMethod: 'PUT' }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
      (d) => connectIntegration(d, ids.mth('put'), ids.int('fn')),
      (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue }),
      (d) => applyScaffold(d, ids.mth('put'), 'sqs-send-message', { queue }),
    );
    const services = Object.values(design.integrations).filter((target) => target.kind === 'AWS_SERVICE');
    expect(services).toHaveLength(1);
    expect(design.methods[ids.mth('put')]?.integration?.integrationId).toBe(services[0]?.id);
    expect(design.integrations[ids.int('fn')]).toBeDefined();
  });

  it('keeps the method’s own responses and parameters, adding what the mappings name', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addResource(d, { id: ids.res('files'), parentId: ids.root, pathPart: 'files' }),
      (d) => addResource(d, { id: ids.res('key'), parentId: ids.res('files'), pathPart: '{key+}' }),
      (d) => addMethod(d, { id: ids.mth('get'), resourceId: ids.res('key'), httpMethod: 'GET' }),
      (d) =>
        updateMethod(d, ids.mth('get'), {
          responses: [{ statusCode: '200', description: 'The file', headers: {}, content: {} }],
        }),
      (d) => applyScaffold(d, ids.mth('get'), 's3-get-object', { bucket: 'my-uploads', keyParameter: 'key' }),
      (d) => addMethod(d, { id: ids.mth('put'), resourceId: ids.res('key'), httpMethod: 'PUT' }),
      (d) => applyScaffold(d, ids.mth('put'), 's3-put-object', { bucket: 'my-uploads', keyParameter: 'key' }),
    );
    const get = design.methods[ids.mth('get')];
    expect(get?.responses[0]).toEqual({
      statusCode: '200',
      description: 'The file',
      headers: { 'Content-Type': { schema: { type: 'string' } } },
      content: {},
    });
    expect(get?.responses.map((response) => response.statusCode)).toEqual(['200', '404', '400', '500']);
    expect(design.methods[ids.mth('put')]?.parameters).toEqual([
      { in: 'header', name: 'Content-Type', required: false, schema: { type: 'string' } },
    ]);
    expect(errorsOf(design)).toEqual([]);
  });

  it('sets an HTTP API route up with the first-class integration', () => {
    const design = build(
      emptyDesign('HTTP'),
      (d) => addRoute(d, { id: ids.rte('send'), routeKey: 'POST /events' }),
      (d) => applyScaffold(d, ids.rte('send'), 'sqs-send-message', { queue }),
    );
    const route = design.routes[ids.rte('send')];
    expect(route?.integration).toMatchObject({ proxy: true, payloadFormatVersion: '1.0' });
    expect(design.integrations[route?.integration?.integrationId as keyof Design['integrations']]).toMatchObject({
      integrationSubtype: 'SQS-SendMessage',
    });
    expect(errorsOf(design)).toEqual([]);
  });

  it('refuses what API Gateway or the scaffold cannot do, leaving the design as it was', () => {
    const http = build(emptyDesign('HTTP'), (d) => addRoute(d, { id: ids.rte('send'), routeKey: 'POST /events' }));
    expect(
      refusalOf(http, (d) => applyScaffold(d, ids.rte('send'), 'sns-publish', { topicArn: 'arn:aws:sns:us-east-1:123456789012:a' })),
    ).toMatchObject({
      code: 'wrong-api-type',
      message: expect.stringContaining('HTTP APIs cannot call SNS Publish'),
    });
    const socket = build(emptyDesign('WEBSOCKET'), (d) => addRoute(d, { id: ids.rte('send'), routeKey: 'send' }));
    expect(refusalOf(socket, (d) => applyScaffold(d, ids.rte('send'), 'sqs-send-message', { queue })).code).toBe('wrong-api-type');
    expect(refusalOf(events(), (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue: 'orders' }))).toMatchObject({
      code: 'invalid-value',
      message: expect.stringContaining('is not an ARN'),
    });
    expect(refusalOf(events(), (d) => applyScaffold(d, ids.mth('send'), 'sqs-receive-message', {})).code).toBe('not-found');
    const lambda = build(events(), (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Orders function' }));
    expect(
      refusalOf(lambda, (d) => applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue }, { integrationId: ids.int('fn') })),
    ).toMatchObject({ code: 'not-allowed', message: expect.stringContaining('Orders function is not an AWS service integration') });
  });

  it('previews the setup (the policy to show) without throwing, and says why when it cannot', () => {
    const preview = previewScaffold(events(), ids.mth('send'), 'sqs-send-message', { queue });
    expect(preview.ok && preview.setup.rolePolicy).toEqual({ statements: [{ actions: ['sqs:SendMessage'], resources: [queue] }] });
    expect(previewScaffold(events(), ids.mth('send'), 'sqs-send-message', { queue: '' })).toMatchObject({ ok: false, field: 'queue' });
    expect(previewScaffold(events(), ids.mth('nothing'), 'sqs-send-message', { queue })).toMatchObject({ ok: false });
  });
});
