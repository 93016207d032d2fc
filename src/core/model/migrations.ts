import type { JsonObject } from './json';

/**
 * Migrations of saved designs, one per schema version step: `migrations[n]` turns a version-n design
 * into version n+1. Pure functions on plain JSON, run by `parseDesign` before validation.
 */
export const migrations: Record<number, (design: JsonObject) => JsonObject> = {
  // Version 0 was the unversioned design of early prototypes: same shape, no schemaVersion.
  0: (design) => ({ ...design, schemaVersion: 1 }),
  // Version 1 positioned one box per element, methods and routes included. Version 2 draws cards with
  // methods and routes as rows, in other sizes: the old positions would stack cards on one another, so
  // the design is laid out anew (parseDesign lays out a design that has no positions).
  1: (design) => ({ ...design, schemaVersion: 2, layout: {} }),
};
