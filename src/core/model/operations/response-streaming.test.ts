import { describe, expect, it } from 'vitest';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { addIntegration } from './integrations';
import { addMethod } from './methods';
import { setResponseTransferMode } from './response-streaming';
import { connectIntegration, disconnectIntegration, updateBinding } from './wiring';

describe('setResponseTransferMode', () => {
  it('streams one REST Lambda proxy method and leaves the others sharing the function buffered', () => {
    const design = build(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'));
    expect(design.methods[ids.mth('list')]?.integration?.responseTransferMode).toBe('STREAM');
    expect(design.methods[ids.mth('get')]?.integration).not.toHaveProperty('responseTransferMode');
    const cleared = build(design, (d) => setResponseTransferMode(d, ids.mth('list'), undefined));
    expect(cleared.methods[ids.mth('list')]?.integration).not.toHaveProperty('responseTransferMode');
    expect(setResponseTransferMode(design, ids.mth('list'), 'STREAM')).toBe(design);
  });

  it('streams an HTTP proxy and a private (VPC link) HTTP proxy integration', () => {
    const design = build(
      restPetStore(),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web') }),
      (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('alb') }),
      (d) => connectIntegration(d, ids.mth('list'), ids.int('web')),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('alb')),
      (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
      (d) => setResponseTransferMode(d, ids.mth('get'), 'STREAM'),
    );
    expect(design.methods[ids.mth('get')]?.integration?.responseTransferMode).toBe('STREAM');
  });

  it('refuses HTTP and WebSocket APIs, which do not stream', () => {
    expect(refusalOf(httpPets(), (d) => setResponseTransferMode(d, ids.rte('list'), 'STREAM'))).toMatchObject({
      code: 'wrong-api-type',
      message: 'Response streaming exists only on REST APIs; HTTP APIs always buffer the response.',
    });
    expect(refusalOf(webSocketChat(), (d) => setResponseTransferMode(d, ids.rte('send'), 'BUFFERED')).message).toContain('WebSocket APIs');
  });

  it('refuses custom (non-proxy) integrations and mocks, and a method without integration', () => {
    const custom = build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { proxy: false }));
    expect(refusalOf(custom, (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'))).toMatchObject({
      code: 'not-allowed',
      message: 'Only proxy integrations (Lambda proxy, HTTP proxy, private HTTP proxy) can stream: turn on "Proxy integration" first.',
    });
    // BUFFERED is what a custom integration does anyway.
    expect(
      build(custom, (d) => setResponseTransferMode(d, ids.mth('list'), 'BUFFERED')).methods[ids.mth('list')]?.integration
        ?.responseTransferMode,
    ).toBe('BUFFERED');
    const mock = build(
      restPetStore(),
      (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('hello') }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
      (d) => connectIntegration(d, ids.mth('hello'), ids.int('mock')),
    );
    expect(refusalOf(mock, (d) => setResponseTransferMode(d, ids.mth('hello'), 'STREAM')).message).toContain(
      'A mock integration cannot stream',
    );
    const none = build(restPetStore(), (d) => disconnectIntegration(d, ids.mth('list')));
    expect(refusalOf(none, (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM')).code).toBe('not-found');
    expect(refusalOf(restPetStore(), (d) => setResponseTransferMode(d, ids.mth('gone'), 'STREAM')).message).toBe(
      'There is no method with id "mth_gone".',
    );
  });
});
