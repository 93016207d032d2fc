/**
 * Monaco for mapping templates: the code view's bundled Monaco (no CDN, same workers and themes) plus the
 * suggestion widget, which the code view leaves out, and the VTL language with its completions. Loaded
 * only when a template editor first shows (see template-editor.tsx), never before first paint.
 */
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/snippet/register';
import { monaco } from '../../code-view/monaco';
import { type CompletionKind, completeMappingTemplate } from '../../core/templates/template-completion';
import type { TemplateVocabulary } from '../../core/templates/template-vocabulary';
import { provideSuggestMemory } from './suggest-service';
import { vtlConfiguration, vtlLanguageId, vtlTokens } from './vtl-language';

provideSuggestMemory();

/** What each template model completes from (the design changes, so it is read when asked). */
const vocabularies = new Map<string, () => TemplateVocabulary | undefined>();

const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  variable: monaco.languages.CompletionItemKind.Variable,
  property: monaco.languages.CompletionItemKind.Property,
  function: monaco.languages.CompletionItemKind.Method,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  value: monaco.languages.CompletionItemKind.Value,
};

/** Text as a snippet: `$`, `}` and `\` are literal in a template, not snippet syntax. */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

monaco.languages.register({ id: vtlLanguageId, aliases: ['Mapping template (VTL)'] });
monaco.languages.setMonarchTokensProvider(vtlLanguageId, vtlTokens);
monaco.languages.setLanguageConfiguration(vtlLanguageId, vtlConfiguration);
monaco.languages.registerCompletionItemProvider(vtlLanguageId, {
  triggerCharacters: ['$', '.', "'", '"', '#', '{'],
  provideCompletionItems(model, position) {
    const vocabulary = vocabularies.get(model.uri.toString())?.();
    if (!vocabulary) return { suggestions: [] };
    const offset = model.getOffsetAt(position);
    const { from, items } = completeMappingTemplate(model.getValue(), offset, vocabulary);
    const start = model.getPositionAt(from);
    const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
    return {
      suggestions: items.map((item, index) => {
        const back = item.cursorBack ?? 0;
        const head = item.insertText.slice(0, item.insertText.length - back);
        const tail = item.insertText.slice(item.insertText.length - back);
        return {
          label: item.label,
          kind: kinds[item.kind],
          detail: item.detail,
          range,
          // Keeps the order completeMappingTemplate chose (documented order, then the design's names).
          sortText: String(index).padStart(4, '0'),
          ...(back > 0
            ? {
                insertText: `${snippetText(head)}$0${snippetText(tail)}`,
                insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
              }
            : { insertText: item.insertText }),
        };
      }),
    };
  },
});

// The suggestion widget, once loaded, is in every editor made afterwards. The code view's editors had none
// (Monaco's word suggestions would then take Enter from someone typing YAML), so they keep having none.
monaco.editor.onDidCreateEditor((created) => {
  queueMicrotask(() => {
    if (created.getModel()?.getLanguageId() !== vtlLanguageId)
      created.updateOptions({ quickSuggestions: false, suggestOnTriggerCharacters: false });
  });
});

/** Completions for `model` come from `vocabulary` until the returned function is called. */
export function registerTemplateModel(model: monaco.editor.ITextModel, vocabulary: () => TemplateVocabulary | undefined): () => void {
  const key = model.uri.toString();
  vocabularies.set(key, vocabulary);
  return () => {
    if (vocabularies.get(key) === vocabulary) vocabularies.delete(key);
  };
}

export { monaco, vtlLanguageId };
