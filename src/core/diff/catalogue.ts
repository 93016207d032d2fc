import type { ChangeLevel } from './finding';

/**
 * Every check, its level and why it matters to clients. Ids and levels are oasdiff's where oasdiff has the
 * check (its `checker/rules.go` and `checker/localizations_src/en/messages.yaml` on oasdiff's main branch,
 * read in December 2026, after the 1.30 severity review), so that a pipeline moving between the two tools
 * keeps its exceptions; checks oasdiff does not have are `apigw-…` (API Gateway's
 * own behaviour) or named in oasdiff's style. One deliberate difference: oasdiff 1.30 lowered
 * `response-optional-property-removed` from WARN to INFO (an optional property may be absent anyway);
 * Portico keeps WARN, because OpenAPI documents rarely mark response properties required and their
 * maintainers call such removals breaking (Twilio's changelog, for one; see `fixtures/README.md`).
 */
export interface CheckDefinition {
  level: ChangeLevel;
  why: string;
  source: 'oasdiff' | 'portico';
}

const narrowsRequest =
  'Requests that the old contract accepted are now refused: a client that sends one gets an error where it used to succeed.';
const widensRequest = 'Every request that was valid before is still valid.';
const widensResponse =
  'The API may now answer with values the old contract excluded: a client written against it (generated models, strict parsers, switch statements) may fail on them.';
const narrowsResponse = 'Every answer the API gives is one the old contract allowed, so existing clients still understand it.';
const removedForClients =
  'Clients that call it get 403 or 404 errors (API Gateway answers "Missing Authentication Token" for an unknown route).';
const patternUnknown =
  'A changed pattern may refuse values the old one accepted; whether the new pattern accepts everything the old one did cannot be decided automatically.';

const oasdiff = (level: ChangeLevel, why: string): CheckDefinition => ({ level, why, source: 'oasdiff' });
const portico = (level: ChangeLevel, why: string): CheckDefinition => ({ level, why, source: 'portico' });

/** The `…-body-…`, `…-property-…` and `…-parameter-…` variants of one oasdiff check. */
function family(prefixes: string[], suffix: string, definition: CheckDefinition): [string, CheckDefinition][] {
  return prefixes.map((prefix) => [`${prefix}-${suffix}`, definition]);
}

const requestAll = ['request-body', 'request-property', 'request-parameter'];
const responseAll = ['response-body', 'response-property'];

