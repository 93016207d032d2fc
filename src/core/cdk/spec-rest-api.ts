import type { JsonObject, JsonValue } from '../model';
import { hintFrom } from './backends';
import { bool, CodeWriter, call, exact, json, obj, raw } from './code';
import type { ProgramContext } from './context';
import { writeDomains } from './domains';
import { plainText } from './intrinsics';
import { usableFunctionArn } from './lambda-arn';
import { textLiteral } from './literals';
import { notePlaceholders, notImplementedStatus, withPlaceholderIntegrations } from './placeholder-integration';
import type { ProgramParts } from './program';
import { intrinsicHooks, restApiProps } from './rest-api-props';
import { restApiChildIds } from './rest-models';
import { methodKeys, resourceTree } from './rest-resources';
import { stageOptions, writeFurtherStages } from './rest-stages';
import { writeTags } from './tags';
import { writeUsagePlans } from './usage-plans';

/**
 * A REST API defined by its OpenAPI document (`SpecRestApi`): methods, integrations, authorizers,
 * models, validators and gateway responses live in the document's x-amazon-apigateway extensions, so
 * they are not CloudFormation resources and the 500-resource limit of a stack does not bind
 * (cdk-mapping.md §3.14–3.15). Stages, usage plans, API keys and WAF are constructs as usual.
 */

/** Keys of the document whose strings name Lambda functions (integration and authorizer URIs). */
const uriKeys = new Set(['uri', 'authorizerUri']);

/** How many resources the constructs program would need: counted exactly, or a lower bound. */
export interface ConstructsEstimate {
  count: number;
  exact: boolean;
}

