import {
  type ApiType,
  type Authorizer,
  type AuthorizerKind,
  authorizerKindProblem,
  type Extensions,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type JwtAdditionalClaim,
  type JwtIssuer,
  jwtClaimFormat,
  type TextOrIntrinsic,
} from '../../model';
import { substitutionTemplate } from '../cfn-tags';
import { cloneJson, isExtensionKey, own, ownString, setOwn } from '../json-access';
import { buildLambdaUri, parseFunctionArn, parseLambdaUri } from '../uris';
import { formatVersionText } from './integration';

/**
 * Security schemes and the two extensions that live in them:
 * - `x-amazon-apigateway-authorizer`: a Lambda (TOKEN/REQUEST), Cognito user pool or JWT authorizer;
 * - `x-amazon-apigateway-authtype`: a label for REST authorizers (`custom`, `cognito_user_pools`), and
 *   `awsSigv4`, which makes an `apiKey` scheme mean IAM authorization.
 * A plain `apiKey` scheme with neither extension is the API key requirement of usage plans (REST).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html
 */
export const authorizerKey = 'x-amazon-apigateway-authorizer';
export const authtypeKey = 'x-amazon-apigateway-authtype';
/** On an operation: IAM (or explicitly no) authorization without a security scheme. */
export const authKey = 'x-amazon-apigateway-auth';

/** The scheme name API Gateway's exports use for the API key requirement (DG api-key-usage-plan-oas.html). */
export const apiKeySchemeName = 'api_key';

export type AuthorizerData = Omit<Authorizer, 'id'>;

export type SchemeReading =
  | { kind: 'authorizer'; authorizer: AuthorizerData; notes: string[] }
  | { kind: 'apiKey'; notes: string[] }
  | { kind: 'skip'; reason: string };

const kindsByType: Record<string, AuthorizerKind> = {
  token: 'LAMBDA_TOKEN',
  request: 'LAMBDA_REQUEST',
  cognito_user_pools: 'COGNITO_USER_POOLS',
  jwt: 'JWT',
};
const typeByKind: Partial<Record<AuthorizerKind, string>> = {
  LAMBDA_TOKEN: 'token',
  LAMBDA_REQUEST: 'request',
  COGNITO_USER_POOLS: 'cognito_user_pools',
  JWT: 'jwt',
};

const isTextOrIntrinsic = (value: JsonValue | undefined): value is TextOrIntrinsic => typeof value === 'string' || isJsonObject(value);

/** The REST identity source a scheme's `name`/`in` stand for (`method.request.header.Authorization`). */
function schemeIdentitySource(scheme: Extensions): string | undefined {
  const name = scheme.name;
  if (typeof name !== 'string') return undefined;
  if (scheme.in === 'header') return `method.request.header.${name}`;
  if (scheme.in === 'query') return `method.request.querystring.${name}`;
  return undefined;
}

/** The Lambda authorizer URI rebuilt from a function ARN, the way API Gateway writes it. */
function authorizerUriOf(functionArn: string): string {
  const fn = parseFunctionArn(functionArn);
  return buildLambdaUri({ partition: fn?.partition ?? 'aws', region: fn?.region ?? 'us-east-1', functionArn, streaming: false });
}

/**
 * Reads one security scheme. Scheme fields are kept in `authorizer.scheme` so the export writes them
 * back; two fields OpenAPI requires but API Gateway's examples leave out are filled in on import (an
 * oauth2 scheme's `flows`, an openIdConnect scheme's `openIdConnectUrl`), so that every export is
 * valid OpenAPI and exporting it again changes nothing.
 */
