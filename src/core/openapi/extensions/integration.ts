import {
  type ApiType,
  type ContentHandling,
  contentHandlings,
  type IntegrationBinding,
  type IntegrationResponse,
  type IntegrationTarget,
  isJsonObject,
  isStreaming,
  type JsonObject,
  type JsonValue,
  type PassthroughBehavior,
  passthroughBehaviors,
  type ResponseTransferMode,
  responseTransferModes,
  type TextOrIntrinsic,
} from '../../model';
import { readableText, substitutionTemplate } from '../cfn-tags';
import { canonicalJson, cloneJson, own, setOwn, stringList, stringRecord, textOrIntrinsicRecord } from '../json-access';
import { buildLambdaUri, buildServiceUri, functionLabel, parseFunctionArn, parseLambdaUri, parseServiceUri } from '../uris';
import { createdRoleArn, writesCreatedRole } from './integration-role';

/**
 * `x-amazon-apigateway-integration`: how a method (REST) or route (HTTP) calls its backend.
 * Portico splits it in two: the backend itself (an integration *target*, one node on the canvas shared
 * by every method that calls the same thing) and the per-method settings (the *binding*: proxy or not,
 * mappings, timeout…). Fields Portico does not model stay in `binding.extensions` and are written back
 * as they came.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
export const integrationKey = 'x-amazon-apigateway-integration';

/** An integration target without its id (as read from a document, before the import gives it one). */
export type TargetData = IntegrationTarget extends infer T ? (T extends IntegrationTarget ? Omit<T, 'id'> : never) : never;

export interface ImportedIntegration {
  target: TargetData;
  /** `targetIdentity(target)`, computed once. */
  identity: string;
  binding: Omit<IntegrationBinding, 'integrationId'>;
  /** Things read differently than written, for the import notes. */
  notes: string[];
}

/** Targets read in one import, by the fields they are made of (see `readIntegration`). */
export type TargetCache = Map<string, { target: TargetData; identity: string; consumed: string[]; notes: string[] } | { reason: string }>;

export type ReadIntegrationResult = { ok: true; integration: ImportedIntegration } | { ok: false; reason: string };

const isTextOrIntrinsic = (value: JsonValue | undefined): value is TextOrIntrinsic => typeof value === 'string' || isJsonObject(value);

/** The `type` API Gateway knows, lower case. */
const integrationTypes = ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'] as const;
type IntegrationType = (typeof integrationTypes)[number];

function typeCaseOf(type: string): 'lower' | 'upper' {
  return type === type.toUpperCase() && type !== type.toLowerCase() ? 'upper' : 'lower';
}

/** The service and action a first-class HTTP API integration subtype names (`SQS-SendMessage`). */
function subtypeParts(subtype: string): { service: string; action: string } {
  const dash = subtype.indexOf('-');
  return dash === -1
    ? { service: subtype.toLowerCase(), action: subtype }
    : { service: subtype.slice(0, dash).toLowerCase(), action: subtype.slice(dash + 1) };
}

/**
 * Reads a Lambda URI (or a bare function ARN, which HTTP APIs accept) into a target, keeping the text
 * exact. `streams` is whether the integration streams its response: the export derives the URI's
 * streaming form from that, so a URI that does not match it (the ordinary one with STREAM, which
 * API Gateway refuses, or the streaming one without) is kept as written.
 */
function lambdaTarget(uri: TextOrIntrinsic, credentials: TextOrIntrinsic | undefined, streams: boolean): TargetData | undefined {
  const template = substitutionTemplate(uri);
  if (template === undefined) return undefined;
  const parsed = parseLambdaUri(template);
  const base = { kind: 'LAMBDA' as const, name: '', ...(credentials === undefined ? {} : { credentials }) };
  if (!parsed) {
    if (typeof uri === 'string' && parseFunctionArn(uri)) return { ...base, functionArn: uri, rawUri: uri };
    return undefined;
  }
  const fn = parseFunctionArn(parsed.functionArn);
  const target: TargetData = { ...base, functionArn: parsed.functionArn };
  if (parsed.partition !== (fn?.partition ?? 'aws')) target.partition = parsed.partition;
  if (parsed.region !== fn?.region) target.region = parsed.region;
  // Whatever cannot be rebuilt byte for byte from the parts is kept as written.
  if (typeof uri !== 'string' || buildLambdaUri(lambdaUriParts(target, streams)) !== uri) target.rawUri = uri;
  return target;
}

