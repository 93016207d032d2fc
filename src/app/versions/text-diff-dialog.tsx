import { useEffect, useMemo, useRef, useState } from 'react';
import { monaco } from '../../code-view/monaco';
import { type CodeTarget, renderCode } from '../../code-view/render-code';
import type { Design } from '../../core/model';
import { Dialog } from '../../ui/dialog';
import { Tabs } from '../../ui/tabs';
import { useDarkMode } from '../../ui/use-dark-mode';

type DiffTarget = Extract<CodeTarget, 'openapi3' | 'cdk'>;

const tabs: { id: DiffTarget; label: string }[] = [
  { id: 'openapi3', label: 'OpenAPI 3.0 (YAML)' },
  { id: 'cdk', label: 'AWS CDK' },
];

/** One side's text for a tab: what the code view would show for it (no stage chosen). */
function textOf(design: Design, target: DiffTarget): { text: string; language: string } {
  const rendered = renderCode(design, { target, format: 'yaml' });
  if (!rendered.ok) return { text: `# ${rendered.message}\n`, language: 'yaml' };
  return { text: rendered.text, language: rendered.language };
}

/** Monaco's diff editor, read-only, on the two texts (its worker is the code view's, same-origin). */
function DiffEditor({ original, modified, language, label }: { original: string; modified: string; language: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const dark = useDarkMode();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const editor = monaco.editor.createDiffEditor(element, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: label,
      originalAriaLabel: `${label}, before`,
      modifiedAriaLabel: `${label}, after`,
    });
    const models = { original: monaco.editor.createModel(original, language), modified: monaco.editor.createModel(modified, language) };
    editor.setModel(models);
    return () => {
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, [original, modified, language, label]);
  useEffect(() => {
    monaco.editor.setTheme(dark ? 'portico-dark' : 'portico-light');
  }, [dark]);
  return <div ref={container} className="h-[60vh] min-h-64 w-full" data-testid="text-diff-editor" />;
}

/** The OpenAPI document and the CDK program of both sides of a comparison, line by line. */
export default function TextDiffDialog({
  base,
  revision,
  onClose,
}: {
  base: { label: string; design: Design };
  revision: { label: string; design: Design };
  onClose: () => void;
}) {
  const [target, setTarget] = useState<DiffTarget>('openapi3');
  const texts = useMemo(() => {
    const before = textOf(base.design, target);
    const after = textOf(revision.design, target);
    return { original: before.text, modified: after.text, language: after.language };
  }, [base.design, revision.design, target]);
  return (
    <Dialog open title={`Text diff: ${base.label} → ${revision.label}`} onClose={onClose} wide>
      <Tabs label="Text diff" tabs={tabs} selected={target} onSelect={setTarget}>
        <DiffEditor {...texts} label={`${tabs.find((tab) => tab.id === target)?.label ?? ''} diff`} />
      </Tabs>
    </Dialog>
  );
}