export function readSecurityScheme(raw: JsonObject, apiType: ApiType): SchemeReading {
  const notes: string[] = [];
  const scheme: Extensions = {};
  const extensions: Extensions = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === authorizerKey || key === authtypeKey) continue;
    if (isExtensionKey(key)) setOwn(extensions, key, cloneJson(value));
    else setOwn(scheme, key, cloneJson(value));
  }
  const authtype = ownString(raw, authtypeKey);
  const authorizerValue = own(raw, authorizerKey);
  const schemeType = typeof scheme.type === 'string' ? scheme.type : undefined;

  if (authorizerValue === undefined) {
    if (authtype?.toLowerCase().startsWith('aws')) {
      // `awsSigv4` (and any authtype starting with "aws", reserved by AWS) means IAM authorization.
      const authorizer: AuthorizerData = { name: '', kind: 'IAM', providerArns: [], jwtAudience: [], authType: authtype, scheme };
      if (Object.keys(extensions).length > 0) authorizer.extensions = extensions;
      return { kind: 'authorizer', authorizer, notes };
    }
    // An authtype names a kind of authorizer (`custom`, `cognito_user_pools`): without the authorizer
    // itself there is nothing to protect the operation with, and it is not the API key requirement.
    if (authtype !== undefined)
      return { kind: 'skip', reason: `its ${authtypeKey} "${authtype}" names an authorizer, but it has no ${authorizerKey}` };
    if (schemeType === 'apiKey') {
      if (apiType !== 'REST') return { kind: 'skip', reason: 'HTTP APIs have no API keys' };
      return { kind: 'apiKey', notes };
    }
    return {
      kind: 'skip',
      reason: `it is a "${schemeType ?? 'untyped'}" scheme without ${authorizerKey}; API Gateway authorizes only through its own authorizers, IAM and API keys`,
    };
  }
  if (!isJsonObject(authorizerValue)) return { kind: 'skip', reason: `its ${authorizerKey} is not an object` };
  const typeValue = ownString(authorizerValue, 'type');
  const kind = typeValue === undefined ? undefined : kindsByType[typeValue.toLowerCase()];
  if (!kind) return { kind: 'skip', reason: `its authorizer type ${JSON.stringify(typeValue ?? null)} is not one API Gateway knows` };
  const problem = authorizerKindProblem(kind, apiType);
  if (problem) return { kind: 'skip', reason: problem };

  const authorizer: AuthorizerData = { name: '', kind, providerArns: [], jwtAudience: [] };
  if (authtype !== undefined) authorizer.authType = authtype;
  const leftover: JsonObject = {};
  const jwtLeftover: JsonObject = {};
  for (const [key, value] of Object.entries(authorizerValue)) {
    switch (key) {
      case 'type':
        // Written lower case by AWS; another spelling is kept as written.
        if (value !== typeByKind[kind]) setOwn(leftover, key, cloneJson(value));
        continue;
      case 'authorizerUri':
        if ((kind === 'LAMBDA_TOKEN' || kind === 'LAMBDA_REQUEST') && isTextOrIntrinsic(value)) {
          const template = substitutionTemplate(value);
          const parsed = template === undefined ? undefined : parseLambdaUri(template);
          if (parsed) authorizer.functionArn = parsed.functionArn;
          if (!parsed || typeof value !== 'string' || authorizerUriOf(parsed.functionArn) !== value)
            authorizer.rawAuthorizerUri = cloneJson(value);
          continue;
        }
        break;
      case 'authorizerCredentials':
        if (isTextOrIntrinsic(value)) {
          authorizer.credentials = cloneJson(value);
          continue;
        }
        break;
      case 'identitySource':
        if (typeof value === 'string') {
          authorizer.identitySource = value;
          continue;
        }
        if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
          // SAM writes a list; API Gateway documents a comma-separated string, which the export writes.
          authorizer.identitySource = value.join(', ');
          notes.push('The identity source list is written as a comma-separated string, the form API Gateway documents.');
          continue;
        }
        break;
      case 'identityValidationExpression':
        if (typeof value === 'string') {
          authorizer.identityValidationExpression = value;
          continue;
        }
        break;
      case 'authorizerResultTtlInSeconds': {
        const ttl = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
        if (typeof ttl === 'number' && Number.isInteger(ttl)) {
          authorizer.resultTtlSeconds = ttl;
          continue;
        }
        break;
      }
      case 'providerARNs':
        if (Array.isArray(value) && value.every(isTextOrIntrinsic)) {
          authorizer.providerArns = cloneJson(value) as TextOrIntrinsic[];
          continue;
        }
        break;
      case 'jwtConfiguration':
        if (isJsonObject(value) && kind === 'JWT' && apiType === 'REST') {
          readRestJwtConfiguration(value, authorizer, jwtLeftover, notes);
          continue;
        }
        if (isJsonObject(value)) {
          if (kind === 'JWT' && (own(value, 'issuers') !== undefined || own(value, 'defaultAlgorithms') !== undefined))
            notes.push(
              "The JWT authorizer lists issuers or signing algorithms the REST API way; an HTTP API's JWT authorizer trusts one issuer (issuer, audience), so they are kept as written, without effect.",
            );
          for (const [field, item] of Object.entries(value)) {
            if (field === 'issuer' && typeof item === 'string') authorizer.jwtIssuer = item;
            else if (field === 'audience' && Array.isArray(item) && item.every((entry) => typeof entry === 'string'))
              authorizer.jwtAudience = item as string[];
            else setOwn(jwtLeftover, field, cloneJson(item));
          }
          continue;
        }
        break;
      // HTTP API Lambda authorizers only; a REST document keeps them as written (they are HTTP API signals).
      case 'authorizerPayloadFormatVersion': {
        const version = formatVersionText(value);
        if (version !== undefined && apiType === 'HTTP') {
          authorizer.payloadFormatVersion = version;
          continue;
        }
        break;
      }
      case 'enableSimpleResponses':
        if (typeof value === 'boolean' && apiType === 'HTTP') {
          authorizer.enableSimpleResponses = value;
          continue;
        }
        break;
    }
    setOwn(leftover, key, cloneJson(value));
  }
  if (Object.keys(jwtLeftover).length > 0) setOwn(leftover, 'jwtConfiguration', jwtLeftover);
  if (Object.keys(leftover).length > 0) setOwn(extensions, authorizerKey, leftover);

  // REST APIs take authorizers from apiKey schemes only (DG api-gateway-swagger-extensions-authorizer.html);
  // another type would not be valid in both OpenAPI versions either (Swagger 2.0 oauth2 needs flows).
  if (apiType === 'REST' && scheme.type !== undefined && scheme.type !== 'apiKey') {
    notes.push(`REST API authorizers use apiKey security schemes; this "${String(scheme.type)}" scheme is written as apiKey.`);
    for (const key of Object.keys(scheme)) if (key !== 'description') delete scheme[key];
    scheme.type = 'apiKey';
  }
  // Fill in what OpenAPI requires of the scheme itself.
  if (scheme.type === undefined) {
    scheme.type = kind === 'JWT' ? 'oauth2' : 'apiKey';
    notes.push(`The scheme has no "type"; it is written "${scheme.type}".`);
  }
  if (scheme.type === 'oauth2' && !isJsonObject(scheme.flows)) scheme.flows = {};
  if (scheme.type === 'openIdConnect' && typeof scheme.openIdConnectUrl !== 'string') {
    const inAuthorizer = own(authorizerValue, 'openIdConnectUrl');
    scheme.openIdConnectUrl =
      typeof inAuthorizer === 'string'
        ? inAuthorizer
        : `${(authorizer.jwtIssuer ?? 'https://issuer.example.com').replace(/\/$/, '')}/.well-known/openid-configuration`;
    notes.push('An openIdConnect scheme needs "openIdConnectUrl"; it was added so that the export is valid OpenAPI.');
  }
  if (scheme.type === 'apiKey') {
    if (typeof scheme.name !== 'string') {
      scheme.name = 'Authorization';
      notes.push('An apiKey scheme needs a "name"; "Authorization" was added.');
    }
    if (scheme.in !== 'header' && scheme.in !== 'query') {
      scheme.in = 'header';
      notes.push('An apiKey scheme needs "in"; "header" was added.');
    }
  }
  // A REST TOKEN, Cognito or JWT authorizer reads the token from the header the scheme names; when the
  // authorizer names one header itself, the scheme is made to name the same one (as the export will).
  if (readsOneHeader(kind) && apiType === 'REST') {
    const single = singleSource(authorizer.identitySource);
    if (authorizer.identitySource === undefined) {
      const source = schemeIdentitySource(scheme);
      if (source !== undefined) authorizer.identitySource = source;
    } else if (single?.in === 'header' && scheme.type === 'apiKey' && (scheme.name !== single.name || scheme.in !== 'header')) {
      notes.push(`The scheme now names the header "${single.name}" that the authorizer reads the token from.`);
      scheme.name = single.name;
      scheme.in = 'header';
    }
  }
  authorizer.scheme = scheme;
  if (Object.keys(extensions).length > 0) authorizer.extensions = extensions;
  return { kind: 'authorizer', authorizer, notes };
}

