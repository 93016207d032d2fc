import { contextNames, inputMembers, type TemplateVocabulary, utilMembers, type VocabularyEntry } from './template-vocabulary';

export type CompletionKind = 'variable' | 'property' | 'function' | 'keyword' | 'value';

export interface TemplateCompletion {
  label: string;
  /** Text that replaces the typed word. */
  insertText: string;
  /** Where the cursor ends, counted back from the end of `insertText` (inside the parentheses of a call). */
  cursorBack?: number;
  kind: CompletionKind;
  detail: string;
}

export interface CompletionResult {
  /** Offset in the text where the replaced word starts (the cursor is its end). */
  from: number;
  items: TemplateCompletion[];
}

const directives: readonly TemplateCompletion[] = [
  { label: 'if', insertText: 'if()', cursorBack: 1, kind: 'keyword', detail: '#if(condition) … #end' },
  { label: 'elseif', insertText: 'elseif()', cursorBack: 1, kind: 'keyword', detail: '#elseif(condition)' },
  { label: 'else', insertText: 'else', kind: 'keyword', detail: '#else' },
  { label: 'end', insertText: 'end', kind: 'keyword', detail: 'Ends #if, #foreach or #macro' },
  { label: 'foreach', insertText: 'foreach()', cursorBack: 1, kind: 'keyword', detail: '#foreach($item in $list) … #end' },
  { label: 'set', insertText: 'set()', cursorBack: 1, kind: 'keyword', detail: '#set($name = value)' },
  { label: 'break', insertText: 'break', kind: 'keyword', detail: 'Leaves the #foreach' },
  { label: 'stop', insertText: 'stop', kind: 'keyword', detail: 'Stops rendering' },
];

function member(entry: VocabularyEntry): TemplateCompletion {
  if (entry.call === undefined) return { label: entry.name, insertText: entry.name, kind: 'property', detail: entry.detail };
  if (entry.call === 'none') return { label: `${entry.name}()`, insertText: `${entry.name}()`, kind: 'function', detail: entry.detail };
  if (entry.call === 'text')
    return { label: `${entry.name}('')`, insertText: `${entry.name}('')`, cursorBack: 2, kind: 'function', detail: entry.detail };
  return { label: `${entry.name}()`, insertText: `${entry.name}()`, cursorBack: 1, kind: 'function', detail: entry.detail };
}

function names(list: readonly string[], kind: CompletionKind, detail: string): TemplateCompletion[] {
  return list.map((name) => ({ label: name, insertText: name, kind, detail }));
}

/** The members of a `$context` path (`identity` → `sourceIp`, `userAgent`, …), with the design's own names. */
function contextMembers(chain: string[], vocabulary: TemplateVocabulary): TemplateCompletion[] {
  const prefix = chain.join('.');
  const byName = new Map<string, TemplateCompletion>();
  const offer = (name: string, detail: string, leaf: boolean) => {
    if (!byName.has(name)) byName.set(name, { label: name, insertText: name, kind: leaf ? 'value' : 'property', detail });
  };
  const overrideSide = vocabulary.phase === 'request' ? 'responseOverride' : 'requestOverride';
  for (const [name, detail] of contextNames) {
    if (name.startsWith(overrideSide)) continue;
    const parts = name.split('.');
    if (parts.length <= chain.length || parts.slice(0, chain.length).join('.') !== prefix) continue;
    offer(
      parts[chain.length] as string,
      parts.length === chain.length + 1 ? detail : `${parts.slice(0, chain.length + 1).join('.')}.…`,
      parts.length === chain.length + 1,
    );
  }
  const parameterNames = (where: 'path' | 'query' | 'header') =>
    vocabulary.parameters.filter((parameter) => parameter.in === where).map((parameter) => parameter.name);
  if (prefix === 'authorizer')
    for (const key of vocabulary.authorizerKeys) {
      const [first, second] = key.split('.');
      if (second === undefined) offer(first as string, 'From the authorizer', true);
    }
  if (prefix === 'authorizer.claims')
    for (const key of vocabulary.authorizerKeys)
      if (key.startsWith('claims.')) offer(key.slice('claims.'.length), 'A claim of the token', true);
  if (vocabulary.phase === 'request') {
    if (prefix === 'requestOverride.path') for (const name of parameterNames('path')) offer(name, 'Path parameter to send instead', true);
    if (prefix === 'requestOverride.querystring')
      for (const name of parameterNames('query')) offer(name, 'Query string parameter to send instead', true);
    if (prefix === 'requestOverride.header') for (const name of parameterNames('header')) offer(name, 'Header to send instead', true);
  }
  return [...byName.values()];
}

