import type { IntegrationId } from './ids';
import type { Extensions, JsonObject, TextOrIntrinsic } from './json';

/**
 * An integration target is a backend on the canvas (a Lambda function, an HTTP endpoint, an AWS
 * service action, a mock, a private endpoint behind a VPC link). Many methods may point at one target;
 * what differs per method (proxy or custom, timeout, mappings) lives in the method's `IntegrationBinding`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-integration-types.html
 */
export const integrationKinds = ['LAMBDA', 'HTTP', 'AWS_SERVICE', 'MOCK', 'VPC_LINK'] as const;
export type IntegrationKind = (typeof integrationKinds)[number];

interface TargetBase {
  id: IntegrationId;
  /** A label for people; not sent to AWS. */
  name: string;
  description?: string;
  /**
   * The integration `uri` exactly as imported when Portico could not take it apart (CloudFormation
   * intrinsics, Terraform placeholders). When set it wins over the fields that would build the URI.
   */
  rawUri?: TextOrIntrinsic;
  /** IAM role API Gateway assumes to call the backend (`credentials`). */
  credentials?: TextOrIntrinsic;
  extensions?: Extensions;
}

export interface LambdaTarget extends TargetBase {
  kind: 'LAMBDA';
  /** `arn:aws:lambda:{region}:{account}:function:{name}[:{alias}]`; may hold `${stageVariables.x}`. */
  functionArn: string;
  /** Region of the `arn:aws:apigateway:{region}:lambda:…` invocation URI. @default region of functionArn */
  region?: string;
  /** Partition of the invocation URI. @default 'aws' */
  partition?: string;
  /**
   * @deprecated Streaming is chosen per method: `IntegrationBinding.responseTransferMode`. Older designs
   * set it here; `parseDesign` moves it onto the bindings, and `responseTransferModeOf` still reads it.
   */
  streaming?: boolean;
}

export interface HttpTarget extends TargetBase {
  kind: 'HTTP';
  /** Full URL, path parameters as `{name}`; may hold `${stageVariables.x}`. */
  url: string;
  /** Verb API Gateway uses to call the endpoint, or ANY. */
  httpMethod: string;
}

/**
 * An AWS service action, in action style (`arn:aws:apigateway:{region}:{service}:action/{Action}`) or
 * path style (`…:{service}:path/{path}`). For HTTP APIs, the first-class integrations
 * (`integrationSubtype` such as `SQS-SendMessage`) are AWS service targets too.
 */
export interface AwsServiceTarget extends TargetBase {
  kind: 'AWS_SERVICE';
  /** Service as API Gateway names it: `sqs`, `s3`, `dynamodb`, `states`, `sns`, `kinesis`, `events`… */
  service: string;
  region: string;
  partition?: string;
  /** Host subdomain for services addressed that way (an S3 bucket). */
  subdomain?: string;
  style: 'action' | 'path';
  /** The action (`SendMessage`) or the path (`123456789012/orders-queue`). */
  actionOrPath: string;
  httpMethod: string;
  /** HTTP API first-class integration subtype, e.g. `SQS-SendMessage`. */
  integrationSubtype?: string;
  /**
   * The least-privilege policy of the role API Gateway assumes to call the service, when Portico creates
   * that role (a service integration scaffold writes it): the CDK program creates a role trusted by
   * apigateway.amazonaws.com with exactly this policy. `credentials` may still name the role's ARN once it
   * exists, for the OpenAPI export, which cannot create roles.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
   */
  rolePolicy?: IntegrationRolePolicy;
}

/** An `Allow` statement of an IAM policy: these actions (`sqs:SendMessage`) on these resource ARNs. */
export interface IamPolicyStatement {
  actions: string[];
  resources: string[];
}

/** The identity-based policy of a role Portico creates for an integration. */
export interface IntegrationRolePolicy {
  statements: IamPolicyStatement[];
}

export interface MockTarget extends TargetBase {
  kind: 'MOCK';
}

/** A private backend (an NLB or ALB) reached through a VPC link. */
export interface VpcLinkTarget extends TargetBase {
  kind: 'VPC_LINK';
  /** VPC link id, or `${stageVariables.vpcLinkId}`. */
  connectionId: TextOrIntrinsic;
  /** URL sent to the load balancer (REST), or listener / Cloud Map ARN (HTTP APIs). */
  url: TextOrIntrinsic;
  httpMethod: string;
  /**
   * REST APIs: the Application or Network Load Balancer's ARN a VPC link V2 sends requests to
   * (`integrationTarget`); its presence is what makes the link a V2 one (an empty text is a V2 link whose
   * load balancer is not chosen yet). Absent: a VPC link V1 (legacy) to a Network Load Balancer.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
   */
  integrationTarget?: TextOrIntrinsic;
}