/** REST authorizers that read the caller's token from one header, which their scheme names. */
function readsOneHeader(kind: AuthorizerKind): boolean {
  return kind === 'LAMBDA_TOKEN' || kind === 'COGNITO_USER_POOLS' || kind === 'JWT';
}

const isTextList = (value: JsonValue | undefined): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const claimFields = new Set(['claimName', 'format', 'required', 'expectedValues']);
const issuerFields = new Set(['issuer', 'audiences', 'additionalClaims']);

/** One additional claim, or why it cannot be read into the design. */
function readJwtClaim(value: JsonValue, where: string, notes: string[]): JwtAdditionalClaim | string {
  if (!isJsonObject(value)) return `${where} is not an object`;
  const unknown = Object.keys(value).find((key) => !claimFields.has(key));
  if (unknown !== undefined) return `${where} has the field "${unknown}", which Portico does not know`;
  const claimName = own(value, 'claimName');
  if (typeof claimName !== 'string') return `${where} has no claimName text`;
  const format = own(value, 'format');
  if (format !== undefined && typeof format !== 'string') return `${where} has a format that is not text`;
  const required = own(value, 'required');
  if (required !== undefined && typeof required !== 'boolean') return `${where} has a "required" that is not true or false`;
  const expectedValues = own(value, 'expectedValues') ?? [];
  if (!isTextList(expectedValues)) return `${where} has expectedValues that are not a list of text`;
  if (format === undefined)
    notes.push(`${where} ("${claimName}") names no format; ${jwtClaimFormat}, the only one API Gateway accepts, was added.`);
  return {
    claimName,
    format: format ?? jwtClaimFormat,
    ...(required === undefined ? {} : { required }),
    expectedValues: [...expectedValues],
  };
}

