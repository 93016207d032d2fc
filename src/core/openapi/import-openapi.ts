import {
  autoLayout,
  type BodyContent,
  checkDesign,
  type Design,
  emptyDesign,
  type Method,
  type Model,
  type ResourceId,
  ROOT_RESOURCE_ID,
  type Route,
  rootResourceId,
  valuesOf,
} from '../model';
import { type ApiTypeAssessment, assessApiType } from './detect-api-type';
import { documentVersion } from './document-version';
import { readIntegration } from './extensions/integration';
import { followRenames } from './follow-renames';
import { collectReusableIntegrations, importModels, importSecuritySchemes, importValidators } from './import-components';
import { importPaths } from './import-paths';
import { importInfo, importRoot } from './import-root';
import { newImportState, reusableIntegrationsKey, targetFor } from './import-state';
import { at, findingOf, NoteList } from './notes';
import { parseText } from './parse-text';
import { carryOver, ImportIds } from './previous-design';
import type { ApiTypeLosses, ImportOptions, ImportResult } from './types';

const typeName = { REST: 'a REST API', HTTP: 'an HTTP API' } as const;

function listed(losses: { message: string }[]): string {
  return losses.map((loss) => loss.message).join('; ');
}

/** Why an ambiguous document was not imported, naming what each choice would lose. */
function ambiguityMessage(losses: ApiTypeLosses): string {
  const side = (type: 'REST' | 'HTTP') =>
    losses[type].length === 0 ? `as ${typeName[type]} it loses nothing` : `as ${typeName[type]} it loses ${listed(losses[type])}`;
  return `This document could be a REST API or an HTTP API: ${side('REST')}; ${side('HTTP')}. Choose the API type to import it as.`;
}

/**
 * The notes that say why the document was read as `apiType` and what that type cannot hold: each part
 * it drops is an error (the user chose it, or the design it replaces had it), what has no effect a
 * warning, and what the other type would have dropped is said for the record.
 */
function noteApiType(
  notes: NoteList,
  apiType: 'REST' | 'HTTP',
  assessment: ApiTypeAssessment,
  chosenBy: 'detection' | 'user' | 'previous',
): void {
  const own = assessment.losses[apiType];
  const other = assessment.losses[apiType === 'REST' ? 'HTTP' : 'REST'];
  const reason = chosenBy === 'user' ? ', as you chose' : chosenBy === 'previous' ? ', as the design it updates is' : '';
  for (const loss of own)
    if (loss.effect === 'dropped')
      notes.add(`Read as ${typeName[apiType]}${reason}, which cannot hold ${loss.message}.`, loss.path, 'error', {
        rule: 'import/api-type',
      });
  const ignored = own.filter((loss) => loss.effect === 'ignored');
  if (ignored.length > 0)
    notes.add(`Read as ${typeName[apiType]}${reason}; these parts have no effect on it: ${listed(ignored)}.`, undefined, 'warning', {
      rule: 'import/api-type',
    });
  const otherDropped = other.filter((loss) => loss.effect === 'dropped');
  if (chosenBy === 'detection' && otherDropped.length > 0)
    notes.add(
      `Read as ${typeName[apiType]}: as ${typeName[apiType === 'REST' ? 'HTTP' : 'REST']} it would lose ${listed(otherDropped)}.`,
      undefined,
      'info',
      { rule: 'import/api-type' },
    );
}

/** A model's content type is the one its bodies use it for (OpenAPI components carry none). */
function inferModelContentTypes(design: Design, previous: Design | undefined): void {
  const used = new Map<string, string>();
  const visit = (content: Record<string, BodyContent>) => {
    for (const [mediaType, body] of Object.entries(content))
      if (body.modelId !== undefined && !used.has(body.modelId)) used.set(body.modelId, mediaType);
  };
  for (const owner of [...valuesOf(design.methods), ...valuesOf(design.routes)] as (Method | Route)[]) {
    if (owner.requestBody) visit(owner.requestBody.content);
    for (const response of owner.responses) visit(response.content);
  }
  for (const model of valuesOf(design.models) as Model[]) {
    const mediaType =
      used.get(model.id) ?? (previous && Object.hasOwn(previous.models, model.id) ? previous.models[model.id]?.contentType : undefined);
    if (mediaType !== undefined && mediaType !== model.contentType) design.models[model.id] = { ...model, contentType: mediaType };
  }
}

