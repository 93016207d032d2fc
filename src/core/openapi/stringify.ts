import type { JsonObject } from '../model';
import { writeYaml } from './yaml-writer';

/**
 * The text of an exported document. JSON: two-space indentation. YAML: through `writeYaml`, so that strings such as `yes`,
 * `on`, `NO`, `0o17` or `12:30` are quoted and read back as strings by YAML 1.1 and 1.2 readers alike
 * (reliability.md §3.3); multi-line strings (mapping templates) as literal block scalars (`|`); no line
 * folding, so a long template line stays one line. Key order is the document's own, which the exporter makes stable. CloudFormation
 * expressions are written in their long form (`Fn::Sub:`), which CloudFormation reads as the short one.
 */
export function stringifyDocument(document: JsonObject, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return writeYaml(document);
}