/** A REST JWT authorizer's issuer list, or why it cannot be read into the design (it is then kept as written). */
function readJwtIssuers(value: JsonValue, notes: string[]): JwtIssuer[] | string {
  if (!Array.isArray(value)) return 'it is not a list';
  const issuers: JwtIssuer[] = [];
  for (const [index, entry] of value.entries()) {
    const where = `issuer ${index + 1}`;
    if (!isJsonObject(entry)) return `${where} is not an object`;
    const unknown = Object.keys(entry).find((key) => !issuerFields.has(key));
    if (unknown !== undefined) return `${where} has the field "${unknown}", which Portico does not know`;
    const issuer = own(entry, 'issuer');
    if (typeof issuer !== 'string') return `${where} has no issuer URL as text`;
    const audiences = own(entry, 'audiences') ?? [];
    if (!isTextList(audiences)) return `${where} has audiences that are not a list of text`;
    const written = own(entry, 'additionalClaims') ?? [];
    if (!Array.isArray(written)) return `${where} has additionalClaims that are not a list`;
    const additionalClaims: JwtAdditionalClaim[] = [];
    for (const [claimIndex, claim] of written.entries()) {
      const read = readJwtClaim(claim, `claim ${claimIndex + 1} of ${where}`, notes);
      if (typeof read === 'string') return read;
      additionalClaims.push(read);
    }
    issuers.push({ issuer, audiences: [...audiences], additionalClaims });
  }
  return issuers;
}

/**
 * A REST API JWT authorizer's `jwtConfiguration`. AWS says a REST JWT authorizer can be created from an
 * OpenAPI definition (DG rest-api-jwt-authorizer-create.html) but, in the pages checked in 2026, shows no
 * example, and its x-amazon-apigateway-authorizer page still lists `jwt` for HTTP APIs only. Portico
 * writes the form closest to AWS's own extension: HTTP APIs' `jwtConfiguration` object, holding the
 * fields of CreateAuthorizer's JwtConfigurationInput in their API spelling: `defaultAlgorithms` and
 * `issuers: [{issuer, audiences, additionalClaims: [{claimName, format, required, expectedValues}]}]`
 * (API_JwtConfigurationInput, API_JwtIssuerInput, API_JwtAdditionalClaim; CloudFormation's
 * AWS::ApiGateway::Authorizer JwtConfiguration has the same shape in PascalCase). It also reads HTTP's
 * one-issuer form (`issuer`, `audience`) as a single trusted issuer. What it cannot read is kept as written.
 */
