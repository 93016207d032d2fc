import { syntheticDesign } from '../../src/core/examples';
import { exportOpenApi, stringifyDocument } from '../../src/core/openapi';

/** A seeded synthetic REST API of `operations` operations as an OpenAPI 3 file, as a platform team would bring it. */
export function syntheticDocument(operations: number, seed: number, format: 'json' | 'yaml'): Buffer {
  const exported = exportOpenApi(syntheticDesign({ operations, seed }), { version: '3.0' });
  if (!exported.ok) throw new Error(exported.message);
  return Buffer.from(stringifyDocument(exported.document, format));
}
