import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Design } from '../../core/model';
import { usePortico } from '../../state/context';

// The preview dialog loads when a share link is opened: not part of the JS before first paint.
const SharePreviewDialog = lazy(() => import('./share-preview-dialog').then((module) => ({ default: module.SharePreviewDialog })));

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
  if (!open || pending === null) return null;
  return (
    <Suspense fallback={null}>
      <SharePreviewDialog
        design={pending}
        onClose={close}
        onOpen={() => {
          close();
          openNewDesign(pending, { label: `the shared design “${pending.api.name}”`, origin: 'share-link' });
        }}
      />
    </Suspense>
  );
}
