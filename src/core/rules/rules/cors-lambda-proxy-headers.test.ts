import { describe, expect, it } from 'vitest';
import { addIntegration, type CorsConfiguration, connectIntegration, updateApi, updateBinding } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { corsLambdaProxyHeaders as rule } from './cors-lambda-proxy-headers';

const cors: CorsConfiguration = {
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials: false,
};

describe('cors-lambda-proxy-headers', () => {
  it('names each Lambda proxy function of a REST API with CORS once, with the methods it answers', () => {
    const design = build(restPetStore(), (d) => updateApi(d, { cors }));
    expect(lintWith(rule, design)).toEqual([
      expect.objectContaining({
        severity: 'info',
        target: { kind: 'integration', id: ids.int('fn') },
        message: expect.stringMatching(
          /answers GET \/pets, POST \/pets and GET \/pets\/\{petId\} through a Lambda proxy integration: .* Access-Control-Allow-Origin/,
        ),
      }),
    ]);
  });

  it('is quiet without CORS, for custom Lambda integrations and other backends, and on HTTP APIs', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    const custom = build(
      restPetStore(),
      (d) => updateApi(d, { cors }),
      (d) => updateBinding(d, ids.mth('list'), { proxy: false }),
      (d) => updateBinding(d, ids.mth('create'), { proxy: false }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('mock')),
    );
    expect(lintWith(rule, custom)).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateApi(d, { cors: { ...cors, allowOrigins: [] } })),
      ),
    ).toEqual([]);
  });
});