function lambdaUriParts(target: Extract<TargetData, { kind: 'LAMBDA' }>, streaming: boolean) {
  const fn = parseFunctionArn(target.functionArn);
  return {
    partition: target.partition ?? fn?.partition ?? 'aws',
    region: target.region ?? fn?.region ?? 'us-east-1',
    functionArn: target.functionArn,
    streaming,
  };
}

function serviceTarget(uri: TextOrIntrinsic, httpMethod: string, credentials: TextOrIntrinsic | undefined): TargetData | undefined {
  const template = substitutionTemplate(uri);
  const parsed = template === undefined ? undefined : parseServiceUri(template);
  if (!parsed) return undefined;
  const target: TargetData = {
    kind: 'AWS_SERVICE',
    name: '',
    service: parsed.service,
    region: parsed.region,
    style: parsed.style,
    actionOrPath: parsed.actionOrPath,
    httpMethod,
    ...(parsed.partition === 'aws' ? {} : { partition: parsed.partition }),
    ...(parsed.subdomain === undefined ? {} : { subdomain: parsed.subdomain }),
    ...(credentials === undefined ? {} : { credentials }),
  };
  if (typeof uri !== 'string' || buildServiceUri({ ...parsed }) !== uri) target.rawUri = uri;
  return target;
}

/**
 * The `uri` the exporter writes for a target (undefined for mocks and first-class HTTP API
 * integrations); a Lambda function is called through its streaming URI when the method streams.
 */
export function integrationUri(target: TargetData, streaming = false): TextOrIntrinsic | undefined {
  if (target.rawUri !== undefined) return target.rawUri;
  switch (target.kind) {
    case 'LAMBDA':
      return buildLambdaUri(lambdaUriParts(target, streaming));
    case 'AWS_SERVICE':
      if (target.integrationSubtype !== undefined) return undefined;
      return buildServiceUri({
        partition: target.partition ?? 'aws',
        region: target.region,
        service: target.service,
        style: target.style,
        actionOrPath: target.actionOrPath,
        ...(target.subdomain === undefined ? {} : { subdomain: target.subdomain }),
      });
    case 'HTTP':
      return target.url;
    case 'VPC_LINK':
      return target.url === '' ? undefined : target.url;
    case 'MOCK':
      return undefined;
  }
}

/**
 * What makes two integrations the same backend: kind, URI, credentials, and the fields of the target
 * that the document writes per integration (verb, VPC link, subtype). Methods whose integrations have
 * the same identity share one target on the canvas.
 */
export function targetIdentity(target: TargetData): string {
  const parts: (JsonValue | undefined)[] = [target.kind, integrationUri(target) ?? null, target.credentials ?? null];
  if (target.kind === 'HTTP' || target.kind === 'AWS_SERVICE' || target.kind === 'VPC_LINK') parts.push(target.httpMethod);
  if (target.kind === 'VPC_LINK') parts.push(target.connectionId, target.integrationTarget ?? null);
  if (target.kind === 'AWS_SERVICE') parts.push(target.integrationSubtype ?? null);
  return canonicalJson(parts.map((part) => part ?? null));
}

