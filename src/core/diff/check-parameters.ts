import type { Parameter } from '../model';
import { compareValues, type SchemaPlace } from './compare-schemas';
import type { DiffContext } from './context';
import { pointerSegment } from './finding';
import { type ClientOperation, pathParameterNames } from './operations';

/** Header names are case-insensitive (RFC 9110); query string names are not. */
function parameterKey(parameter: Pick<Parameter, 'in' | 'name'>): string {
  return `${parameter.in} ${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
}

function parameterText(parameter: Pick<Parameter, 'in' | 'name'>): string {
  const place = parameter.in === 'query' ? 'query string' : parameter.in;
  return `the ${place} parameter \`${parameter.name}\``;
}

function byKey(parameters: Parameter[], location: 'path' | 'other'): Map<string, Parameter> {
  const map = new Map<string, Parameter>();
  for (const parameter of parameters)
    if ((parameter.in === 'path') === (location === 'path') && !map.has(parameterKey(parameter)))
      map.set(parameterKey(parameter), parameter);
  return map;
}

function place(operation: ClientOperation, parameter: Parameter): SchemaPlace {
  return {
    direction: 'request',
    kind: 'parameter',
    operation: operation.label,
    where: `${operation.where}/parameters/${pointerSegment(parameter.in)}/${pointerSegment(parameter.name)}/schema`,
    property: [],
    parameter: parameterText(parameter),
  };
}

/**
 * Query string and header parameters by location and name; path parameters by position, since a client
 * fills `/pets/7` the same whether the template says `{id}` or `{petId}` (a renamed path parameter is
 * not a change for clients).
 */
export function checkParameters(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const before = byKey(base.doc.parameters, 'other');
  const after = byKey(revision.doc.parameters, 'other');
  const movedTo = new Map<string, Parameter>();
  for (const [key, parameter] of before) {
    if (after.has(key)) continue;
    const moved = [...after.values()].find(
      (candidate) =>
        !before.has(parameterKey(candidate)) &&
        (candidate.in === 'header' ? candidate.name.toLowerCase() === parameter.name.toLowerCase() : candidate.name === parameter.name),
    );
    if (moved) {
      movedTo.set(parameterKey(moved), moved);
      context.findings.add(
        'request-parameter-location-changed',
        `${capital(parameterText(parameter))} moved to ${moved.in === 'query' ? 'the query string' : `the ${moved.in}`}.`,
        revision.label,
        `${revision.where}/parameters/${pointerSegment(moved.in)}/${pointerSegment(moved.name)}`,
      );
      continue;
    }
    context.findings.add(
      'request-parameter-removed',
      `${capital(parameterText(parameter))} was removed.`,
      revision.label,
      `${base.where}/parameters/${pointerSegment(parameter.in)}/${pointerSegment(parameter.name)}`,
    );
  }
  for (const [key, parameter] of after) {
    if (movedTo.has(key)) continue;
    const where = `${revision.where}/parameters/${pointerSegment(parameter.in)}/${pointerSegment(parameter.name)}`;
    const old = before.get(key);
    if (!old) {
      context.findings.add(
        parameter.required ? 'new-required-request-parameter' : 'new-optional-request-parameter',
        `The ${parameter.required ? 'required' : 'optional'} ${parameterText(parameter).slice('the '.length)} was added.`,
        revision.label,
        where,
      );
      continue;
    }
    if (old.required !== parameter.required)
      context.findings.add(
        parameter.required ? 'request-parameter-became-required' : 'request-parameter-became-optional',
        `${capital(parameterText(parameter))} became ${parameter.required ? 'required' : 'optional'}.`,
        revision.label,
        `${where}/required`,
      );
    compareValues(context, place(revision, parameter), old.schema, parameter.schema);
  }
  checkPathParameters(context, base, revision);
}

function capital(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function checkPathParameters(context: DiffContext, base: ClientOperation, revision: ClientOperation): void {
  const beforeNames = pathParameterNames(base.path);
  const afterNames = pathParameterNames(revision.path);
  const before = byKey(base.doc.parameters, 'path');
  const after = byKey(revision.doc.parameters, 'path');
  afterNames.forEach((name, index) => {
    const beforeName = beforeNames[index];
    if (beforeName === undefined) return;
    const old = before.get(`path ${beforeName}`);
    const current = after.get(`path ${name}`);
    if (!old || !current) return;
    compareValues(context, place(revision, current), old.schema, current.schema);
  });
}
