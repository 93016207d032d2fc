import type { JsonObject } from '../model';
import { markRememberedShortForms } from './cfn-tags';
import { writeYaml } from './yaml-writer';

/**
 * The text of an exported document. JSON: two-space indentation. YAML: through `writeYaml`, so that strings such as `yes`,
 * `on`, `NO`, `0o17` or `12:30` are quoted and read back as strings by YAML 1.1 and 1.2 readers alike
 * (reliability.md §3.3); multi-line strings (mapping templates) as literal block scalars (`|`); no line
 * folding, so a long template line stays one line. Key order is the document's own, which the exporter makes stable. CloudFormation
 * expressions are written as the imported document wrote them: the exporter marks those it had in their
 * short form (`!Sub …`, see `markShortForms`), the others are written long (`Fn::Sub:`), as JSON always is.
 */
export function stringifyDocument(document: JsonObject, format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  markRememberedShortForms(document);
  return writeYaml(document);
}