/** A label for the canvas (targets have no name in OpenAPI). */
export function targetLabel(target: TargetData): string {
  switch (target.kind) {
    case 'LAMBDA':
      return functionLabel(target.functionArn) || 'Lambda function';
    case 'AWS_SERVICE':
      if (target.integrationSubtype) return target.integrationSubtype;
      return `${target.service} ${target.actionOrPath}`.trim().slice(0, 80);
    case 'HTTP': {
      const url = readableText(target.rawUri ?? target.url);
      return url.replace(/^https?:\/\//, '').slice(0, 80) || 'HTTP endpoint';
    }
    case 'VPC_LINK':
      return `VPC link ${readableText(target.url).replace(/^https?:\/\//, '')}`.trim().slice(0, 80);
    case 'MOCK':
      return 'Mock';
  }
}

function readResponses(value: JsonValue): IntegrationResponse[] | undefined {
  if (!isJsonObject(value)) return undefined;
  const responses: IntegrationResponse[] = [];
  for (const [selectionPattern, raw] of Object.entries(value)) {
    if (!isJsonObject(raw)) return undefined;
    const response: IntegrationResponse = { selectionPattern, statusCode: '', responseParameters: {}, responseTemplates: {} };
    for (const [key, item] of Object.entries(raw)) {
      if (key === 'statusCode' && (typeof item === 'string' || typeof item === 'number')) response.statusCode = String(item);
      else if (key === 'responseParameters' && stringRecord(item))
        response.responseParameters = stringRecord(item) as Record<string, string>;
      else if (key === 'responseTemplates' && stringRecord(item)) response.responseTemplates = stringRecord(item) as Record<string, string>;
      else if (key === 'contentHandling' && (contentHandlings as readonly JsonValue[]).includes(item))
        response.contentHandling = item as ContentHandling;
      else return undefined;
    }
    if (!Object.hasOwn(raw, 'statusCode')) return undefined;
    responses.push(response);
  }
  return responses;
}

function readHttpResponseParameters(value: JsonValue): Record<string, Record<string, string>> | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: Record<string, Record<string, string>> = {};
  for (const [statusCode, mappings] of Object.entries(value)) {
    const record = stringRecord(mappings);
    if (!record) return undefined;
    result[statusCode] = record;
  }
  return result;
}

/** `1.0`/`2.0` written as numbers by some tools are the strings API Gateway documents. */
export function formatVersionText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? value.toFixed(1) : String(value);
  return undefined;
}

/** The fields of an integration object that make its target. */
const targetFields = [
  'type',
  'uri',
  'credentials',
  'httpMethod',
  'integrationSubtype',
  'connectionType',
  'connectionId',
  'integrationTarget',
  // A Lambda URI is read against the transfer mode (see `lambdaTarget`).
  'responseTransferMode',
];

