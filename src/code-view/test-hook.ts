import type { monaco } from './monaco';

/**
 * Lets e2e tests and the benchmark read what the code view's editor holds
 * (`window.__porticoCodeView.getText()`), read-only. The text is cached per model version, so a test
 * polling it every frame does not copy a megabyte of YAML each time.
 */
export function exposeCodeViewForTests(editor: monaco.editor.IStandaloneCodeEditor): () => void {
  let version = -1;
  let text = '';
  const hook = {
    getText: (): string => {
      const model = editor.getModel();
      if (!model) return '';
      if (model.getVersionId() !== version) {
        version = model.getVersionId();
        text = model.getValue();
      }
      return text;
    },
  };
  const scope = window as unknown as { __porticoCodeView?: typeof hook };
  scope.__porticoCodeView = hook;
  return () => {
    if (scope.__porticoCodeView === hook) delete scope.__porticoCodeView;
  };
}
