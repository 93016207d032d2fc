import { describe, expect, it } from 'vitest';
import { parseSampleRequest } from './sample-request';

describe('parseSampleRequest', () => {
  it('reads the REQUEST_JSON shape, from an object or its text, filling what is left out', () => {
    const text = JSON.stringify({
      httpMethod: 'POST',
      resourcePath: '/pets/{id}',
      path: '/pets/7',
      headers: { 'Content-Type': 'application/json' },
      queryStringParameters: { page: 2, all: true },
      pathParameters: { id: '7' },
      stageVariables: { env: 'prod' },
      body: '{"name": "Rex"}',
      context: { stage: 'prod', identity: { sourceIp: '192.0.2.1' } },
    });
    const parsed = parseSampleRequest(text);
    expect(parsed).toMatchObject({
      ok: true,
      request: { httpMethod: 'POST', queryStringParameters: { page: '2', all: 'true' }, body: '{"name": "Rex"}' },
    });
    expect(parseSampleRequest({})).toEqual({
      ok: true,
      request: {
        httpMethod: '',
        resourcePath: '',
        path: '',
        headers: {},
        queryStringParameters: {},
        pathParameters: {},
        stageVariables: {},
        body: null,
        context: {},
      },
    });
    expect(parseSampleRequest({ queryStringParameters: null })).toMatchObject({ ok: true, request: { queryStringParameters: {} } });
  });

  it.each([
    ['not json', 'is not JSON'],
    [[], 'must be a JSON object'],
    [{ query: {} }, '"query", which it does not know'],
    [{ httpMethod: 3 }, 'httpMethod must be a string'],
    [{ headers: [] }, 'headers must be an object'],
    [{ headers: { a: { b: 1 } } }, 'headers.a must be a string'],
    [{ body: { name: 'Rex' } }, 'body must be a string'],
    [{ context: 'prod' }, 'context must be an object'],
    [{ context: { requestOverride: {} } }, 'context.requestOverride is what a template sets'],
  ])('refuses %j: %s', (input, reason) => {
    const parsed = parseSampleRequest(typeof input === 'string' ? input : input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain(reason);
  });

  it('refuses a body over the payload limit and a context nested too deeply', () => {
    expect(parseSampleRequest({ body: 'x'.repeat(11) }, 10)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('payload limit') },
    });
    let deep: Record<string, unknown> = {};
    const context = deep;
    for (let level = 0; level < 40; level += 1) {
      deep.next = {};
      deep = deep.next as Record<string, unknown>;
    }
    expect(parseSampleRequest({ context })).toMatchObject({ ok: false, error: { message: expect.stringContaining('deeper') } });
  });

  it('keeps a header named __proto__ as data', () => {
    const parsed = parseSampleRequest('{"headers": {"__proto__": "x"}}');
    expect(parsed.ok && Object.keys(parsed.request.headers)).toEqual(['__proto__']);
  });
});