/** The target an integration object calls, with the keys it used; undefined fields are absent. */
function readTarget(
  raw: JsonObject,
  apiType: ApiType,
): { target: TargetData; identity: string; consumed: string[]; notes: string[] } | { reason: string } {
  const typeValue = own(raw, 'type');
  if (typeof typeValue !== 'string') return { reason: 'it has no "type"' };
  const type = typeValue.toLowerCase() as IntegrationType;
  if (!(integrationTypes as readonly string[]).includes(type)) return { reason: `its type "${typeValue}" is not one API Gateway knows` };
  if (apiType === 'HTTP' && type === 'mock') return { reason: 'HTTP APIs have no mock integrations' };
  const notes: string[] = [];
  const uri = own(raw, 'uri');
  if (uri !== undefined && !isTextOrIntrinsic(uri)) return { reason: 'its "uri" is neither text nor a CloudFormation expression' };
  const credentialsValue = own(raw, 'credentials');
  if (credentialsValue !== undefined && !isTextOrIntrinsic(credentialsValue))
    return { reason: 'its "credentials" are neither text nor a CloudFormation expression' };
  // The parsed document belongs to this import alone, so its values are used without copying.
  const credentials = credentialsValue;
  const httpMethodValue = own(raw, 'httpMethod');
  if (httpMethodValue !== undefined && typeof httpMethodValue !== 'string') return { reason: 'its "httpMethod" is not text' };
  const httpMethod = httpMethodValue ?? '';
  const subtype = own(raw, 'integrationSubtype');
  const connectionType = own(raw, 'connectionType');
  /** Keys turned into model fields; everything else goes to `binding.extensions`. */
  const consumed = new Set<string>(['type']);

  let target: TargetData | undefined;
  if (type === 'mock') target = { kind: 'MOCK', name: '' };
  else if (type === 'http' || type === 'http_proxy') {
    if (typeof connectionType === 'string' && connectionType.toUpperCase() === 'VPC_LINK') {
      const connectionId = own(raw, 'connectionId');
      const integrationTarget = own(raw, 'integrationTarget');
      if (connectionId !== undefined && !isTextOrIntrinsic(connectionId)) return { reason: 'its "connectionId" is not text' };
      if (integrationTarget !== undefined && !isTextOrIntrinsic(integrationTarget))
        return { reason: 'its "integrationTarget" is not text' };
      target = {
        kind: 'VPC_LINK',
        name: '',
        connectionId: connectionId === undefined ? '' : connectionId,
        url: uri === undefined ? '' : uri,
        httpMethod,
        ...(integrationTarget === undefined ? {} : { integrationTarget: integrationTarget }),
      };
      if (connectionType !== 'VPC_LINK') notes.push(`connectionType "${connectionType}" is written VPC_LINK.`);
      for (const key of ['connectionType', 'connectionId', 'integrationTarget']) consumed.add(key);
    } else {
      if (uri === undefined) return { reason: 'an HTTP integration needs a "uri"' };
      target =
        typeof uri === 'string'
          ? { kind: 'HTTP', name: '', url: uri, httpMethod }
          : { kind: 'HTTP', name: '', url: readableText(uri), rawUri: uri, httpMethod };
    }
    consumed.add('uri');
    consumed.add('httpMethod');
  } else if (typeof subtype === 'string') {
    // HTTP API first-class integration: the subtype names the service action; there is usually no URI.
    const parts = subtypeParts(subtype);
    target = {
      kind: 'AWS_SERVICE',
      name: '',
      service: parts.service,
      region: '',
      style: 'action',
      actionOrPath: parts.action,
      httpMethod,
      integrationSubtype: subtype,
      ...(uri === undefined ? {} : { rawUri: uri }),
    };
    for (const key of ['integrationSubtype', 'uri', 'httpMethod']) consumed.add(key);
  } else {
    if (uri === undefined) return { reason: `an integration of type ${typeValue} needs a "uri"` };
    const streams = own(raw, 'responseTransferMode') === 'STREAM';
    target = lambdaTarget(uri, undefined, streams) ?? serviceTarget(uri, httpMethod, undefined);
    const template = substitutionTemplate(uri);
    const written = template === undefined ? undefined : parseLambdaUri(template);
    if (written && written.streaming !== streams)
      notes.push(
        streams
          ? 'A streaming Lambda integration whose URI is the ordinary …/invocations one is kept as written; API Gateway needs …/2021-11-15/functions/{arn}/response-streaming-invocations to stream.'
          : 'A Lambda URI ending in response-streaming-invocations without responseTransferMode STREAM is kept as written.',
      );
    // A URI Portico cannot take apart (a Terraform `${var}`, a `Ref`): proxy integrations of type
    // aws_proxy are Lambda functions in practice; custom ones are kept as an AWS service call.
    target ??=
      type === 'aws_proxy'
        ? { kind: 'LAMBDA', name: '', functionArn: readableText(uri), rawUri: uri }
        : {
            kind: 'AWS_SERVICE',
            name: '',
            service: 'unknown',
            region: '',
            style: 'action',
            actionOrPath: readableText(uri),
            httpMethod,
            rawUri: uri,
          };
    consumed.add('uri');
    // Lambda is always called with POST, so the model has no verb for it: another verb is kept as written.
    if (target.kind !== 'LAMBDA' || httpMethod === 'POST') consumed.add('httpMethod');
    else if (httpMethodValue === undefined) {
      consumed.add('httpMethod');
      notes.push('A Lambda integration without "httpMethod": API Gateway calls Lambda with POST, which the export writes.');
    }
  }
  if (credentials !== undefined) target.credentials = credentials;
  consumed.add('credentials');
  target.name = targetLabel(target);
  return { target, identity: targetIdentity(target), consumed: [...consumed], notes };
}

