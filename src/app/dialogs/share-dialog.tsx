import { useEffect, useState } from 'react';
import { encodeShareLink } from '../../core/share';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { saveDesignFile } from '../design-file';

type LinkState = { kind: 'working' } | { kind: 'ready'; url: string; bytes: number } | { kind: 'too-large'; message: string };

/** Makes a link that carries the whole design in its fragment (never sent to any server). */
export function ShareDialog() {
  const open = usePortico((s) => s.dialog === 'share');
  const openDialog = usePortico((s) => s.openDialog);
  // Only while open: a closed dialog must not re-render on every edit.
  const design = usePortico((s) => (s.dialog === 'share' ? s.design : null));
  const notify = usePortico((s) => s.notify);
  const [state, setState] = useState<LinkState>({ kind: 'working' });
  useEffect(() => {
    if (!open || !design) return;
    let cancelled = false;
    setState({ kind: 'working' });
    void encodeShareLink(design).then((result) => {
      if (cancelled) return;
      if (result.ok) setState({ kind: 'ready', url: `${location.origin}${location.pathname}${result.fragment}`, bytes: result.bytes });
      else setState({ kind: 'too-large', message: result.message });
    });
    return () => {
      cancelled = true;
    };
  }, [open, design]);
  return (
    <Dialog
      open={open}
      title="Share link"
      onClose={() => openDialog(null)}
      footer={<Button onClick={() => openDialog(null)}>Close</Button>}
    >
      <p className="mb-3 text-slate-600 dark:text-slate-300">
        The link carries the whole design, compressed, after the <code>#</code>: it is never sent to a server. Anyone with the link can read
        the design, including ARNs and account ids.
      </p>
      {state.kind === 'working' ? <p role="status">Making the link…</p> : null}
      {state.kind === 'ready' ? (
        <>
          <label className="block">
            <span className="mb-1 block font-medium">Link ({(state.bytes / 1024).toFixed(1)} KB)</span>
            <input
              readOnly
              data-testid="share-url"
              className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
              value={state.url}
              onFocus={(event) => event.target.select()}
            />
          </label>
          <Button
            className="mt-2"
            variant="primary"
            onClick={() => {
              void navigator.clipboard.writeText(state.url).then(
                () => notify({ tone: 'success', message: 'Link copied.' }),
                () => notify({ tone: 'error', message: 'Copying was blocked by the browser: select the link and copy it.' }),
              );
            }}
          >
            Copy link
          </Button>
        </>
      ) : null}
      {state.kind === 'too-large' ? (
        <div role="alert">
          <p className="mb-2">{state.message}</p>
          <Button variant="primary" onClick={() => design && saveDesignFile(design)}>
            Download design file
          </Button>
        </div>
      ) : null}
    </Dialog>
  );
}
