import type { Model } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * JSON Schema draft 4 keywords that API Gateway's models enforce but the OpenAPI 3.0 and Swagger 2.0
 * Schema Objects do not define. (Later drafts' keywords, which API Gateway ignores, are exported as `x-`
 * keywords instead: see schema-dialect.ts.)
 */
const draft4Only = ['patternProperties', 'dependencies', 'definitions', 'id', 'additionalItems'];

/** The draft-4-only keywords a schema uses anywhere, and whether it lists several types. */
function outsideOpenApi(value: unknown, found: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) outsideOpenApi(item, found);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (draft4Only.includes(key)) found.add(key);
    if (key === 'type' && Array.isArray(item)) found.add('type (a list of types)');
    // Property names are data, not keywords: a property called "id" is fine.
    if (key === 'properties' && typeof item === 'object' && item !== null)
      for (const sub of Object.values(item)) outsideOpenApi(sub, found);
    else outsideOpenApi(item, found);
  }
}

/**
 * A model that uses draft 4 keywords OpenAPI does not define: API Gateway validates requests with them,
 * so Portico exports them as they are, but the document is then refused by strict OpenAPI tools (the
 * official schemas, many SDK generators). Warning, so that the choice is a known one.
 */
export const modelKeywordsOutsideOpenapi = defineDesignRule({
  id: 'model-keywords-outside-openapi',
  severity: 'warning',
  title: 'Model keywords OpenAPI does not define',
  why: "API Gateway models are JSON Schema draft 4, and API Gateway enforces draft 4 keywords such as patternProperties, dependencies or a list of types. OpenAPI's Schema Object does not define them: the export keeps them (so the deployed API validates as before), but strict OpenAPI validators and SDK generators refuse or ignore them. Where you can, say the same with keywords OpenAPI has (properties, additionalProperties, nullable, enum).",
  docsUrl: guide('models-mappings'),
  reads: ['models'],
  check(design, _index, report) {
    for (const model of Object.values(design.models) as Model[]) {
      const found = new Set<string>();
      outsideOpenApi(model.schema, found);
      if (found.size > 0)
        report({
          message: `Model ${model.name} uses ${[...found].join(', ')}: API Gateway enforces ${found.size === 1 ? 'it' : 'them'}, but OpenAPI does not define ${found.size === 1 ? 'it' : 'them'}, so strict OpenAPI tools refuse the export.`,
          target: { kind: 'model', id: model.id },
        });
    }
  },
});