/** Reads one `x-amazon-apigateway-integration` object, or says why it has to be kept as written. */
export function readIntegration(raw: JsonObject, apiType: ApiType, cache?: TargetCache): ReadIntegrationResult {
  // Many operations call the same backend: the target is read once per distinct set of target fields.
  const key = cache ? JSON.stringify(targetFields.map((field) => own(raw, field) ?? null)) : '';
  let read = cache?.get(key);
  if (!read) {
    read = readTarget(raw, apiType);
    cache?.set(key, read);
  }
  if ('reason' in read) return { ok: false, reason: read.reason };
  const { target, identity, notes } = read;
  const typeValue = own(raw, 'type') as string;
  const type = typeValue.toLowerCase();
  const consumed = new Set(read.consumed);
  const binding: Omit<IntegrationBinding, 'integrationId'> = {
    proxy: type.endsWith('_proxy'),
    requestParameters: {},
    requestTemplates: {},
    responses: [],
    cacheKeyParameters: [],
    typeCase: typeCaseOf(typeValue),
  };
  const passthrough = own(raw, 'passthroughBehavior');
  if (typeof passthrough === 'string' && (passthroughBehaviors as readonly string[]).includes(passthrough.toUpperCase())) {
    binding.passthroughBehavior = passthrough.toUpperCase() as PassthroughBehavior;
    consumed.add('passthroughBehavior');
  }
  const contentHandling = own(raw, 'contentHandling');
  if (typeof contentHandling === 'string' && (contentHandlings as readonly string[]).includes(contentHandling)) {
    binding.contentHandling = contentHandling as ContentHandling;
    consumed.add('contentHandling');
  }
  const timeout = own(raw, 'timeoutInMillis');
  if (typeof timeout === 'number' && Number.isInteger(timeout)) {
    binding.timeoutInMillis = timeout;
    consumed.add('timeoutInMillis');
  }
  // Read whatever the integration type: streaming where API Gateway refuses it is for the rules to say.
  const transferMode = own(raw, 'responseTransferMode');
  if (typeof transferMode === 'string' && (responseTransferModes as readonly string[]).includes(transferMode)) {
    binding.responseTransferMode = transferMode as ResponseTransferMode;
    consumed.add('responseTransferMode');
  }
  const requestParameters = textOrIntrinsicRecord(own(raw, 'requestParameters'));
  if (requestParameters) {
    binding.requestParameters = requestParameters;
    consumed.add('requestParameters');
  }
  const requestTemplates = textOrIntrinsicRecord(own(raw, 'requestTemplates'));
  if (requestTemplates) {
    binding.requestTemplates = requestTemplates;
    consumed.add('requestTemplates');
  }
  const responsesValue = own(raw, 'responses');
  const responses = responsesValue === undefined ? undefined : readResponses(responsesValue);
  if (responses) {
    binding.responses = responses;
    consumed.add('responses');
  }
  const cacheKeyParameters = stringList(own(raw, 'cacheKeyParameters'));
  if (cacheKeyParameters) {
    binding.cacheKeyParameters = cacheKeyParameters;
    consumed.add('cacheKeyParameters');
  }
  const cacheNamespace = own(raw, 'cacheNamespace');
  if (typeof cacheNamespace === 'string') {
    binding.cacheNamespace = cacheNamespace;
    consumed.add('cacheNamespace');
  }
  // HTTP APIs only: a REST document keeps it as written (it is an HTTP API signal, see detect-api-type).
  const payloadFormatVersion = apiType === 'HTTP' ? formatVersionText(own(raw, 'payloadFormatVersion')) : undefined;
  if (payloadFormatVersion !== undefined) {
    binding.payloadFormatVersion = payloadFormatVersion;
    consumed.add('payloadFormatVersion');
  }
  const tls = own(raw, 'tlsConfig');
  if (isJsonObject(tls)) {
    const skip = own(tls, 'insecureSkipVerification');
    const serverName = own(tls, 'serverNameToVerify');
    const known = Object.keys(tls).every(
      (key) =>
        (key === 'insecureSkipVerification' && typeof skip === 'boolean') ||
        (key === 'serverNameToVerify' && typeof serverName === 'string'),
    );
    if (known) {
      binding.tlsConfig = {
        ...(typeof skip === 'boolean' ? { insecureSkipVerification: skip } : {}),
        ...(typeof serverName === 'string' ? { serverNameToVerify: serverName } : {}),
      };
      consumed.add('tlsConfig');
    }
  }
  const responseParameters = own(raw, 'responseParameters');
  if (responseParameters !== undefined) {
    const parsed = readHttpResponseParameters(responseParameters);
    if (parsed) {
      binding.responseParameters = parsed;
      consumed.add('responseParameters');
    }
  }
  const extensions: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) if (!consumed.has(key)) setOwn(extensions, key, value);
  if (Object.keys(extensions).length > 0) binding.extensions = extensions;
  return { ok: true, integration: { target, identity, binding, notes } };
}

function typeName(target: TargetData, binding: Pick<IntegrationBinding, 'proxy'>): IntegrationType {
  switch (target.kind) {
    case 'LAMBDA':
    case 'AWS_SERVICE':
      return binding.proxy ? 'aws_proxy' : 'aws';
    case 'HTTP':
    case 'VPC_LINK':
      return binding.proxy ? 'http_proxy' : 'http';
    case 'MOCK':
      return 'mock';
  }
}

