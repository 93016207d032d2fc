import { X } from 'lucide-react';
import { useEffect } from 'react';
import { usePortico } from '../state/context';
import type { Notice } from '../state/store';

const tones: Record<Notice['tone'], string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
};

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = usePortico((s) => s.dismiss);
  useEffect(() => {
    if (notice.sticky) return;
    const timer = setTimeout(() => dismiss(notice.id), notice.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      className={`pointer-events-auto flex max-w-md items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-md ${tones[notice.tone]}`}
    >
      {/* A message of several lines (a rename's list of changes) keeps its lines and scrolls when long. */}
      <p className="max-h-72 flex-1 overflow-y-auto whitespace-pre-line">{notice.message}</p>
      {notice.action ? (
        <button type="button" className="shrink-0 font-semibold underline" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" className="shrink-0 opacity-70 hover:opacity-100" onClick={() => dismiss(notice.id)}>
        <X size={16} />
      </button>
    </div>
  );
}

/** Toasts and banners, bottom centre. */
export function Notices() {
  const notices = usePortico((s) => s.notices);
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2" aria-live="polite">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}
