import { type CodeWriter, call, text } from './code';
import type { ProgramContext } from './context';

/** The API's AWS tags, on the API and everything under it (stages, integrations). */
export function writeTags(ctx: ProgramContext, writer: CodeWriter, api: string): void {
  const tags = Object.entries(ctx.design.api.tags);
  if (tags.length === 0) return;
  writer.blank().line('// Tags');
  for (const [key, value] of tags) writer.statement('', call(`cdk.Tags.of(${api}).add`, text(key), text(value)));
}
