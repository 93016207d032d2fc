import { useEffect, useRef, useState } from 'react';

// White 12 px bold text needs a 700 shade (or blue-600) to reach WCAG AA's 4.5:1; the 500/600 shades of
// emerald, amber and teal fall short (https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html).
const verbTones: Record<string, string> = {
  GET: 'bg-emerald-700 text-white',
  POST: 'bg-blue-600 text-white',
  PUT: 'bg-amber-700 text-white',
  PATCH: 'bg-teal-700 text-white',
  DELETE: 'bg-red-700 text-white',
};

export function verbTone(verb: string): string {
  return verbTones[verb] ?? 'bg-slate-600 text-white';
}

/** The verb as the console shows it: a coloured tag, all the same width so that rows line up. */
export function VerbBadge({ verb }: { verb: string }) {
  return (
    <span
      className={`inline-flex w-[3.75rem] shrink-0 justify-center rounded px-1 font-mono text-xs leading-5 font-bold tracking-wide ${verbTone(verb)}`}
    >
      {verb}
    </span>
  );
}

// The dot is 12 px but the ring around it (the ::before) also grabs the pointer: nobody aims at a 12 px dot.
export const handleClass =
  'portico-handle !h-3 !w-3 !border-2 !border-white !bg-slate-400 hover:!bg-violet-500 dark:!border-slate-900 dark:!bg-slate-500 dark:hover:!bg-violet-400';

/**
 * A name edited in place (double-click, F2 or the context menu's Rename): Enter or leaving the field
 * commits, Escape cancels. `commit` returns false when the model refused the name (the reason is shown
 * as a notice), and the field stays open for another try.
 */
export function InlineRename({
  value,
  label,
  onCommit,
  onDone,
  className,
}: {
  value: string;
  label: string;
  onCommit: (next: string) => boolean;
  onDone: () => void;
  className?: string;
}) {
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const commit = () => {
    if (finished.current) return;
    if (text === value || onCommit(text)) {
      finished.current = true;
      onDone();
    }
  };
  return (
    <input
      ref={input}
      aria-label={label}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') commit();
        else if (event.key === 'Escape') {
          finished.current = true;
          onDone();
        }
      }}
      className={`nodrag nopan min-w-0 flex-1 rounded border border-violet-500 bg-white px-1 font-mono text-[13px] text-slate-900 outline-none dark:bg-slate-800 dark:text-slate-100 ${className ?? ''}`}
    />
  );
}
