import { isJsonObject, type Parameter, updateMethod, updateRoute } from '../../model';
import { capitalized, guide, isRoute, listed } from '../describe';
import { defineOperationRule, type OperationContext } from '../rule';

/** Path parameter names declared on the resource's path item (imported documents may share them there). */
function pathLevelNames(context: OperationContext): Set<string> {
  const names = new Set<string>();
  const shared = context.resource?.extensions?.parameters;
  if (Array.isArray(shared))
    for (const parameter of shared)
      if (isJsonObject(parameter) && parameter.in === 'path' && typeof parameter.name === 'string') names.add(parameter.name);
  return names;
}

/**
 * Every `{name}` of a path needs a `path` request parameter: a REST method maps it into the integration
 * as `method.request.path.name`, and OpenAPI requires each template variable to be declared, so an
 * export without it is not a valid document.
 */
export const pathParameterUndeclared = defineOperationRule({
  id: 'path-parameter-undeclared',
  severity: 'warning',
  title: 'Path variable without a request parameter',
  why: 'Each variable in a path ({petId} in /pets/{petId}) is a required request parameter of the method. API Gateway exposes it as method.request.path.petId for parameter mappings and caching, and OpenAPI requires it to be declared under parameters; an undeclared one makes the exported document invalid.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  check(owner, context, report) {
    if (context.pathParameters.length === 0) return;
    const missing = context.pathParameters.filter(
      (name) => !owner.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name),
    );
    if (missing.length === 0) return;
    const shared = pathLevelNames(context);
    const undeclared = missing.filter((name) => !shared.has(name));
    if (undeclared.length === 0) return;
    report({
      message: `${capitalized(context.label)} has no request parameter for ${listed(undeclared.map((name) => `{${name}}`))}.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: `Add the path parameter${undeclared.length === 1 ? '' : 's'}`,
        apply: (d) => {
          const current = isRoute(owner) ? d.routes[owner.id] : d.methods[owner.id];
          if (!current) return d;
          const added: Parameter[] = undeclared
            .filter((name) => !current.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name))
            .map((name) => ({ in: 'path', name, required: true, schema: { type: 'string' } }));
          const parameters = [...current.parameters, ...added];
          return isRoute(owner) ? updateRoute(d, owner.id, { parameters }) : updateMethod(d, owner.id, { parameters });
        },
      },
    });
  },
});
