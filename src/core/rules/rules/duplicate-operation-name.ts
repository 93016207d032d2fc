import { type Design, type Method, type Route, updateMethod, updateRoute } from '../../model';
import { capitalized, guide, isRoute, labelFields } from '../describe';
import { defineDesignRule } from '../rule';

/** The first `name2`, `name3`… no method or route of the design uses. */
function freeName(design: Design, base: string): string {
  const taken = new Set<string>();
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)] as (Method | Route)[])
    if (owner.operationName) taken.add(owner.operationName);
  let suffix = 2;
  while (taken.has(`${base}${suffix}`)) suffix += 1;
  return `${base}${suffix}`;
}

/**
 * The operation name is the OpenAPI `operationId`, which must be unique in a document; generated SDKs
 * turn it into a function name, so two operations with one name cannot both exist there.
 */
export const duplicateOperationName = defineDesignRule({
  id: 'duplicate-operation-name',
  severity: 'error',
  title: 'Two operations with one operation name',
  why: 'API Gateway calls the OpenAPI operationId the operation name and uses it to name the method in generated SDKs. OpenAPI requires every operationId to be unique, so an export with a repeated one is not a valid document and generated clients would have two functions with one name.',
  docsUrl: guide('api-gateway-method-settings-method-request'),
  reads: ['methods', 'routes', 'resources'],
  operationFields: (owner) => [...labelFields(owner), owner.operationName],
  check(design, index, report) {
    const first = new Map<string, Method | Route>();
    for (const list of [index.values<Method>(design.methods), index.values<Route>(design.routes)])
      for (const owner of list) {
        const name = owner.operationName;
        if (!name) continue;
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, owner);
          continue;
        }
        report({
          message: `${capitalized(index.label(owner, design.resources))} has the operation name ${name}, which ${index.label(earlier, design.resources)} already has.`,
          target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
          fix: {
            label: 'Rename the operation',
            apply: (d) => {
              const operationName = freeName(d, name);
              return isRoute(owner) ? updateRoute(d, owner.id, { operationName }) : updateMethod(d, owner.id, { operationName });
            },
          },
        });
      }
  },
});
