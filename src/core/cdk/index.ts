import type { Design, JsonObject } from '../model';
import { writeHttpApi } from './http-api';
import { writeProgram } from './program';
import { writeRestApi } from './rest-api';
import { type ConstructsEstimate, writeSpecRestApi } from './spec-rest-api';
import { constructsLowerBound } from './strategy';
import { writeWebSocketApi } from './websocket-api';

export interface CdkOptions {
  /**
   * The design's OpenAPI 3.0 export (REST), supplied by the caller; used as the SpecRestApi body when the
   * design is too big for one stack of constructs. Siblings in src/core may not import each other, so
   * the caller (CLI / UI) passes it.
   */
  openApiDocument?: JsonObject;
  /** 'auto' (default) picks constructs, or SpecRestApi above the CloudFormation 500-resource limit. */
  strategy?: 'auto' | 'constructs' | 'spec-rest-api';
}

export interface CdkResult {
  /** One complete TypeScript program. */
  code: string;
  strategy: 'constructs' | 'spec-rest-api';
  /** Estimated CloudFormation resources in the stack (the basis of the auto choice). */
  estimatedResources: number;
  /** What the program could not express, if anything. */
  notes: string[];
}

/** CloudFormation's limit of resources in one stack; the CDK refuses to synthesize more. */
export const maxStackResources = 500;

/**
 * The design as an AWS CDK (aws-cdk-lib v2) TypeScript program: imports, one exported stack class
 * holding the whole API, and an app that instantiates it. Pure and deterministic: the same design and
 * options give the same text.
 *
 * REST designs are written as constructs while the stack stays within CloudFormation's 500 resources;
 * above that (or when asked) as a `SpecRestApi` carrying `options.openApiDocument`. Without a document
 * the program stays in constructs and a note says that CloudFormation will refuse a stack that big:
 * the constructs program is still the complete, readable description of the API, and the caller can
 * ask again with the document.
 */
export function generateCdk(design: Design, options: CdkOptions = {}): CdkResult {
  const strategy = options.strategy ?? 'auto';
  if (design.api.type === 'HTTP' || design.api.type === 'WEBSOCKET') {
    const written = writeProgram(design, design.api.type === 'HTTP' ? writeHttpApi : writeWebSocketApi);
    if (strategy === 'spec-rest-api') written.ctx.note('A SpecRestApi exists only for REST APIs; the program uses constructs.');
    if (written.ctx.resources > maxStackResources)
      written.ctx.note(
        `The stack would hold about ${written.ctx.resources} CloudFormation resources, more than the ${maxStackResources} a stack may hold; split the routes over several APIs or stacks.`,
      );
    return { code: written.code, strategy: 'constructs', estimatedResources: written.ctx.resources, notes: written.ctx.notes };
  }

  const spec = (constructsEstimate: ConstructsEstimate | undefined) => {
    const document = options.openApiDocument as JsonObject;
    const written = writeProgram(design, (ctx, body) => writeSpecRestApi(ctx, body, document, constructsEstimate));
    const notes = written.ctx.notes;
    if (constructsEstimate)
      notes.unshift(
        `As constructs the stack would hold ${constructsEstimate.exact ? 'about' : 'at least'} ${constructsEstimate.count} CloudFormation resources, more than the ${maxStackResources} allowed, so the program defines the API by its OpenAPI document (SpecRestApi).`,
      );
    return { code: written.code, strategy: 'spec-rest-api' as const, estimatedResources: written.ctx.resources, notes };
  };
  if (strategy === 'spec-rest-api' && options.openApiDocument) return spec(undefined);
  // Writing a large constructs program only to count its resources is wasted work when a lower bound
  // already passes the limit.
  if (strategy === 'auto' && options.openApiDocument) {
    const lowerBound = constructsLowerBound(design);
    if (lowerBound > maxStackResources) return spec({ count: lowerBound, exact: false });
  }

  const constructs = writeProgram(design, (ctx, body) => {
    writeRestApi(ctx, body);
    return undefined;
  });
  const estimate = constructs.ctx.resources;
  if (strategy === 'auto' && estimate > maxStackResources && options.openApiDocument) return spec({ count: estimate, exact: true });
  const notes = constructs.ctx.notes;
  if (strategy === 'spec-rest-api')
    notes.unshift('A SpecRestApi needs the OpenAPI document of the design, which was not given; the program uses constructs instead.');
  else if (estimate > maxStackResources)
    notes.unshift(
      `The stack would hold about ${estimate} CloudFormation resources, more than the ${maxStackResources} allowed, and CloudFormation will refuse it; generate again with the OpenAPI document to get a SpecRestApi.`,
    );
  return { code: constructs.code, strategy: 'constructs', estimatedResources: estimate, notes };
}
