import type { Design } from './design';
import type { IntegrationBinding, IntegrationKind, ResponseTransferMode } from './integration';

/** A target as far as streaming goes (the designs' targets, and the ones an import reads before they get an id). */
type TargetOfBinding = { kind: IntegrationKind; streaming?: boolean };

/**
 * Response streaming is a setting of each method's integration (`responseTransferMode`), not of the
 * backend: one Lambda function may stream to one method and answer another whole. With `STREAM`, API
 * Gateway calls a Lambda function through `InvokeWithResponseStream`, so the integration URI changes to
 * `…/2021-11-15/functions/{arn}/response-streaming-invocations`: the exporters derive it from here.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */

/** The longest a streamed response may last (15 minutes), which is also the longest integration timeout it allows. */
export const maxStreamingMillis = 900_000;

/**
 * The transfer mode a method's integration uses. Designs saved before streaming was per method marked
 * the Lambda target instead (`LambdaTarget.streaming`); such a target still streams for every method
 * that states no mode of its own.
 */
export function responseTransferModeOf(
  binding: Pick<IntegrationBinding, 'responseTransferMode'>,
  target: TargetOfBinding | undefined,
): ResponseTransferMode {
  if (binding.responseTransferMode !== undefined) return binding.responseTransferMode;
  return target?.kind === 'LAMBDA' && target.streaming === true ? 'STREAM' : 'BUFFERED';
}

export function isStreaming(binding: Pick<IntegrationBinding, 'responseTransferMode'>, target: TargetOfBinding | undefined): boolean {
  return responseTransferModeOf(binding, target) === 'STREAM';
}

/**
 * Moves the streaming flag of older designs' Lambda targets onto the methods and routes that call them
 * (those without a mode of their own), so that the binding is the one place that says it. What the
 * exports write does not change.
 */
export function liftLambdaStreaming(design: Design): Design {
  const streaming = new Set<string>();
  const integrations = { ...design.integrations };
  let marked = false;
  for (const target of Object.values(design.integrations)) {
    if (target.kind !== 'LAMBDA' || target.streaming === undefined) continue;
    marked = true;
    if (target.streaming) streaming.add(target.id);
    const { streaming: _moved, ...rest } = target;
    integrations[target.id] = rest;
  }
  if (!marked) return design;
  const lift = <T extends { integration?: IntegrationBinding }>(owner: T): T =>
    owner.integration && owner.integration.responseTransferMode === undefined && streaming.has(owner.integration.integrationId)
      ? { ...owner, integration: { ...owner.integration, responseTransferMode: 'STREAM' } }
      : owner;
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods)) methods[method.id] = lift(method);
  const routes = { ...design.routes };
  for (const route of Object.values(design.routes)) routes[route.id] = lift(route);
  return { ...design, integrations, methods, routes };
}
