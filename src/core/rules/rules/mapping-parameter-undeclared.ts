import { type Parameter, type TextOrIntrinsic, updateMethod } from '../../model';
import { capitalized, guide, isRoute, listed } from '../describe';
import { defineOperationRule } from '../rule';

/** `method.request.querystring.q` → where and which parameter a mapping reads. */
const methodRequest = /^method\.request\.(path|querystring|header)\.([^\s.,'"]+)$/;
const places = { path: 'path', querystring: 'query', header: 'header' } as const;

function referenced(values: Iterable<TextOrIntrinsic | string>): { in: Parameter['in']; name: string }[] {
  const found: { in: Parameter['in']; name: string }[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = methodRequest.exec(value.trim());
    if (!match) continue;
    const place = places[match[1] as keyof typeof places];
    const name = match[2] as string;
    if (!found.some((item) => item.in === place && item.name === name)) found.push({ in: place, name });
  }
  return found;
}

/**
 * A REST integration may map (requestParameters) or cache on (cacheKeyParameters) only method request
 * parameters the method declares: API Gateway refuses the import or the method otherwise ("Invalid mapping
 * expression parameter specified: method.request.querystring.q").
 */
export const mappingParameterUndeclared = defineOperationRule({
  id: 'mapping-parameter-undeclared',
  severity: 'error',
  title: 'Mapping from an undeclared request parameter',
  why: "A REST integration reads the client's request through the method request: a parameter mapping such as integration.request.header.x-id = method.request.querystring.id, or a cache key parameter, may name only a query string, header or path parameter the method declares. API Gateway refuses a mapping from an undeclared one (Invalid mapping expression parameter specified).",
  docsUrl: guide('request-response-data-mappings'),
  check(owner, context, report) {
    if (context.apiType !== 'REST' || isRoute(owner) || !owner.integration) return;
    const used = referenced([...Object.values(owner.integration.requestParameters), ...owner.integration.cacheKeyParameters]);
    const missing = used.filter(
      (item) =>
        !owner.parameters.some((parameter) => parameter.in === item.in && parameter.name === item.name) &&
        // The path's own variables are request parameters whether declared or not (the export declares them).
        !(item.in === 'path' && context.pathParameters.includes(item.name)),
    );
    if (missing.length === 0) return;
    const label = (item: { in: Parameter['in']; name: string }) =>
      `${item.in === 'query' ? 'query string' : item.in} parameter ${item.name}`;
    report({
      message: `${capitalized(context.label)} maps from the undeclared ${listed(missing.map(label))}.`,
      target: { kind: 'method', id: owner.id },
      fix: {
        label: `Declare the ${missing.length === 1 ? 'parameter' : 'parameters'}`,
        apply: (d) => {
          const method = d.methods[owner.id];
          if (!method) return d;
          const added: Parameter[] = missing
            .filter((item) => !method.parameters.some((parameter) => parameter.in === item.in && parameter.name === item.name))
            .map((item) => ({ in: item.in, name: item.name, required: item.in === 'path', schema: { type: 'string' } }));
          return updateMethod(d, owner.id, { parameters: [...method.parameters, ...added] });
        },
      },
    });
  },
});