export function writeSpecRestApi(
  ctx: ProgramContext,
  writer: CodeWriter,
  exported: JsonObject,
  constructsEstimate: ConstructsEstimate | undefined,
): ProgramParts {
  const design = ctx.design;
  const placeholderAnswer = `answers ${notImplementedStatus} Not Implemented`;
  const { document, operations: placeholders } = withPlaceholderIntegrations(exported);
  notePlaceholders(ctx, placeholders, 'method', placeholderAnswer);
  ctx.use('apigateway');
  const api = 'api';
  const apiIds = restApiChildIds();
  const tree = resourceTree(ctx, design);
  const keys = tree ? methodKeys(tree) : new Map();
  const stages = design.stageOrder.map((id) => design.stages[id]).filter((stage) => stage !== undefined);
  const first = stages[0];

  // The Lambda functions the document calls: declared at the top like every backend, passed to the
  // document so that each ARN is replaced in one place, and granted invoke permission here (the CDK
  // knows nothing about the methods of a SpecRestApi, so it grants none by itself).
  const integrationFunctions = new Map<string, string>();
  const authorizerFunctions = new Map<string, string>();
  for (const target of Object.values(design.integrations)) {
    if (target.kind !== 'LAMBDA' || target.rawUri !== undefined) continue;
    const arn = plainText(target.functionArn);
    const code = arn === undefined ? undefined : usableFunctionArn(ctx, arn);
    if (arn && code) integrationFunctions.set(arn, ctx.backends.lambdaFunction(code, hintFrom(arn, target.name)));
  }
  for (const authorizer of Object.values(design.authorizers)) {
    const arn = plainText(authorizer.functionArn);
    const code = arn === undefined ? undefined : usableFunctionArn(ctx, arn);
    if (arn && code) authorizerFunctions.set(arn, ctx.backends.lambdaFunction(code, hintFrom(arn, authorizer.name)));
  }
  const arnParameters = new Map<string, string>();
  for (const [arn, fn] of [...integrationFunctions, ...authorizerFunctions]) arnParameters.set(arn, ctx.backends.valueNameOf(fn) ?? fn);
  const arnsByLength = [...arnParameters.keys()].sort((a, b) => b.length - a.length);

  const hooks = intrinsicHooks(ctx);
  const documentHooks = {
    ...hooks,
    value: (value: JsonValue, key: string | undefined): string | undefined => {
      if (typeof value === 'string' && key !== undefined && uriKeys.has(key)) {
        const arn = arnsByLength.find((candidate) => value.includes(candidate));
        if (arn) {
          const at = value.indexOf(arn);
          const parts = [
            value.slice(0, at) && textLiteral(value.slice(0, at)),
            `arns.${arnParameters.get(arn)}`,
            value.slice(at + arn.length) && textLiteral(value.slice(at + arn.length)),
          ];
          return parts.filter((part) => part).join(' + ');
        }
      }
      return hooks.value(value);
    },
  };

  const comments = [
    'The API is a SpecRestApi: its methods, integrations and authorizers are defined by the OpenAPI document at the end of',
    'this file (with the x-amazon-apigateway extensions), so they are not CloudFormation resources.',
  ];
  if (constructsEstimate !== undefined)
    comments.push(
      `Written as one construct per resource and method, the stack would hold ${constructsEstimate.exact ? 'about' : 'at least'} ${constructsEstimate.count} CloudFormation resources,`,
      'more than the 500 CloudFormation allows in one stack.',
    );

  const parameters = [...new Set(arnParameters.values())];
  const props = restApiProps(ctx, true);
  writer.line('// The REST API, defined by its OpenAPI document, with its first stage deployed through deployOptions.');
  writer.statement(
    `const ${api} = `,
    call(
      'new apigateway.SpecRestApi',
      raw('this'),
      exact('Api'),
      obj([
        [
          'apiDefinition',
          call(
            'apigateway.ApiDefinition.fromInline',
            call('openApiDocument', parameters.length > 0 ? obj(parameters.map((name) => [name, raw(name)])) : undefined),
          ),
        ],
        ...props.entries,
        ['cloudWatchRole', bool(false)],
        ['deploy', first ? undefined : bool(false)],
        ['deployOptions', first ? stageOptions(ctx, first, keys) : undefined],
      ]),
    ),
  );
  ctx.count(first ? 3 : 1);
  writeTags(ctx, writer, api);

  if (integrationFunctions.size + authorizerFunctions.size > 0) {
    const iam = ctx.use('iam');
    writer.blank().line('// Let API Gateway invoke the functions the document names.');
    for (const fn of new Set(integrationFunctions.values())) {
      writer.statement(
        '',
        call(
          `${fn}.addPermission`,
          exact('ApiInvoke'),
          obj([
            ['principal', call(`new ${iam}.ServicePrincipal`, exact('apigateway.amazonaws.com'))],
            ['sourceArn', call(`${api}.arnForExecuteApi`)],
          ]),
        ),
      );
      ctx.count(1);
    }
    for (const fn of new Set(authorizerFunctions.values())) {
      writer.statement(
        '',
        call(
          `${fn}.addPermission`,
          exact('ApiAuthorizerInvoke'),
          obj([
            ['principal', call(`new ${iam}.ServicePrincipal`, exact('apigateway.amazonaws.com'))],
            [
              'sourceArn',
              call(
                'this.formatArn',
                obj([
                  ['service', exact('execute-api')],
                  ['resource', raw(`${api}.restApiId`)],
                  ['resourceName', exact('authorizers/*')],
                ]),
              ),
            ],
          ]),
        ),
      );
      ctx.count(1);
    }
  }

  const stageExpressions = writeFurtherStages(ctx, writer, api, stages, keys);
  writeUsagePlans(ctx, writer, { api, apiIds, stages: stageExpressions, methodKeys: keys });
  writeDomains(ctx, writer, { api, stages: stageExpressions });

  const after = new CodeWriter();
  after.line('/** The OpenAPI document of the API, as Portico exports it, with the function ARNs given at the top of the stack. */');
  if (placeholders.length > 0)
    after.line(
      `// TODO: design the integration of ${placeholders.length === 1 ? 'the method' : `the ${placeholders.length} methods`} whose x-amazon-apigateway-integration is a placeholder mock; until then ${placeholders.length === 1 ? 'it' : 'each'} ${placeholderAnswer}.`,
    );
  const signature = parameters.length > 0 ? `arns: { ${parameters.map((name) => `readonly ${name}: string`).join('; ')} }` : '';
  after.open(`function openApiDocument(${signature}): Record<string, unknown> {`);
  after.statement('return ', json(document, documentHooks));
  after.close();
  // CloudFormation refuses a template over 1 MB, even through S3; the body is most of it.
  const bodySize = JSON.stringify(document).length;
  if (bodySize > 900_000)
    ctx.note(
      `The OpenAPI document is ${Math.round(bodySize / 1000)} KB, so the template will pass CloudFormation's 1 MB limit; use apigateway.ApiDefinition.fromAsset with the exported file instead of fromInline.`,
    );
  else if (bodySize > 400_000) {
    writer.blank().line('// The CDK warns from 80% of the 1 MB template limit; the document is most of the template and fits.');
    writer.statement(
      '',
      call(
        'cdk.Annotations.of(this).acknowledgeWarning',
        exact('@aws-cdk/core:Stack.templateSize'),
        exact('The inline OpenAPI document makes the template large; it stays under 1 MB.'),
      ),
    );
  }
  return { comments, after, compactTemplate: bodySize > 100_000 };
}
