import { type TextOrIntrinsic, updateBinding } from '../../model';
import { capitalized, guide, isRoute, listed } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * REST and HTTP APIs write parameter mappings differently: a REST integration sets
 * `integration.request.header.x-id` from `method.request.querystring.id`, `'static'`, `context.x` or
 * `stageVariables.x`; an HTTP integration `overwrite:header.x-id` (or `append:`/`remove:`, `overwrite:path`)
 * from `$request.querystring.id`, `$context.x`, `$stageVariables.x` or plain text. A method converted from a
 * route (or the other way round) keeps the other form, which API Gateway refuses.
 */
const restKey = /^integration\.request\.(path|querystring|header)\.\S+$/;
const httpKey = /^((append|overwrite|remove):(header|querystring)\.\S+|overwrite:path)$/;

function translatedToHttp(key: string, value: TextOrIntrinsic): [string, TextOrIntrinsic] | undefined {
  const target = /^integration\.request\.(querystring|header)\.(\S+)$/.exec(key);
  if (!target) return undefined;
  let source: TextOrIntrinsic = value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^'.*'$/.test(trimmed)) source = trimmed.slice(1, -1);
    else if (trimmed.startsWith('method.request.')) source = `$request.${trimmed.slice('method.request.'.length)}`;
    else if (trimmed.startsWith('context.') || trimmed.startsWith('stageVariables.')) source = `$${trimmed}`;
  }
  return [`overwrite:${target[1]}.${target[2]}`, source];
}

function translatedToRest(key: string, value: TextOrIntrinsic): [string, TextOrIntrinsic] | undefined {
  const target = /^(?:append|overwrite):(querystring|header)\.(\S+)$/.exec(key);
  if (!target) return undefined;
  let source: TextOrIntrinsic = value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('$request.')) source = `method.request.${trimmed.slice('$request.'.length)}`;
    else if (trimmed.startsWith('$context.') || trimmed.startsWith('$stageVariables.')) source = trimmed.slice(1);
    else if (!trimmed.includes('$')) source = `'${trimmed}'`;
    else return undefined;
  }
  return [`integration.request.${target[1]}.${target[2]}`, source];
}

export const mappingKeyForm = defineOperationRule({
  id: 'mapping-key-form',
  severity: 'error',
  title: 'Parameter mapping written for the other API type',
  why: "REST APIs map request parameters as integration.request.header.name = method.request.querystring.name (static values in single quotes), HTTP APIs as overwrite:header.name = $request.querystring.name (also append: and remove:, or overwrite:path). A mapping in the other API type's form, typically left over from changing the API type, is refused by API Gateway.",
  docsUrl: guide('http-api-parameter-mapping'),
  check(owner, context, report) {
    const binding = owner.integration;
    if (!binding || context.apiType === 'WEBSOCKET') return;
    // HTTP API first-class integrations (AWS services) name their own parameters (QueueUrl, MessageBody).
    if (context.apiType === 'HTTP' && context.integrationKinds[binding.integrationId] === 'AWS_SERVICE') return;
    const form = context.apiType === 'REST' ? restKey : httpKey;
    const wrong = Object.keys(binding.requestParameters).filter((key) => !form.test(key));
    if (wrong.length === 0) return;
    const translate = context.apiType === 'REST' ? translatedToRest : translatedToHttp;
    report({
      message: `${capitalized(context.label)} maps ${listed(wrong)}, which ${context.apiType === 'REST' ? 'a REST' : 'an HTTP'} API does not accept as ${wrong.length === 1 ? 'a mapping' : 'mappings'}.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: `Rewrite the mappings for ${context.apiType === 'REST' ? 'a REST' : 'an HTTP'} API (those without an equivalent are removed)`,
        apply: (d) => {
          const current = (isRoute(owner) ? d.routes[owner.id] : d.methods[owner.id])?.integration;
          if (!current) return d;
          const requestParameters: Record<string, TextOrIntrinsic> = {};
          for (const [key, value] of Object.entries(current.requestParameters)) {
            if (form.test(key)) requestParameters[key] = value;
            else {
              const translated = translate(key, value);
              if (translated && !Object.hasOwn(requestParameters, translated[0])) requestParameters[translated[0]] = translated[1];
            }
          }
          return updateBinding(d, owner.id, { requestParameters });
        },
      },
    });
  },
});
