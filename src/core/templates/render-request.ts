import type { TemplateLimits } from './limits';
import { checkMappingTemplate, type RenderTemplateResult, renderMappingTemplate, type TemplatePhase } from './render-template';
import { parseSampleRequest, type SampleRequestError } from './sample-request';
import type { TemplateError } from './template-errors';

/**
 * The template engine behind a message boundary: a plain, structured-cloneable message in, a plain result
 * out, never an exception. A Web Worker is then a few lines:
 *
 *   self.onmessage = (event) => self.postMessage(handleTemplateMessage(event.data));
 *
 * (and the page terminates the worker if no answer comes within a second or two: one step of a template,
 * a regular expression, cannot be interrupted from inside.) The message is untrusted and checked here.
 */
export type TemplateMessage =
  | {
      type: 'render';
      template: string;
      /** A sample request object or its JSON text (see `SampleRequest`). */
      request: unknown;
      phase?: TemplatePhase;
      requestTemplate?: string;
      limits?: Partial<TemplateLimits>;
      /** Echoed in the answer, to pair answers with messages. */
      id?: string | number;
    }
  | { type: 'check'; template: string; id?: string | number };

export type TemplateAnswer =
  | (RenderTemplateResult & { type: 'render'; id?: string | number })
  | { type: 'render'; ok: false; error: SampleRequestError | MessageError; warnings: []; id?: string | number }
  | { type: 'check'; ok: true; id?: string | number }
  | { type: 'check'; ok: false; error: TemplateError | MessageError; id?: string | number };

/** A message that is not one this module answers. */
export interface MessageError {
  kind: 'message';
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function limitsOf(value: unknown): Partial<TemplateLimits> | undefined {
  if (!isRecord(value)) return undefined;
  const limits: Partial<TemplateLimits> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'number') (limits as Record<string, number>)[key] = item;
  return limits;
}

/** Answers one message; never throws, whatever the message holds (a getter that throws included). */
export function handleTemplateMessage(message: unknown): TemplateAnswer {
  try {
    return answer(message);
  } catch (error) {
    const text = `the message could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { type: 'render', ok: false, error: { kind: 'message', message: text }, warnings: [] };
  }
}

function answer(message: unknown): TemplateAnswer {
  const id = isRecord(message) && (typeof message.id === 'string' || typeof message.id === 'number') ? message.id : undefined;
  const withId = <T extends object>(answer: T): T & { id?: string | number } => (id === undefined ? answer : { ...answer, id });
  const refuse = (type: 'render' | 'check', text: string): TemplateAnswer =>
    type === 'render'
      ? withId({ type, ok: false as const, error: { kind: 'message' as const, message: text }, warnings: [] as [] })
      : withId({ type, ok: false as const, error: { kind: 'message' as const, message: text } });
  if (!isRecord(message) || (message.type !== 'render' && message.type !== 'check'))
    return refuse('render', 'the message must be {type: "render", template, request} or {type: "check", template}');
  if (typeof message.template !== 'string') return refuse(message.type, 'template must be a string');
  if (message.type === 'check') {
    const problem = checkMappingTemplate(message.template);
    return problem ? withId({ type: 'check', ok: false, error: problem }) : withId({ type: 'check', ok: true });
  }
  const phase = message.phase;
  if (phase !== undefined && phase !== 'request' && phase !== 'response') return refuse('render', 'phase must be "request" or "response"');
  const requestTemplate = message.requestTemplate;
  if (requestTemplate !== undefined && typeof requestTemplate !== 'string') return refuse('render', 'requestTemplate must be a string');
  const parsed = parseSampleRequest(message.request);
  if (!parsed.ok) return withId({ type: 'render', ok: false, error: parsed.error, warnings: [] as [] });
  const result = renderMappingTemplate({
    template: message.template,
    request: parsed.request,
    ...(phase === undefined ? {} : { phase }),
    ...(requestTemplate === undefined ? {} : { requestTemplate }),
    ...(message.limits === undefined ? {} : { limits: limitsOf(message.limits) }),
  });
  return withId({ type: 'render', ...result });
}
