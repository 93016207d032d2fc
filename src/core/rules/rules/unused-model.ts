import { deleteModel, type Model } from '../../model';
import { guide } from '../describe';
import { modelIdsOf } from '../design-index';
import { defineDesignRule } from '../rule';

/** Names of the models a schema refers to with `$ref` (`#/components/schemas/Pet`, `#/definitions/Pet`, or a model URL). */
function referencedNames(value: unknown, into: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) referencedNames(item, into);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') into.add(item.slice(item.lastIndexOf('/') + 1));
    else referencedNames(item, into);
  }
}

/**
 * A model nobody uses is exported as a schema and created in API Gateway, but validates nothing. Advice
 * rather than a warning: REST APIs exported by AWS carry the default Empty and Error models unused.
 */
export const unusedModel = defineDesignRule({
  id: 'unused-model',
  severity: 'info',
  title: 'Model that nothing uses',
  why: 'A model describes a request or response body; it takes effect when a method uses it for a body (request validation, SDK types, mapping templates) or another model refers to it. A model used nowhere is only documentation.',
  docsUrl: guide('models-mappings'),
  reads: ['models', 'methods', 'routes'],
  operationFields: modelIdsOf,
  check(design, index, report) {
    const usage = index.usage(design.methods, design.routes);
    const referenced = new Set<string>();
    for (const model of Object.values(design.models) as Model[]) referencedNames(model.schema, referenced);
    for (const model of Object.values(design.models) as Model[])
      if (!usage.models.has(model.id) && !referenced.has(model.name))
        report({
          message: `Model ${model.name} is used by no method, route or other model.`,
          target: { kind: 'model', id: model.id },
          fix: { label: 'Delete the model', apply: (d) => deleteModel(d, model.id) },
        });
  },
});