function readRestJwtConfiguration(value: JsonObject, authorizer: AuthorizerData, leftover: JsonObject, notes: string[]): void {
  for (const [field, item] of Object.entries(value)) {
    if (field === 'issuers') {
      const issuers = readJwtIssuers(item, notes);
      if (typeof issuers !== 'string') {
        authorizer.jwtIssuers = issuers;
        continue;
      }
      notes.push(`The JWT authorizer's issuer list could not be read (${issuers}); it is kept as written and exported unchanged.`);
    } else if (field === 'defaultAlgorithms' && isTextList(item)) {
      authorizer.jwtAlgorithms = [...item];
      continue;
    }
    setOwn(leftover, field, cloneJson(item));
  }
  const single = own(value, 'issuer');
  if (authorizer.jwtIssuers === undefined && own(value, 'issuers') === undefined && typeof single === 'string') {
    const audience = own(value, 'audience');
    const audiences = isTextList(audience) ? [...audience] : typeof audience === 'string' ? [audience] : [];
    authorizer.jwtIssuers = [{ issuer: single, audiences, additionalClaims: [] }];
    delete leftover.issuer;
    if (audience === undefined || audiences.length > 0) delete leftover.audience;
    notes.push(
      `The JWT authorizer names one issuer the HTTP API way (issuer, audience); it is read as the one issuer a REST API's authorizer trusts${
        authorizer.jwtAlgorithms === undefined ? ', which also needs the signing algorithms to accept' : ''
      }. A REST API matches the audience against the token's aud claim only, not client_id.`,
    );
  }
}

/** A REST JWT authorizer's configuration, written as `readRestJwtConfiguration` reads it. */
function writeRestJwtConfiguration(authorizer: Authorizer): JsonObject {
  const jwt: JsonObject = {};
  if (authorizer.jwtAlgorithms !== undefined) jwt.defaultAlgorithms = [...authorizer.jwtAlgorithms];
  // Always written, even empty: the list is what tells a REST API's JWT authorizer from an HTTP API's.
  jwt.issuers = (authorizer.jwtIssuers ?? []).map((entry) => {
    const issuer: JsonObject = { issuer: entry.issuer, audiences: [...entry.audiences] };
    if (entry.additionalClaims.length > 0)
      issuer.additionalClaims = entry.additionalClaims.map((claim) => {
        const written: JsonObject = { claimName: claim.claimName, format: claim.format };
        if (claim.required !== undefined) written.required = claim.required;
        if (claim.expectedValues.length > 0) written.expectedValues = [...claim.expectedValues];
        return written;
      });
    return issuer;
  });
  // An HTTP API's single issuer on a REST design (a hand-edited file): written rather than lost.
  if (authorizer.jwtIssuer !== undefined) jwt.issuer = authorizer.jwtIssuer;
  if (authorizer.jwtAudience.length > 0) jwt.audience = [...authorizer.jwtAudience];
  return jwt;
}

/** The API key scheme (REST): the `x-api-key` header. */
export function apiKeyScheme(): JsonObject {
  return { type: 'apiKey', name: 'x-api-key', in: 'header' };
}

/** The single header or query parameter a REST identity source names, for the scheme's `name`/`in`. */
function singleSource(identitySource: string | undefined): { name: string; in: 'header' | 'query' } | undefined {
  if (identitySource === undefined || identitySource.includes(',')) return undefined;
  const match = /^method\.request\.(header|querystring)\.(.+)$/.exec(identitySource.trim());
  if (!match) return undefined;
  return { name: match[2] as string, in: match[1] === 'header' ? 'header' : 'query' };
}

const defaultAuthtypes: Partial<Record<AuthorizerKind, string>> = {
  LAMBDA_TOKEN: 'custom',
  LAMBDA_REQUEST: 'custom',
  COGNITO_USER_POOLS: 'cognito_user_pools',
  IAM: 'awsSigv4',
};

/**
 * Writes the security scheme of an authorizer. Schemes read from a document come back as they were;
 * for authorizers drawn on the canvas the scheme follows AWS's own exports (`apiKey` schemes, the
 * `custom`/`cognito_user_pools`/`awsSigv4` authtypes, `Unused` as the name of a multi-source REQUEST
 * authorizer).
 */
