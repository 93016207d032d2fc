import { type Design, type ResourceId, resourcePath } from '../../core/model';

const panelNames: Record<string, string> = {
  inspector: 'Inspector',
  api: 'API settings',
  stages: 'Stages',
  'usage-plans': 'Usage plans and keys',
  domains: 'Custom domains',
  problems: 'Problems',
  cost: 'Cost',
};

/** An element as people name it: `GET /pets`, `/pets`, the integration's or authorizer's name. */
export function elementName(design: Design, id: string): string | undefined {
  const method = design.methods[id as keyof Design['methods']];
  if (method) return `${method.httpMethod} ${resourcePath(design, method.resourceId)}`;
  if (Object.hasOwn(design.resources, id)) return resourcePath(design, id as ResourceId);
  const route = design.routes[id as keyof Design['routes']];
  if (route) return route.routeKey;
  return (
    design.integrations[id as keyof Design['integrations']]?.name ??
    design.authorizers[id as keyof Design['authorizers']]?.name ??
    design.domains?.[id as keyof Design['domains']]?.domainName
  );
}

/** Where someone is, in words: their side panel and what they have selected (“Inspector · GET /pets”). */
export function whereText(design: Design, panel: string, selection: readonly string[]): string {
  const place = panelNames[panel] ?? 'Side panel';
  const names = selection.map((id) => elementName(design, id)).filter((name): name is string => name !== undefined);
  if (names.length === 0) return place;
  const shown = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  return `${place} · ${shown}`;
}
