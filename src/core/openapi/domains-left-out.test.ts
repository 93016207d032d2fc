import { describe, expect, it } from 'vitest';
import { addApiMapping, addDomain, addRoutingRule, addStage, asId, checkDesign, type Design, updateDomain } from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { asDeployed, officialSchemaErrors } from './testing/official-schemas';

/**
 * Custom domain names have no OpenAPI form: API Gateway keeps them beside the API. The export leaves
 * them out and says so; a re-import of the edited export (the code view's Apply) keeps them.
 */

const dom = asId('Domain', 'dom_api');

function petStoreWithDomain(): Design {
  return build(
    restPetStore(),
    (d) => addStage(d, { name: 'live', id: ids.stg('live') }),
    (d) => addDomain(d, { domainName: 'pets.example.com', id: dom }),
    (d) => updateDomain(d, dom, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
    (d) => addApiMapping(d, dom, { basePath: 'pets', stageId: ids.stg('live') }),
    (d) =>
      addRoutingRule(d, dom, {
        priority: 10,
        conditions: { headers: [{ header: 'x-version', valueGlob: 'v2*' }], basePaths: [] },
        action: { stageId: ids.stg('live'), stripBasePath: false },
      }),
  );
}

describe('custom domains and OpenAPI', () => {
  it.each(['3.0', '2.0'] as const)('an OpenAPI %s export leaves them out, stays valid, and says so', (version) => {
    const design = petStoreWithDomain();
    const exported = exportOpenApi(design, { version });
    if (!exported.ok) throw new Error(exported.message);
    expect(JSON.stringify(exported.document)).not.toContain('pets.example.com');
    expect(officialSchemaErrors(asDeployed(exported.document))).toEqual([]);
    expect(exported.notes.join('\n')).toMatch(/Custom domain names, their API mappings and routing rules have no OpenAPI form/);
  });

  it('a design without domains gets no such note', () => {
    const exported = exportOpenApi(restPetStore(), { version: '3.0' });
    expect(exported.ok && exported.notes.join('\n')).not.toMatch(/Custom domain/);
  });

  it('a re-import of the export keeps them, with the stages they point at', () => {
    const previous = petStoreWithDomain();
    const exported = exportOpenApi(previous, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const result = importOpenApi(stringifyDocument(exported.document, 'yaml'), { previous });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.design.domains).toEqual(previous.domains);
    expect(checkDesign(result.design)).toEqual([]);
  });
});