function importDocument(text: string, options: ImportOptions): ImportResult {
  const parsed = parseText(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const versioned = documentVersion(parsed.value);
  if (!versioned.ok) return { ok: false, error: { message: versioned.message } };
  const { document, version } = versioned;
  const notes = new NoteList();
  for (const note of parsed.notes) notes.addNote(note);
  for (const note of versioned.notes) notes.addNote(note);

  const previous = options.previous;
  // REST or HTTP: never a guess that loses an operation, an integration or an authorizer. An edit of a
  // design (the code view's Apply) keeps the design's type: changing it is the API panel's conversion,
  // which lists what converts. Otherwise the type that loses nothing, or the one the user chose; an
  // ambiguous document is not imported, and the caller asks.
  const assessment = assessApiType(document, version);
  const previousType = previous?.api.type === 'REST' || previous?.api.type === 'HTTP' ? previous.api.type : undefined;
  const asked = version === '3.0' ? (options.apiType ?? previousType) : undefined;
  if (version === '2.0' && options.apiType === 'HTTP')
    notes.add(
      'Swagger 2.0 documents are REST APIs only (HTTP APIs import OpenAPI 3.0), so it was read as a REST API.',
      undefined,
      'warning',
      {
        rule: 'import/api-type',
      },
    );
  const apiType = asked ?? assessment.type;
  if (apiType === undefined) return { ok: false, error: { message: ambiguityMessage(assessment.losses) }, ambiguous: assessment.losses };
  noteApiType(notes, apiType, assessment, options.apiType !== undefined ? 'user' : asked !== undefined ? 'previous' : 'detection');
  const design = emptyDesign(apiType);
  const previousRoot = previous?.api.type === 'REST' ? rootResourceId(previous) : undefined;
  const rootId: ResourceId = previousRoot ?? ROOT_RESOURCE_ID;
  if (apiType === 'REST' && rootId !== ROOT_RESOURCE_ID) {
    design.resources = { [rootId]: { id: rootId, parentId: null, pathPart: '' } } as Design['resources'];
    design.layout = {};
  }
  const state = newImportState({ document, version, apiType, notes, design, rootId, ids: new ImportIds(previous) });

  importInfo(state);
  importModels(state);
  importValidators(state);
  importSecuritySchemes(state);
  collectReusableIntegrations(state);
  importPaths(state, rootId);
  for (const [name, raw] of state.reusableIntegrations) {
    if (state.usedReusableIntegrations.has(name)) continue;
    const read = readIntegration(raw, apiType, state.targetCache);
    const where = at('components', reusableIntegrationsKey, name);
    if (read.ok) {
      targetFor(state, read.integration, name);
      notes.add(
        `The reusable integration "${name}" is used by no route; it is kept as an unconnected backend (its route settings are not).`,
        where,
      );
    } else notes.add(`The reusable integration "${name}" is used by no route and was left out because ${read.reason}.`, where, 'error');
  }
  importRoot(state);
  if (state.addedPathParameters > 0)
    notes.add(
      `Path parameters named by a path but not declared by its operation were declared (${state.addedPathParameters}): OpenAPI requires it, and API Gateway creates them anyway.`,
    );
  if (state.read.dropped.size > 0) {
    const list = [...state.read.dropped].map(([what, count]) => (count > 1 ? `${what} (${count}×)` : what)).join(', ');
    notes.add(`Not kept, because neither Portico nor API Gateway uses them: ${list}.`);
  }
  if (apiType === 'REST' && !previous && design.api.endpointType !== 'PRIVATE')
    notes.add(
      "OpenAPI does not record the endpoint type; the API is EDGE (API Gateway's import default). Change it in the API settings if needed.",
      undefined,
      'info',
    );
  inferModelContentTypes(design, previous);

  // New elements get automatic positions; with a previous design, the ones it had keep theirs (renamed
  // resources and routes included).
  const result = previous ? carryOver(followRenames(design, previous), previous, notes) : autoLayout(design);
  const problems = checkDesign(result);
  if (problems.length > 0)
    return {
      ok: false,
      error: {
        message: `Portico could not build a consistent design from this document (${problems[0]}). This is a bug in the importer; please report it.`,
      },
    };
  return { ok: true, design: result, version, notes: notes.list().map(findingOf) };
}

/**
 * Reads an OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML, AWS exports included) into a design:
 * resources and methods or routes, one integration target per distinct backend, authorizers, models,
 * validators, gateway responses and every API Gateway extension; the canvas laid out automatically.
 * What cannot be represented is listed in `notes`. Never throws: bad input is an error value with a
 * line and column where there is one.
 */
export function importOpenApi(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importDocument(text, options);
  } catch (error) {
    // Every input is meant to end in a value above; reaching this is a bug, reported rather than thrown.
    return {
      ok: false,
      error: {
        message: `Portico could not import this document because of an internal error (${(error as Error)?.message ?? String(error)}); please report it.`,
      },
    };
  }
}