export const checkCatalogue: Readonly<Record<string, CheckDefinition>> = Object.fromEntries([
  // Operations and paths.
  ['api-path-removed-without-deprecation', oasdiff('breaking', `The whole path is gone. ${removedForClients}`)],
  ['api-path-removed-with-deprecation', oasdiff('info', 'The path was deprecated first, as the contract announced.')],
  ['api-removed-without-deprecation', oasdiff('breaking', `The operation is gone. ${removedForClients}`)],
  ['api-removed-with-deprecation', oasdiff('info', 'The operation was deprecated first, as the contract announced.')],
  ['endpoint-added', oasdiff('info', 'A new operation: no existing client calls it.')],
  ['endpoint-deprecated', oasdiff('info', 'Deprecation announces a removal; clients keep working until it happens.')],
  ['endpoint-reactivated', oasdiff('info', 'The operation is no longer deprecated.')],
  // Parameters.
  ['new-required-request-parameter', oasdiff('breaking', `${narrowsRequest} Existing clients do not send the new parameter.`)],
  ['new-optional-request-parameter', oasdiff('info', 'Clients that do not send the new parameter keep working.')],
  [
    'request-parameter-removed',
    oasdiff(
      'warning',
      'Clients still send the parameter: API Gateway ignores an undeclared query string or header, but the backend no longer gets it, and some clients treat the change as an error.',
    ),
  ],
  ['request-parameter-became-required', oasdiff('breaking', `${narrowsRequest} Clients that leave the parameter out are refused.`)],
  ['request-parameter-became-optional', oasdiff('info', widensRequest)],
  [
    'request-parameter-location-changed',
    portico(
      'breaking',
      'Clients send the parameter where it used to be (query string, header): the API no longer reads it there, so their value is lost and a required parameter is missing.',
    ),
  ],
  // Request body.
  ['request-body-added-required', oasdiff('breaking', `${narrowsRequest} Existing clients send no body.`)],
  ['request-body-added-optional', oasdiff('info', 'Clients that send no body keep working.')],
  [
    'request-body-removed',
    oasdiff('breaking', 'Clients still send a body the operation no longer describes; its content is no longer read.'),
  ],
  ['request-body-became-required', oasdiff('breaking', `${narrowsRequest} Clients that send no body are refused.`)],
  ['request-body-became-optional', oasdiff('info', widensRequest)],
  [
    'request-body-media-type-removed',
    oasdiff('breaking', `${narrowsRequest} Clients that send this content type get 415 Unsupported Media Type.`),
  ],
  ['request-body-media-type-added', oasdiff('info', widensRequest)],
  ['new-required-request-property', oasdiff('breaking', `${narrowsRequest} Existing clients do not send the new property.`)],
  ['new-optional-request-property', oasdiff('info', 'Clients that do not send the new property keep working.')],
  ['request-property-became-required', oasdiff('breaking', `${narrowsRequest} Clients that leave the property out are refused.`)],
  ['request-property-became-optional', oasdiff('info', widensRequest)],
  [
    'request-property-removed',
    oasdiff(
      'warning',
      'Clients still send the property; it is no longer read, and a backend that refuses unknown properties refuses them.',
    ),
  ],
  // Schemas in requests: types, values and constraints.
  ...family(requestAll, 'type-changed', oasdiff('breaking', `${narrowsRequest} Values of the old type no longer validate.`)),
  ...family(requestAll, 'type-generalized', oasdiff('info', widensRequest)),
  ...family(requestAll, 'became-enum', oasdiff('breaking', `${narrowsRequest} Only the listed values are accepted now.`)),
  ...family(requestAll, 'enum-value-removed', oasdiff('breaking', `${narrowsRequest} Clients that send the removed value are refused.`)),
  ...family(['request-property', 'request-parameter'], 'enum-value-added', oasdiff('info', widensRequest)),
  ...family(requestAll, 'max-length-set', oasdiff('breaking', `${narrowsRequest} Longer values are refused now.`)),
  ...family(requestAll, 'max-length-decreased', oasdiff('breaking', `${narrowsRequest} Longer values are refused now.`)),
  ...family(requestAll, 'max-length-increased', oasdiff('info', widensRequest)),
  ...family(requestAll, 'min-length-increased', oasdiff('breaking', `${narrowsRequest} Shorter values are refused now.`)),
  ...family(requestAll, 'min-length-decreased', oasdiff('info', widensRequest)),
  ...family(requestAll, 'max-set', oasdiff('breaking', `${narrowsRequest} Larger values are refused now.`)),
  ...family(requestAll, 'max-decreased', oasdiff('breaking', `${narrowsRequest} Larger values are refused now.`)),
  ...family(requestAll, 'max-increased', oasdiff('info', widensRequest)),
  ...family(requestAll, 'min-set', oasdiff('breaking', `${narrowsRequest} Smaller values are refused now.`)),
  ...family(requestAll, 'min-increased', oasdiff('breaking', `${narrowsRequest} Smaller values are refused now.`)),
  ...family(requestAll, 'min-decreased', oasdiff('info', widensRequest)),
  ...family(requestAll, 'min-items-set', oasdiff('breaking', `${narrowsRequest} Shorter lists are refused now.`)),
  ...family(requestAll, 'min-items-increased', oasdiff('breaking', `${narrowsRequest} Shorter lists are refused now.`)),
  ['request-parameter-max-items-decreased', oasdiff('breaking', `${narrowsRequest} Longer lists are refused now.`)],
  ...family(
    ['request-property', 'request-parameter'],
    'pattern-added',
    oasdiff('breaking', `${narrowsRequest} Values that do not match the new pattern are refused.`),
  ),
  ...family(['request-property', 'request-parameter'], 'pattern-changed', oasdiff('warning', patternUnknown)),
  ...family(['request-property', 'request-parameter'], 'pattern-removed', oasdiff('info', widensRequest)),
  // Responses.
  [
    'response-success-status-removed',
    oasdiff('breaking', 'Clients that handle this success answer will no longer get it; their success path breaks.'),
  ],
  [
    'response-non-success-status-removed',
    oasdiff('info', 'Clients keep handling the remaining answers; an error they prepared for no longer comes.'),
  ],
  ['response-success-status-added', oasdiff('info', 'A new answer the documented clients do not expect; most treat any 2xx as success.')],
  ['response-non-success-status-added', oasdiff('info', 'A newly documented error answer.')],
  ['response-media-type-removed', oasdiff('breaking', 'Clients that ask for this content type (Accept) no longer get it.')],
  ['response-media-type-added', oasdiff('info', 'Clients keep getting the content types they asked for.')],
  [
    'response-required-property-removed',
    oasdiff('breaking', 'The answer no longer carries a property it promised always to carry: clients that read it fail.'),
  ],
  [
    'response-optional-property-removed',
    portico(
      'warning',
      'Clients that read the property no longer find it. OpenAPI calls it optional, so a careful client handles its absence; maintainers of public APIs usually call this removal breaking (oasdiff rates it info since 1.30).',
    ),
  ],
  ['response-optional-property-added', oasdiff('info', 'Clients ignore properties they do not know.')],
  ['response-required-property-added', oasdiff('info', 'Clients ignore properties they do not know.')],
  [
    'response-property-became-optional',
    oasdiff('breaking', 'The answer may now leave out a property it promised always to carry: clients that read it may fail.'),
  ],
  ['response-property-became-required', oasdiff('info', narrowsResponse)],
  ['optional-response-header-removed', oasdiff('warning', 'Clients that read the header no longer find it.')],
  ['response-header-added', oasdiff('info', 'Clients ignore headers they do not know.')],
  ...family(responseAll, 'type-changed', oasdiff('breaking', 'Clients parse the value as the old type and fail on the new one.')),
  ...family(responseAll, 'type-generalized', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'type-specialized', oasdiff('info', narrowsResponse)),
  ['response-property-enum-value-added', oasdiff('warning', widensResponse)],
  ['response-property-enum-value-removed', oasdiff('info', narrowsResponse)],
  ['response-mediatype-enum-value-removed', oasdiff('info', narrowsResponse)],
  ...family(responseAll, 'max-length-increased', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'max-length-unset', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'min-length-decreased', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'max-increased', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'min-decreased', oasdiff('breaking', widensResponse)),
  ...family(responseAll, 'min-items-decreased', oasdiff('breaking', widensResponse)),
  ['response-property-pattern-added', oasdiff('info', narrowsResponse)],
  ['response-property-pattern-changed', oasdiff('warning', patternUnknown)],
  ['response-property-pattern-removed', oasdiff('breaking', widensResponse)],
  // Security.
  [
    'api-security-removed',
    oasdiff(
      'breaking',
      'Clients present credentials for the authorizer that was removed; the method now checks another one, so their calls are refused.',
    ),
  ],
  ['api-security-added', oasdiff('info', 'The method now accepts credentials for this authorizer.')],
  [
    'api-security-scope-added',
    oasdiff(
      'breaking',
      'Tokens without the new scope are refused with 401/403: clients must ask for the scope and users may have to consent again.',
    ),
  ],
  ['api-security-scope-removed', oasdiff('info', 'Tokens that were accepted before still are.')],
  [
    'apigw-authorizer-added',
    portico(
      'breaking',
      'The method was open and now requires credentials: clients that call it without them get 401 Unauthorized or 403. (oasdiff rates adding a security requirement info, because in OpenAPI it is one more alternative; API Gateway checks the one authorizer a method has.)',
    ),
  ],
  [
    'apigw-authorizer-removed',
    portico(
      'warning',
      'Clients keep working (their credentials are simply not checked), but the method is now open to anyone: make sure that is meant.',
    ),
  ],
  [
    'apigw-api-key-now-required',
    portico('breaking', 'Callers must send an API key (x-api-key) from a usage plan of the stage: clients without one get 403 Forbidden.'),
  ],
  [
    'apigw-api-key-no-longer-required',
    portico('info', 'Clients that send a key keep working; the key is no longer checked or metered for this method.'),
  ],
  // API Gateway's own behaviour.
  [
    'apigw-request-validator-validates-body',
    portico(
      'warning',
      'API Gateway now checks request bodies against the model before the integration runs: bodies the backend used to accept but that do not match the model get 400 Bad Request.',
    ),
  ],
  [
    'apigw-request-validator-validates-parameters',
    portico(
      'warning',
      'API Gateway now refuses requests without the required query strings, headers and path parameters with 400 Bad Request, before the integration sees them.',
    ),
  ],
  ['apigw-request-validator-relaxed', portico('info', 'API Gateway checks less than before; every request that passed still passes.')],
  [
    'apigw-throttle-lowered',
    portico('warning', 'Clients that send more requests than the new limit get 429 Too Many Requests where they used to succeed.'),
  ],
  ['apigw-throttle-raised', portico('info', 'Clients may send more requests than before.')],
  [
    'apigw-quota-lowered',
    portico('warning', 'API keys of the plan run out of requests sooner: their calls get 429 Too Many Requests until the period ends.'),
  ],
  ['apigw-quota-raised', portico('info', 'API keys of the plan may send more requests than before.')],
  [
    'apigw-cache-key-removed',
    portico(
      'breaking',
      'With caching on, answers are no longer cached per value of this parameter: clients get an answer cached for another value.',
    ),
  ],
  [
    'apigw-cache-key-removed-uncached',
    portico('info', 'No stage caches this method, so the cache key has no effect yet; it will once caching is turned on.'),
  ],
  ['apigw-stage-removed', portico('breaking', 'The stage is part of every URL its clients call (https://…/prod/…): all their calls fail.')],
  ['apigw-stage-added', portico('info', 'A new stage: no existing client calls it.')],
  [
    'apigw-usage-plan-removed',
    portico('breaking', "The plan's API keys no longer grant access: their callers get 403 Forbidden on methods that require a key."),
  ],
  [
    'apigw-usage-plan-stage-removed',
    portico('breaking', "The plan's API keys no longer grant access to the stage: their callers get 403 Forbidden there."),
  ],
  [
    'apigw-api-key-removed',
    portico('breaking', 'Clients that send the removed or disabled key get 403 Forbidden on methods that require a key.'),
  ],
] satisfies [string, CheckDefinition][]);

export function checkDefinition(id: string): CheckDefinition {
  const definition = checkCatalogue[id];
  // A missing entry is a bug in this folder, not something users can cause.
  if (!definition) throw new Error(`Unknown change check "${id}"`);
  return definition;
}
