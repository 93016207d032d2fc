import { describe, expect, it } from 'vitest';
import { handleTemplateMessage } from './render-request';

describe('handleTemplateMessage', () => {
  it('renders a message and answers with plain data a worker can post back', () => {
    const answer = handleTemplateMessage({
      type: 'render',
      id: 7,
      template: "#set($context.responseOverride.status = 201)$input.json('$.name')",
      request: { body: '{"name": "Rex"}' },
      phase: 'response',
    });
    expect(answer).toMatchObject({ type: 'render', id: 7, ok: true, output: '"Rex"', overrides: { responseOverride: { status: 201 } } });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('takes the request as JSON text too, and a request template', () => {
    const answer = handleTemplateMessage({
      type: 'render',
      template: '$context.requestOverride.header.a',
      request: '{"headers": {"a": "1"}}',
      requestTemplate: "#set($context.requestOverride.header.a = $input.params('a'))",
    });
    expect(answer).toMatchObject({ ok: true, output: '1', overrides: { requestOverride: { header: { a: '1' } } } });
  });

  it('answers a template error with its line, never throwing', () => {
    const answer = handleTemplateMessage({ type: 'render', template: 'a\n#if(', request: {} });
    expect(answer).toMatchObject({ type: 'render', ok: false, error: { kind: 'syntax', line: 2 } });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('checks a template without rendering it', () => {
    expect(handleTemplateMessage({ type: 'check', template: '#if($a)#end', id: 'x' })).toEqual({ type: 'check', ok: true, id: 'x' });
    expect(handleTemplateMessage({ type: 'check', template: '#if($a)' })).toMatchObject({ type: 'check', ok: false, error: { line: 1 } });
  });

  it.each([
    [null, 'the message must be'],
    [{ type: 'run' }, 'the message must be'],
    [{ type: 'render', template: 1, request: {} }, 'template must be a string'],
    [{ type: 'render', template: '', request: {}, phase: 'later' }, 'phase must be'],
    [{ type: 'render', template: '', request: {}, requestTemplate: 5 }, 'requestTemplate must be a string'],
    [{ type: 'render', template: '', request: { body: 5 } }, 'body must be a string'],
  ])('refuses %j with a reason', (message, reason) => {
    const answer = handleTemplateMessage(message);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toContain(reason);
  });

  it('applies limits from the message', () => {
    const answer = handleTemplateMessage({
      type: 'render',
      template: '#foreach($i in [1..5])$i#end',
      request: {},
      limits: { maxForeachIterations: 2 },
    });
    expect(answer).toMatchObject({
      ok: true,
      output: '12',
      warnings: [expect.objectContaining({ message: expect.stringContaining('after 2 of 5') })],
    });
  });
});

describe('handleTemplateMessage on hostile messages', () => {
  it('answers a message whose fields throw when read', () => {
    const message = {
      type: 'render',
      template: '$a',
      get request(): unknown {
        throw new Error('boom');
      },
    };
    expect(handleTemplateMessage(message)).toMatchObject({
      ok: false,
      error: { kind: 'message', message: expect.stringContaining('boom') },
    });
  });
});
