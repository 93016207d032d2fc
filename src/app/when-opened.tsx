import { type ReactNode, Suspense, useState } from 'react';
import { usePortico } from '../state/context';
import type { DialogName } from '../state/store';

/**
 * Mounts a lazily loaded dialog the first time it is asked for, and keeps it mounted after (so its native
 * <dialog> closes the usual way). Until then its code is not even downloaded: dialogs are not part of the
 * JS loaded before first paint.
 */
export function WhenOpened({ dialog, children }: { dialog: DialogName; children: ReactNode }) {
  const open = usePortico((s) => s.dialog === dialog);
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