/**
 * Writes one `x-amazon-apigateway-integration`. Keys come in a fixed order (stable exports), model
 * fields first, then the fields Portico kept without modelling them. A kept field never replaces a
 * modelled one, except the verb of a Lambda or mock integration, which Portico does not model.
 */
export function writeIntegration(target: TargetData, binding: Omit<IntegrationBinding, 'integrationId'>, apiType: ApiType): JsonObject {
  const upper = (binding.typeCase ?? (apiType === 'HTTP' ? 'upper' : 'lower')) === 'upper';
  const cased = (value: string) => (upper ? value.toUpperCase() : value.toLowerCase());
  const out: JsonObject = { type: cased(typeName(target, binding)) };
  if (target.kind === 'AWS_SERVICE' && target.integrationSubtype !== undefined) out.integrationSubtype = target.integrationSubtype;
  if (target.kind === 'VPC_LINK') {
    out.connectionType = 'VPC_LINK';
    if (target.connectionId !== '') out.connectionId = cloneJson(target.connectionId);
    if (target.integrationTarget !== undefined) out.integrationTarget = cloneJson(target.integrationTarget);
  }
  if (target.kind === 'LAMBDA') out.httpMethod = 'POST';
  else if (target.kind !== 'MOCK' && target.httpMethod !== '') out.httpMethod = target.httpMethod;
  // An older design's streaming Lambda target streams for its methods (see responseTransferModeOf).
  const transferMode = binding.responseTransferMode ?? (isStreaming(binding, target) ? 'STREAM' : undefined);
  const uri = integrationUri(target, transferMode === 'STREAM');
  if (uri !== undefined) out.uri = cloneJson(uri);
  if (target.credentials !== undefined) out.credentials = cloneJson(target.credentials);
  else if (target.kind === 'AWS_SERVICE' && writesCreatedRole(target)) out.credentials = createdRoleArn(target);
  if (Object.keys(binding.requestParameters).length > 0) out.requestParameters = cloneJson(binding.requestParameters);
  if (Object.keys(binding.requestTemplates).length > 0) out.requestTemplates = cloneJson(binding.requestTemplates);
  if (binding.passthroughBehavior !== undefined) out.passthroughBehavior = cased(binding.passthroughBehavior);
  if (binding.contentHandling !== undefined) out.contentHandling = binding.contentHandling;
  if (binding.timeoutInMillis !== undefined) out.timeoutInMillis = binding.timeoutInMillis;
  if (transferMode !== undefined) out.responseTransferMode = transferMode;
  if (binding.cacheNamespace !== undefined) out.cacheNamespace = binding.cacheNamespace;
  if (binding.cacheKeyParameters.length > 0) out.cacheKeyParameters = [...binding.cacheKeyParameters];
  if (binding.responses.length > 0) {
    const responses: JsonObject = {};
    for (const response of binding.responses) {
      const item: JsonObject = { statusCode: response.statusCode };
      if (Object.keys(response.responseParameters).length > 0) item.responseParameters = { ...response.responseParameters };
      if (Object.keys(response.responseTemplates).length > 0) item.responseTemplates = { ...response.responseTemplates };
      if (response.contentHandling !== undefined) item.contentHandling = response.contentHandling;
      setOwn(responses, response.selectionPattern, item);
    }
    out.responses = responses;
  }
  if (binding.responseParameters !== undefined && Object.keys(binding.responseParameters).length > 0)
    out.responseParameters = cloneJson(binding.responseParameters);
  if (binding.tlsConfig !== undefined) out.tlsConfig = { ...binding.tlsConfig };
  // REST integrations have no payload format: a REST API converted from an HTTP API keeps the field in its
  // bindings, and written here it would make the document read as an HTTP API.
  if (apiType === 'HTTP') out.payloadFormatVersion = binding.payloadFormatVersion ?? (target.kind === 'LAMBDA' ? '2.0' : '1.0');
  const overridable = new Set(target.kind === 'LAMBDA' ? ['httpMethod'] : target.kind === 'MOCK' ? ['httpMethod', 'uri'] : []);
  // A field written as a default because the document's value could not be read (a CloudFormation
  // expression) is written as the document had it.
  if (binding.payloadFormatVersion === undefined) overridable.add('payloadFormatVersion');
  for (const [key, value] of Object.entries(binding.extensions ?? {}))
    if (!Object.hasOwn(out, key) || overridable.has(key)) setOwn(out, key, cloneJson(value));
  return out;
}
