export { exportOpenApi } from './export-openapi';
export { importOpenApi } from './import-openapi';
export { type ExportProfile, exportProfiles } from './public-profile';
export { stringifyDocument } from './stringify';
export type { ExportOptions, ExportResult, ImportNote, ImportOptions, ImportResult, OpenApiVersion } from './types';
