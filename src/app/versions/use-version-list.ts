import { useEffect, useState } from 'react';
import { usePortico, usePorticoStore } from '../../state/context';
import type { VersionMeta } from '../../state/library/types';

/** The open design's versions, newest first, kept up to date as versions are saved; undefined while read. */
export function useVersionList(): VersionMeta[] | undefined {
  const store = usePorticoStore();
  const designId = usePortico((s) => s.designId);
  const [list, setList] = useState<{ designId: string | null; versions: VersionMeta[] } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void store
      .getState()
      .versions()
      .then((versions) => {
        if (!live) return;
        if (!versions) {
          setList({ designId, versions: [] });
          return;
        }
        const refresh = () =>
          void versions.list(designId).then((listed) => {
            if (live) setList({ designId, versions: listed });
          });
        stop = versions.onChange(refresh);
        refresh();
      });
    return () => {
      live = false;
      stop?.();
    };
  }, [store, designId]);
  return list?.designId === designId ? list.versions : undefined;
}
