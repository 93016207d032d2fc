import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign } from './design';
import { updateIntegration } from './operations/integrations';
import { addMethod } from './operations/methods';
import { connectIntegration, updateBinding } from './operations/wiring';
import { parseDesign } from './parse-design';
import { liftLambdaStreaming, responseTransferModeOf } from './streaming';
import { build, ids, restPetStore } from './testing/design-builder';

/** A design as Portico saved it before streaming was per method: the flag on the Lambda target. */
function savedWithStreamingTarget(): Design {
  return build(
    restPetStore(),
    (d) => updateIntegration(d, ids.int('fn'), { streaming: true }),
    (d) => updateBinding(d, ids.mth('get'), { responseTransferMode: 'BUFFERED' }),
  );
}

describe('responseTransferModeOf', () => {
  it('is the binding’s own mode, BUFFERED by default, and STREAM for an older design’s streaming Lambda target', () => {
    const design = savedWithStreamingTarget();
    const target = design.integrations[ids.int('fn')];
    const mode = (name: string) => {
      const binding = design.methods[ids.mth(name)]?.integration;
      if (!binding) throw new Error(name);
      return responseTransferModeOf(binding, target);
    };
    expect(mode('list')).toBe('STREAM');
    expect(mode('get')).toBe('BUFFERED');
    const plain = restPetStore();
    const binding = plain.methods[ids.mth('list')]?.integration;
    expect(binding && responseTransferModeOf(binding, plain.integrations[ids.int('fn')])).toBe('BUFFERED');
  });
});

describe('liftLambdaStreaming', () => {
  it('moves the target’s flag onto the methods without a mode of their own, and keeps a method’s own choice', () => {
    const lifted = liftLambdaStreaming(savedWithStreamingTarget());
    expect(lifted.integrations[ids.int('fn')]).not.toHaveProperty('streaming');
    expect(lifted.methods[ids.mth('list')]?.integration?.responseTransferMode).toBe('STREAM');
    expect(lifted.methods[ids.mth('create')]?.integration?.responseTransferMode).toBe('STREAM');
    expect(lifted.methods[ids.mth('get')]?.integration?.responseTransferMode).toBe('BUFFERED');
  });

  it('drops a false flag without touching the methods, and returns a design without flags unchanged', () => {
    const design = build(restPetStore(), (d) => updateIntegration(d, ids.int('fn'), { streaming: false }));
    const lifted = liftLambdaStreaming(design);
    expect(lifted.integrations[ids.int('fn')]).not.toHaveProperty('streaming');
    expect(lifted.methods[ids.mth('list')]).toBe(design.methods[ids.mth('list')]);
    const plain = restPetStore();
    expect(liftLambdaStreaming(plain)).toBe(plain);
  });

  it('runs when a saved design opens: the file’s streaming Lambda opens with its methods streaming', () => {
    const saved = JSON.parse(
      JSON.stringify(
        build(
          emptyDesign('REST'),
          (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'POST', id: ids.mth('ask') }),
          (d) => ({
            ...d,
            integrations: {
              [ids.int('fn')]: {
                id: ids.int('fn'),
                kind: 'LAMBDA',
                name: 'Ask',
                functionArn: 'arn:aws:lambda:us-east-1:1:function:ask',
                streaming: true,
              },
            },
          }),
          (d) => connectIntegration(d, ids.mth('ask'), ids.int('fn')),
        ),
      ),
    );
    const opened = parseDesign(saved);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.design.methods[ids.mth('ask')]?.integration?.responseTransferMode).toBe('STREAM');
    expect(opened.design.integrations[ids.int('fn')]).not.toHaveProperty('streaming');
  });

  it('refuses a saved design whose transfer mode is not one API Gateway knows', () => {
    const saved = JSON.parse(JSON.stringify(restPetStore()));
    saved.methods[ids.mth('list')].integration.responseTransferMode = 'CHUNKED';
    const opened = parseDesign(saved);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toContain('responseTransferMode should be one of BUFFERED, STREAM');
  });
});