export type IntegrationTarget = LambdaTarget | HttpTarget | AwsServiceTarget | MockTarget | VpcLinkTarget;

export const passthroughBehaviors = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;
export type PassthroughBehavior = (typeof passthroughBehaviors)[number];

export const contentHandlings = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const;

/**
 * How API Gateway returns the integration's answer: all at once (`BUFFERED`, the default) or as it
 * arrives (`STREAM`, REST proxy integrations only).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
export const responseTransferModes = ['BUFFERED', 'STREAM'] as const;
export type ResponseTransferMode = (typeof responseTransferModes)[number];
export type ContentHandling = (typeof contentHandlings)[number];

/**
 * An integration response of a custom (non-proxy) integration: maps a backend answer, chosen by a
 * selection pattern, to a method response.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-response.html
 */
export interface IntegrationResponse {
  /** Regex on the status code or Lambda error message; `default` for the catch-all. */
  selectionPattern: string;
  statusCode: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  contentHandling?: ContentHandling;
}

/**
 * How one method or route uses its integration target.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
 */
export interface IntegrationBinding {
  integrationId: IntegrationId;
  /** Proxy (`aws_proxy`/`http_proxy`) passes the request through; custom (`aws`/`http`) maps it. */
  proxy: boolean;
  /** 50–29,000 ms on REST APIs (up to 900,000 when streaming), 50–30,000 ms on HTTP APIs. @default 29000 / 30000 */
  timeoutInMillis?: number;
  /**
   * REST: `STREAM` sends the response as the backend produces it (a Lambda target is then called through
   * its `response-streaming-invocations` URI). @default 'BUFFERED'
   */
  responseTransferMode?: ResponseTransferMode;
  passthroughBehavior?: PassthroughBehavior;
  contentHandling?: ContentHandling;
  /** REST: `integration.request.{path|querystring|header}.x` → source; HTTP: `overwrite:header.x` → value. */
  requestParameters: Record<string, TextOrIntrinsic>;
  /** Content type → mapping template (VTL). */
  requestTemplates: Record<string, TextOrIntrinsic>;
  responses: IntegrationResponse[];
  cacheKeyParameters: string[];
  cacheNamespace?: string;
  /** HTTP APIs: Lambda payload format `1.0` or `2.0`. */
  payloadFormatVersion?: string;
  tlsConfig?: { insecureSkipVerification?: boolean; serverNameToVerify?: string };
  /** HTTP APIs: response parameter mappings by status code. */
  responseParameters?: Record<string, Record<string, string>>;
  /** Case the document wrote `type` and `passthroughBehavior` in, so that a round trip is stable. */
  typeCase?: 'lower' | 'upper';
  /** Fields of `x-amazon-apigateway-integration` Portico does not model. */
  extensions?: JsonObject;
  /** Samples for Portico's offline test bench (issue 13): Portico's own data, left out of every export. */
  testSamples?: IntegrationTestSamples;
}

/**
 * A sample method request and backend response kept with a method, so that its mapping templates can be
 * tried again after a reload. Portico's own data: no export writes it (OpenAPI, CDK) and AWS never sees it.
 */
export interface IntegrationTestSamples {
  request?: TestRequestSample;
  response?: TestResponseSample;
}

export interface TestRequestSample {
  pathParameters: Record<string, string>;
  queryStringParameters: Record<string, string>;
  headers: Record<string, string>;
  /** The raw payload; empty for none. */
  body: string;
  /** The stage the request reaches: its variables are the request's `$stageVariables`. */
  stageId?: string;
  /** `$context` values by their name after `$context.`: `identity.sourceIp`, `authorizer.claims.sub`. */
  context: Record<string, string>;
}

export interface TestResponseSample {
  /** What the backend answered (an HTTP or AWS service integration), or `200` for a Lambda function. */
  statusCode: string;
  headers: Record<string, string>;
  body: string;
  /** A Lambda function that failed: its `errorMessage`, which the selection patterns are matched against. */
  errorMessage?: string;
}

export function newBinding(integrationId: IntegrationId, proxy: boolean): IntegrationBinding {
  return {
    integrationId,
    proxy,
    requestParameters: {},
    requestTemplates: {},
    responses: [],
    cacheKeyParameters: [],
  };
}
