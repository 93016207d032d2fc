import type { Resource } from '../model';
import { type Code, type CodeWriter, call, exact, obj, raw } from './code';
import { named, type ProgramContext } from './context';
import { pathTail } from './identifiers';
import { isTemplated } from './intrinsics';
import { commentText, exactLiteral } from './literals';

/**
 * A REST resource whose path part the CDK's `Resource` refuses (it allows `[a-zA-Z0-9:._-$]` and whole
 * `{…}` parameters: cdk-mapping.md §3.2) but API Gateway takes: a `,`, the part `__proto__` (the
 * CDK's construct id), or a template placeholder (`${path_key}`, Terraform `templatefile`) that a tool
 * fills in before deployment. It is created as its L1 `CfnResource`, which takes any path part, and
 * imported back as a `Resource` (`Resource.fromResourceAttributes`) so that its methods and children
 * are written like any other's. A placeholder becomes a constant at the top of the stack that the user
 * replaces (the CDK cannot ask a template engine for it).
 */

/** `${name}` template references of a path part (API Gateway's own `${stageVariables.x}` are not). */
const reference = /\$\{([^}]*)\}/g;

/** The path part as an expression: text, or text joined with the constants standing for its placeholders. */
function pathPartCode(ctx: ProgramContext, pathPart: string): { code: string; templated: boolean } {
  if (!isTemplated(pathPart)) return { code: exactLiteral(pathPart), templated: false };
  const pieces: string[] = [];
  let last = 0;
  for (const match of pathPart.matchAll(reference)) {
    const name = (match[1] ?? '').trim();
    if (!isTemplated(match[0])) continue;
    const at = match.index ?? 0;
    if (at > last) pieces.push(exactLiteral(pathPart.slice(last, at)));
    pieces.push(
      ctx.backends.placeholder(
        name,
        'text',
        `The path part ${named(pathPart)} holds the template placeholder ${named(match[0])}, which a tool such as Terraform fills in before deployment`,
      ),
    );
    last = at + match[0].length;
  }
  if (last < pathPart.length) pieces.push(exactLiteral(pathPart.slice(last)));
  return { code: pieces.join(' + '), templated: true };
}

/**
 * Writes the L1 resource under `parent` (a resource variable, or `api.root`); returns the imported
 * `Resource` expression for a resource that needs a variable (methods, children, a preflight), or
 * undefined when the L1 resource alone is enough.
 */
export function writeL1Resource(
  ctx: ProgramContext,
  writer: CodeWriter,
  place: { api: string; parent: string; parentIsRoot: boolean; resource: Resource; path: string; needsVariable: boolean },
): Code | undefined {
  const { api, parent, parentIsRoot, resource, path } = place;
  const part = pathPartCode(ctx, resource.pathPart);
  const comment = commentText(path);
  writer.line(
    part.templated
      ? `// ${comment ?? 'This resource'}: a tool fills in its path part before deployment; the value declared at the top of the stack stands for it.`
      : `// ${comment ?? 'This resource'}: the CDK's Resource refuses this path part, which API Gateway accepts, so it is created as its L1 resource.`,
  );
  const cfn = call(
    'new apigateway.CfnResource',
    raw('this'),
    exact(ctx.stackIds.id(pathTail(path), 'CfnResource')),
    obj([
      ['restApiId', raw(`${api}.restApiId`)],
      ['parentId', raw(`${parent}.resourceId`)],
      ['pathPart', raw(part.code)],
    ]),
  );
  ctx.count(1);
  if (!place.needsVariable) {
    writer.statement('', cfn);
    return undefined;
  }
  const cfnVariable = ctx.variables.name(pathTail(path), 'CfnResource');
  writer.statement(`const ${cfnVariable} = `, cfn);
  const fullPath = parentIsRoot
    ? part.templated
      ? `'/' + ${part.code}`
      : exactLiteral(`/${resource.pathPart}`)
    : part.templated
      ? `${parent}.path + '/' + ${part.code}`
      : `${parent}.path + ${exactLiteral(`/${resource.pathPart}`)}`;
  return call(
    'apigateway.Resource.fromResourceAttributes',
    raw('this'),
    exact(ctx.stackIds.id(pathTail(path), 'Resource')),
    obj([
      ['restApi', raw(api)],
      ['resourceId', raw(`${cfnVariable}.ref`)],
      ['path', raw(fullPath)],
    ]),
  );
}
