import type { languages } from 'monaco-editor/editor/editor.api';

/** Monaco's id for API Gateway mapping templates (Velocity Template Language). */
export const vtlLanguageId = 'apigateway-vtl';

/**
 * Velocity as API Gateway's templates use it: directives (`#if`, `#foreach`, `#set`, `#end`, also in the
 * `#{if}` form), references (`$name`, `$!name`, `${name}`) with API Gateway's own variables (`$input`,
 * `$util`, `$context`, `$stageVariables`) told apart, property chains and method arguments, `##` and
 * `#* … *#` comments, `#[[ … ]]#` text. Everything else is the template's output (JSON, XML, form text)
 * and stays plain: a quote in the output opens no string. Token names are ones whose colours in Portico's
 * light and dark editor themes keep WCAG AA contrast (API Gateway's variables are `type`, teal).
 */
export const vtlTokens: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.vtl',
  brackets: [
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '[', close: ']', token: 'delimiter.bracket' },
    { open: '{', close: '}', token: 'delimiter.curly' },
  ],
  tokenizer: {
    root: [
      [/##.*$/, 'comment'],
      [/#\*/, 'comment', '@blockComment'],
      [/#\[\[/, 'string.raw', '@raw'],
      [/#\{?(?:if|elseif|foreach|set|macro|define|evaluate|parse|include)\}?(?=\s*\()/, 'keyword', '@directiveArguments'],
      [/#\{?(?:else|end|break|stop)\}?/, 'keyword'],
      { include: '@references' },
      [/[^#$]+/, ''],
      [/[#$]/, ''],
    ],
    reference: [{ include: '@chain' }, [/./, { token: '@rematch', next: '@pop' }]],
    formalReference: [[/\}/, 'delimiter.curly', '@pop'], { include: '@chain' }, [/./, { token: '@rematch', next: '@pop' }]],
    chain: [
      [/\.[A-Za-z_][\w-]*(?=\s*\()/, 'function'],
      [/\.[A-Za-z_][\w-]*/, 'variable.property'],
      [/\(/, 'delimiter.parenthesis', '@arguments'],
      [/\[/, 'delimiter.bracket', '@index'],
    ],
    directiveArguments: [
      [/\s*\(/, 'delimiter.parenthesis', '@arguments'],
      [/./, { token: '@rematch', next: '@pop' }],
    ],
    arguments: [[/\)/, 'delimiter.parenthesis', '@pop'], { include: '@expression' }],
    index: [[/\]/, 'delimiter.bracket', '@pop'], { include: '@expression' }],
    expression: [
      [/\s+/, ''],
      [/'/, 'string', '@singleQuoted'],
      [/"/, 'string', '@doubleQuoted'],
      [/-?\d+(?:\.\d+)?/, 'number'],
      [/\b(?:true|false|null|in)\b/, 'keyword'],
      [/\b(?:and|or|not|eq|ne|lt|gt|le|ge)\b|&&|\|\||[!=<>]=?|[+\-*/%]/, 'operator'],
      { include: '@references' },
      [/\(/, 'delimiter.parenthesis', '@arguments'],
      [/\[/, 'delimiter.bracket', '@index'],
      [/[,:.{}]/, 'delimiter'],
      [/[A-Za-z_]\w*/, 'identifier'],
      [/./, ''],
    ],
    singleQuoted: [
      [/[^']+/, 'string'],
      [/'/, 'string', '@pop'],
    ],
    doubleQuoted: [{ include: '@references' }, [/[^"$\\]+/, 'string'], [/\\./, 'string.escape'], [/"/, 'string', '@pop'], [/./, 'string']],
    references: [
      [/\$!?\{(?:input|util|context|stageVariables)\b/, 'type', '@formalReference'],
      [/\$!?\{[A-Za-z_][\w-]*/, 'variable', '@formalReference'],
      [/\$!?(?:input|util|context|stageVariables)\b/, 'type', '@reference'],
      [/\$!?[A-Za-z_][\w-]*/, 'variable', '@reference'],
    ],
    blockComment: [
      [/\*#/, 'comment', '@pop'],
      [/[^*]+/, 'comment'],
      [/./, 'comment'],
    ],
    raw: [
      [/\]\]#/, 'string.raw', '@pop'],
      [/[^\]]+/, 'string.raw'],
      [/./, 'string.raw'],
    ],
  },
};

export const vtlConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '##', blockComment: ['#*', '*#'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  // A reference with its dots is one word, so that double-click and word navigation take `$input.body` whole.
  wordPattern: /(-?\d*\.\d\w*)|(\$!?\{?[\w-]+)|([^`~!@#%^&*()=+[{\]}\\|;:'",.<>/?\s]+)/g,
  indentationRules: {
    increaseIndentPattern: /^\s*#\{?(?:if|elseif|else|foreach|macro|define)\b.*$/,
    decreaseIndentPattern: /^\s*#\{?(?:end|else|elseif)\b.*$/,
  },
};
