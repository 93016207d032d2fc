import { useCallback, useEffect, useState } from 'react';
import type { Design } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

function summary(design: Design): string {
  const operations = design.api.type === 'REST' ? Object.keys(design.methods).length : Object.keys(design.routes).length;
  const noun = design.api.type === 'REST' ? 'method' : 'route';
  return `${operations} ${noun}${operations === 1 ? '' : 's'}, ${Object.keys(design.integrations).length} integrations, ${Object.keys(design.authorizers).length} authorizers, ${design.stageOrder.length} stages`;
}

/**
 * Opening a share link: the fragment is decoded through the design gate, previewed, and opened as a new
 * design in the library only when the user says so; the current design is never replaced. A damaged
 * link changes nothing.
 */
export function ShareOpenDialog() {
  const open = usePortico((s) => s.dialog === 'share-open');
  const openDialog = usePortico((s) => s.openDialog);
  const openNewDesign = usePortico((s) => s.openNewDesign);
  const notify = usePortico((s) => s.notify);
  const [pending, setPending] = useState<Design | null>(null);

  const readFragment = useCallback(() => {
    const fragment = location.hash;
    if (!fragment.startsWith('#p=')) return;
    history.replaceState(null, '', location.pathname + location.search);
    // The decoder (and its decompression) loads only when a share link is opened.
    void import('../../core/share').then(async ({ decodeShareLink }) => {
      const result = await decodeShareLink(fragment);
      if (!result.ok) {
        notify({
          tone: 'error',
          sticky: true,
          message: `This share link could not be opened: ${result.message} Your current design is unchanged.`,
        });
        return;
      }
      setPending(result.design);
      openDialog('share-open');
    });
  }, [notify, openDialog]);

  useEffect(() => {
    readFragment();
    window.addEventListener('hashchange', readFragment);
    return () => window.removeEventListener('hashchange', readFragment);
  }, [readFragment]);

  const close = () => {
    openDialog(null);
    setPending(null);
  };
  return (
    <Dialog
      open={open && pending !== null}
      title="Open shared design?"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Not now</Button>
          <Button
            variant="primary"
            onClick={() => {
              const design = pending;
              close();
              if (design) openNewDesign(design, { label: `the shared design “${design.api.name}”`, origin: 'share-link' });
            }}
          >
            Open as a new design
          </Button>
        </>
      }
    >
      {pending ? (
        <div data-testid="share-preview">
          <p className="mb-2">
            This link holds the design <strong>{pending.api.name}</strong> (
            {pending.api.type === 'WEBSOCKET' ? 'WebSocket' : pending.api.type} API): {summary(pending)}.
          </p>
          <p className="text-slate-600 dark:text-slate-300">
            It opens as a new design in My designs. The design you have now stays there as it is.
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
