import fc from 'fast-check';
import type { Design, StageId } from '../../model';
import { ids } from '../../model/testing/design-builder';
import { httpEveryKind, restApiSettings, restStagesAndPlans, webSocketEveryKind } from './fixtures';

/**
 * Hostile text for property tests: everything that breaks naive code generation (quotes, backticks,
 * `${`, comment ends, line terminators, backslashes, bidirectional overrides, lone surrogates) and
 * everything the CDK or CloudFormation would read as code (token markers, dynamic references, pseudo
 * parameters). The designs put it in every free-text field the generator writes.
 */
const fragments = [
  "'",
  '"',
  '`',
  `\${`,
  '}',
  '*/',
  '/*',
  '//',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\\',
  '\\u0041',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\0',
  '\ud800',
  '</script>',
  '__proto__',
  `\${Token[AWS.AccountId.1]}`,
  '#{Token[TOKEN.12]}',
  '{{resolve:ssm:/prod/db/password}}',
  '{{resolve:secretsmanager:MySecret:SecretString:password}}',
  `\${AWS::Region}`,
  `\${stageVariables.fn}`,
  "'); process.exit(1); ('",
  '"]}); new Function("x")(); ({"',
  '😀',
  'é',
];

/** A hostile, non-empty text of at most 60 characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join('').slice(0, 60))
  .filter((text) => text.trim().length > 0);

/** Where each text went, to find it again in the template: the CloudFormation type and property. */
export interface Placement {
  type: string;
  property: string;
  text: string;
}

export interface HostileCase {
  design: Design;
  placements: Placement[];
}

/** Puts the texts into a REST design (names, descriptions, templates, variables, tags, plans, keys). */
function restCase(texts: string[]): HostileCase {
  const text = (index: number) => texts[index % texts.length] as string;
  const design = restStagesAndPlans();
  const settings = restApiSettings();
  design.api.name = text(0);
  design.api.description = text(1);
  design.api.tags = { label: text(2) };
  design.models = settings.models;
  const customer = Object.values(design.models).find((model) => model.name === 'Customer');
  if (customer) customer.description = text(3);
  design.requestValidators = {
    [ids.val('v')]: { id: ids.val('v'), name: text(4), validateRequestBody: true, validateRequestParameters: false },
  };
  design.api.defaultRequestValidatorId = ids.val('v');
  design.gatewayResponses = {
    DEFAULT_5XX: { responseParameters: {}, responseTemplates: { 'application/json': text(5), [text(15)]: '{}' } },
  };
  const stage = design.stages['stg_prod' as StageId];
  if (stage) {
    stage.description = text(6);
    stage.variables = { note: text(7) };
  }
  const plan = Object.values(design.usagePlans)[0];
  if (plan) {
    plan.name = text(8);
    plan.description = text(9);
  }
  const key = Object.values(design.apiKeys)[0];
  if (key) {
    key.name = text(10);
    key.description = text(11);
  }
  const method = Object.values(design.methods)[0];
  if (method) {
    method.operationName = text(12);
    if (method.integration) method.integration.requestTemplates = { 'application/json': text(13) };
  }
  const target = Object.values(design.integrations)[0];
  if (target) target.name = text(14);
  return {
    design,
    placements: [
      { type: 'AWS::ApiGateway::RestApi', property: 'Name', text: text(0) },
      { type: 'AWS::ApiGateway::RestApi', property: 'Description', text: text(1) },
      { type: 'AWS::ApiGateway::Model', property: 'Description', text: text(3) },
      { type: 'AWS::ApiGateway::RequestValidator', property: 'Name', text: text(4) },
      { type: 'AWS::ApiGateway::GatewayResponse', property: 'ResponseTemplates', text: text(5) },
      // A key: the CDK reads tokens in keys as well.
      { type: 'AWS::ApiGateway::GatewayResponse', property: 'ResponseTemplates', text: text(15) },
      { type: 'AWS::ApiGateway::Stage', property: 'Description', text: text(6) },
      { type: 'AWS::ApiGateway::Stage', property: 'Variables', text: text(7) },
      { type: 'AWS::ApiGateway::UsagePlan', property: 'UsagePlanName', text: text(8) },
      { type: 'AWS::ApiGateway::UsagePlan', property: 'Description', text: text(9) },
      { type: 'AWS::ApiGateway::ApiKey', property: 'Name', text: text(10) },
      { type: 'AWS::ApiGateway::ApiKey', property: 'Description', text: text(11) },
      { type: 'AWS::ApiGateway::Method', property: 'OperationName', text: text(12) },
      { type: 'AWS::ApiGateway::Method', property: 'Integration', text: text(13) },
    ],
  };
}

/** Puts the texts into an HTTP or WebSocket design. */
function v2Case(texts: string[], webSocket: boolean): HostileCase {
  const text = (index: number) => texts[index % texts.length] as string;
  const design = webSocket ? webSocketEveryKind() : httpEveryKind();
  design.api.name = text(0);
  design.api.description = text(1);
  const authorizer = Object.values(design.authorizers)[0];
  if (authorizer) authorizer.name = text(2);
  const stage = Object.values(design.stages)[0];
  if (stage) {
    stage.description = text(3);
    stage.variables = { note: text(4) };
  }
  for (const target of Object.values(design.integrations)) target.name = text(5);
  return {
    design,
    placements: [
      { type: 'AWS::ApiGatewayV2::Api', property: 'Name', text: text(0) },
      { type: 'AWS::ApiGatewayV2::Api', property: 'Description', text: text(1) },
      { type: 'AWS::ApiGatewayV2::Authorizer', property: 'Name', text: text(2) },
      { type: 'AWS::ApiGatewayV2::Stage', property: 'Description', text: text(3) },
      { type: 'AWS::ApiGatewayV2::Stage', property: 'StageVariables', text: text(4) },
    ],
  };
}

export function hostileCase(texts: string[], kind: 'REST' | 'HTTP' | 'WEBSOCKET'): HostileCase {
  return kind === 'REST' ? restCase(texts) : v2Case(texts, kind === 'WEBSOCKET');
}
