import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, with the
 * accessibility the browser provides.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The native `close` event arrives a task after `dialog.close()`. When this dialog closed because `open`
  // turned false, another dialog may already be open (a command palette entry that opens a dialog), and
  // calling `onClose` then would shut that one: only a close the browser did on its own is reported.
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={() => {
        if (openRef.current) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={`m-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${wide ? 'w-[min(56rem,92vw)]' : 'w-[min(32rem,92vw)]'}`}
    >
      {open ? (
        <div className="flex max-h-[85vh] flex-col">
          <h2 className="border-b border-slate-200 px-5 py-3 text-base font-semibold dark:border-slate-700">{title}</h2>
          <div className="overflow-auto px-5 py-4 text-sm">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-700">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
