import { updateMethod, updateRoute } from '../../model';
import { capitalized, guide, isRoute, listed } from '../describe';
import { defineOperationRule } from '../rule';

/**
 * A `path` request parameter whose name is not in the path can never be filled. Moving a method to another
 * resource (the model allows it) is the usual way to get one.
 */
export const pathParameterUnknown = defineOperationRule({
  id: 'path-parameter-unknown',
  severity: 'warning',
  title: 'Path parameter that is not in the path',
  why: 'A path parameter takes its value from a {variable} of the path. One whose name the path does not have is never filled, a required one makes every request fail validation, and OpenAPI forbids it, so the export leaves it out (with a note).',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  check(owner, context, report) {
    if (!owner.parameters.some((parameter) => parameter.in === 'path')) return;
    const unknown = owner.parameters
      .filter((parameter) => parameter.in === 'path' && !context.pathParameters.includes(parameter.name))
      .map((parameter) => parameter.name);
    if (unknown.length === 0) return;
    report({
      message: `${capitalized(context.label)} declares the path parameter${unknown.length === 1 ? '' : 's'} ${listed(unknown)}, which ${context.path ? 'its path does not have' : 'has no path to come from'}.`,
      target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
      fix: {
        label: `Remove the parameter${unknown.length === 1 ? '' : 's'}`,
        apply: (d) => {
          const current = isRoute(owner) ? d.routes[owner.id] : d.methods[owner.id];
          if (!current) return d;
          const parameters = current.parameters.filter((parameter) => !(parameter.in === 'path' && unknown.includes(parameter.name)));
          return isRoute(owner) ? updateRoute(d, owner.id, { parameters }) : updateMethod(d, owner.id, { parameters });
        },
      },
    });
  },
});