/** `#set($name …)` and `#foreach($name in …)` variables of the template. */
function templateVariables(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/#\{?(?:set|foreach)\}?\s*\(\s*\$!?\{?([A-Za-z_][A-Za-z0-9_-]*)/g)) found.add(match[1] as string);
  return [...found];
}

function startsWith(item: TemplateCompletion, typed: string): boolean {
  return item.label.toLowerCase().startsWith(typed.toLowerCase());
}

/**
 * What the template editor offers at `offset`: the members of `$input`, `$util`, `$context` and
 * `$stageVariables` after a dot, the method's parameter names inside `$input.params('…')`, its request
 * model's JSONPaths inside `$input.path('…')` and `$input.json('…')`, variable names after `$` and
 * directives after `#`.
 */
export function completeMappingTemplate(text: string, offset: number, vocabulary: TemplateVocabulary): CompletionResult {
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', offset - 1) + 1), offset);
  const result = (typed: string, items: TemplateCompletion[]): CompletionResult => ({
    from: offset - typed.length,
    items: items.filter((item) => startsWith(item, typed)),
  });

  // A line comment: what follows `##` is not rendered, so nothing there is completed.
  if (/(^|[^\\])##/.test(before)) return { from: offset, items: [] };
  const parameter = /\$!?\{?input\.params\(\s*['"]([^'"]*)$/.exec(before);
  if (parameter) {
    const typed = parameter[1] as string;
    return result(
      typed,
      vocabulary.parameters.map((entry) => ({
        label: entry.name,
        insertText: entry.name,
        kind: 'value' as const,
        detail: `${entry.in === 'query' ? 'query string' : entry.in} parameter`,
      })),
    );
  }
  const jsonPath = /\$!?\{?input\.(?:path|json)\(\s*['"]([^'"]*)$/.exec(before);
  if (jsonPath) {
    const typed = jsonPath[1] as string;
    return result(typed, [
      { label: '$', insertText: '$', kind: 'value', detail: 'The whole body' },
      ...names(vocabulary.bodyPaths, 'value', 'From the request model'),
    ]);
  }
  const access = /\$!?\{?([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)\.([A-Za-z0-9_:-]*)$/.exec(before);
  if (access) {
    const root = access[1] as string;
    const chain = (access[2] as string).split('.').filter((part) => part !== '');
    const typed = access[3] as string;
    if (root === 'input' && chain.length === 0) return result(typed, inputMembers.map(member));
    if (root === 'util' && chain.length === 0) return result(typed, utilMembers.map(member));
    if (root === 'stageVariables' && chain.length === 0) return result(typed, names(vocabulary.stageVariables, 'value', 'Stage variable'));
    if (root === 'context') return result(typed, contextMembers(chain, vocabulary));
    return { from: offset, items: [] };
  }
  const reference = /\$!?\{?([A-Za-z0-9_]*)$/.exec(before);
  if (reference) {
    const typed = reference[1] as string;
    return result(typed, [
      { label: 'input', insertText: 'input', kind: 'variable', detail: 'The request payload and parameters' },
      { label: 'util', insertText: 'util', kind: 'variable', detail: 'Escaping, JSON and encoding functions' },
      { label: 'context', insertText: 'context', kind: 'variable', detail: 'The request context: identity, authorizer, stage, overrides' },
      { label: 'stageVariables', insertText: 'stageVariables', kind: 'variable', detail: "The stage's variables" },
      ...names(templateVariables(text), 'variable', 'Set in this template'),
    ]);
  }
  const directive = /(^|[^#])#\{?([A-Za-z]*)$/.exec(before);
  if (directive) return result(directive[2] as string, [...directives]);
  return { from: offset, items: [] };
}
