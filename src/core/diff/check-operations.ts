import type { DiffContext } from './context';
import type { ClientOperation } from './operations';

/** Operations and whole paths removed, operations added, deprecated or brought back. */
export function checkOperations(context: DiffContext, base: Map<string, ClientOperation>, revision: Map<string, ClientOperation>): void {
  const revisionPaths = new Set([...revision.values()].map((operation) => operation.key.slice(operation.key.indexOf(' ') + 1)));
  const basePaths = new Map<string, ClientOperation[]>();
  for (const operation of base.values()) {
    const path = operation.key.slice(operation.key.indexOf(' ') + 1);
    basePaths.set(path, [...(basePaths.get(path) ?? []), operation]);
  }
  for (const [key, operation] of base) {
    if (revision.has(key)) continue;
    const path = key.slice(key.indexOf(' ') + 1);
    const deprecated = operation.doc.deprecated === true;
    // A path is an HTTP path only when the key has a verb; a WebSocket route is an operation of its own.
    const wholePath = operation.verb !== '' && !revisionPaths.has(path);
    if (wholePath) {
      const siblings = basePaths.get(path) ?? [];
      const allDeprecated = siblings.every((sibling) => sibling.doc.deprecated === true);
      context.findings.add(
        allDeprecated ? 'api-path-removed-with-deprecation' : 'api-path-removed-without-deprecation',
        `The path \`${operation.path}\` was removed, and with it ${operation.label}.`,
        operation.label,
        operation.where,
      );
      continue;
    }
    context.findings.add(
      deprecated ? 'api-removed-with-deprecation' : 'api-removed-without-deprecation',
      `${operation.label} was removed${deprecated ? ' after being deprecated' : ''}.`,
      operation.label,
      operation.where,
    );
  }
  for (const [key, operation] of revision) {
    const before = base.get(key);
    if (!before) {
      context.findings.add('endpoint-added', `${operation.label} was added.`, operation.label, operation.where);
      continue;
    }
    const wasDeprecated = before.doc.deprecated === true;
    const isDeprecated = operation.doc.deprecated === true;
    if (!wasDeprecated && isDeprecated)
      context.findings.add('endpoint-deprecated', `${operation.label} was deprecated.`, operation.label, `${operation.where}/deprecated`);
    if (wasDeprecated && !isDeprecated)
      context.findings.add(
        'endpoint-reactivated',
        `${operation.label} is no longer deprecated.`,
        operation.label,
        `${operation.where}/deprecated`,
      );
  }
}