export function writeSecurityScheme(authorizer: Authorizer, apiType: ApiType): JsonObject {
  const imported = authorizer.scheme !== undefined;
  const scheme: JsonObject = imported
    ? (cloneJson(authorizer.scheme as JsonObject) as JsonObject)
    : authorizer.kind === 'JWT' && apiType !== 'REST'
      ? { type: 'oauth2', flows: {} }
      : { type: 'apiKey', name: 'Authorization', in: 'header' };
  if (apiType === 'REST' && scheme.type === 'apiKey') {
    const single = singleSource(authorizer.identitySource);
    if (readsOneHeader(authorizer.kind) && single?.in === 'header') scheme.name = single.name;
    if (authorizer.kind === 'LAMBDA_REQUEST' && !imported) {
      scheme.name = single?.name ?? 'Unused';
      scheme.in = single?.in ?? 'header';
    }
  }
  if (apiType === 'HTTP' && authorizer.kind === 'LAMBDA_REQUEST' && !imported) {
    const header = /^\$request\.header\.([^,\s]+)$/.exec(authorizer.identitySource ?? '');
    scheme.name = header?.[1] ?? 'Unused';
  }
  const authtype =
    authorizer.authType ??
    (imported || apiType !== 'REST' ? (authorizer.kind === 'IAM' ? 'awsSigv4' : undefined) : defaultAuthtypes[authorizer.kind]);
  if (authtype !== undefined) scheme[authtypeKey] = authtype;
  const leftover = authorizer.extensions?.[authorizerKey];
  if (authorizer.kind !== 'IAM') {
    const body: JsonObject = { type: typeByKind[authorizer.kind] as string };
    if (authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'LAMBDA_REQUEST') {
      if (authorizer.rawAuthorizerUri !== undefined) body.authorizerUri = cloneJson(authorizer.rawAuthorizerUri);
      else if (authorizer.functionArn !== undefined) body.authorizerUri = authorizerUriOf(authorizer.functionArn);
    }
    if (authorizer.credentials !== undefined) body.authorizerCredentials = cloneJson(authorizer.credentials);
    const impliedByScheme =
      apiType === 'REST' &&
      (authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'COGNITO_USER_POOLS') &&
      authorizer.identitySource === schemeIdentitySource(scheme as Extensions) &&
      scheme.in === 'header';
    if (authorizer.identitySource !== undefined && !impliedByScheme) body.identitySource = authorizer.identitySource;
    if (authorizer.identityValidationExpression !== undefined) body.identityValidationExpression = authorizer.identityValidationExpression;
    if (authorizer.resultTtlSeconds !== undefined) body.authorizerResultTtlInSeconds = authorizer.resultTtlSeconds;
    if (authorizer.kind === 'COGNITO_USER_POOLS') body.providerARNs = cloneJson(authorizer.providerArns);
    if (authorizer.kind === 'JWT') {
      const jwt: JsonObject = apiType === 'REST' ? writeRestJwtConfiguration(authorizer) : {};
      if (apiType !== 'REST') {
        if (authorizer.jwtIssuer !== undefined) jwt.issuer = authorizer.jwtIssuer;
        jwt.audience = [...authorizer.jwtAudience];
      }
      if (isJsonObject(leftover) && isJsonObject(own(leftover, 'jwtConfiguration')))
        for (const [key, value] of Object.entries(own(leftover, 'jwtConfiguration') as JsonObject)) setOwn(jwt, key, cloneJson(value));
      body.jwtConfiguration = jwt;
    }
    // HTTP API fields: a REST API converted from an HTTP API may keep them, but written into a REST
    // document they would make it read as an HTTP API.
    if (apiType === 'HTTP') {
      if (authorizer.payloadFormatVersion !== undefined) body.authorizerPayloadFormatVersion = authorizer.payloadFormatVersion;
      if (authorizer.enableSimpleResponses !== undefined) body.enableSimpleResponses = authorizer.enableSimpleResponses;
    }
    if (isJsonObject(leftover))
      for (const [key, value] of Object.entries(leftover))
        if (key !== 'jwtConfiguration' && (key === 'type' || !Object.hasOwn(body, key))) setOwn(body, key, cloneJson(value));
    scheme[authorizerKey] = body;
  }
  for (const [key, value] of Object.entries(authorizer.extensions ?? {}))
    if (key !== authorizerKey && key !== authKey && !Object.hasOwn(scheme, key)) setOwn(scheme, key, cloneJson(value));
  return scheme;
}
