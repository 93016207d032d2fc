import { describe, expect, it } from 'vitest';
import type { CodeRequest, RenderedCode } from './render-code';
import { type RenderState, requestKey, stateFor } from './render-state';

const openApi: CodeRequest = { target: 'openapi3', format: 'yaml', profile: 'aws' };
const cdk: CodeRequest = { target: 'cdk', format: 'yaml', profile: 'aws' };
const yamlText: RenderedCode = {
  ok: true,
  text: 'openapi: "3.0.1"\n',
  language: 'yaml',
  fileName: 'pet-store-openapi3.yaml',
  mimeType: 'application/yaml',
  notes: [],
};

describe('the code view state for a request', () => {
  it('names each tab, format, stage and profile apart', () => {
    const keys = new Set(
      [
        openApi,
        cdk,
        { ...openApi, format: 'json' as const },
        { ...openApi, stageName: 'prod' },
        { ...openApi, profile: 'public' as const },
        { ...openApi, target: 'swagger2' as const },
      ].map(requestKey),
    );
    expect(keys.size).toBe(6);
    expect(requestKey({ ...openApi })).toBe(requestKey(openApi));
  });

  it('is not done for a new tab until the text of that tab is written, so Download cannot save the other tab’s file', () => {
    const done: RenderState = { status: 'done', result: yamlText, version: 3, request: requestKey(openApi) };
    expect(stateFor(done, openApi)).toBe(done);
    // The CDK tab was just chosen: the OpenAPI text may still be on show, but as the previous text of an update.
    expect(stateFor(done, cdk)).toEqual({ status: 'rendering', previous: yamlText, version: 3, request: requestKey(cdk) });
    expect(stateFor(done, { ...openApi, stageName: 'prod' }).status).toBe('rendering');
    const rendering: RenderState = { status: 'rendering', previous: yamlText, version: 3, request: requestKey(cdk) };
    expect(stateFor(rendering, cdk)).toBe(rendering);
  });
});
