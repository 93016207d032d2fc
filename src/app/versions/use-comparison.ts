import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { type ChangeFinding, compareDesigns, type DesignComparison, findBreakingChanges } from '../../core/diff';
import type { Design } from '../../core/model';
import { type ChangeMarks, changeMarks, type LocatedFinding, locateFindings } from '../../state/compare/change-marks';
import type { CompareRequest, CompareSide } from '../../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../../state/context';
import { versionLabel } from '../../state/library/version-label';

/** One side, read: what it is called and its design. */
export interface ReadSide {
  label: string;
  design: Design;
  /** The version's id, for a version. */
  versionId?: string;
}

export type Comparison =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      base: ReadSide;
      revision: ReadSide;
      comparison: DesignComparison;
      findings: ChangeFinding[];
      located: LocatedFinding[];
      marks: ChangeMarks;
    };

type Loaded = { ok: true; side: ReadSide | 'current' } | { ok: false; message: string };

async function loadSide(store: ReturnType<typeof usePorticoStore>, side: CompareSide): Promise<Loaded> {
  if (side.kind === 'current') return { ok: true, side: 'current' };
  if (side.kind === 'openapi') return { ok: true, side: { label: side.fileName, design: side.design } };
  const versions = await store.getState().versions();
  if (!versions) return { ok: false, message: 'Versions are kept only with the design library, which is not available here.' };
  const read = await versions.read(side.versionId);
  if (!read.ok) return read;
  return { ok: true, side: { label: versionLabel(read.meta), design: read.design, versionId: side.versionId } };
}

/**
 * The comparison a request asks for: both sides read (versions from the library), compared element by
 * element and for the API's clients, and the canvas marks of the revision. The current design is
 * followed as it is edited (deferred, so typing stays quick on a big design).
 */
export function useComparison(request: CompareRequest): Comparison {
  const store = usePorticoStore();
  const present = useDeferredValue(usePortico((s) => s.history.present));
  const [loaded, setLoaded] = useState<{ request: CompareRequest; base: Loaded; revision: Loaded } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void Promise.all([loadSide(store, request.base), loadSide(store, request.revision)]).then(([base, revision]) => {
      if (live) setLoaded({ request, base, revision });
    });
    return () => {
      live = false;
    };
  }, [store, request]);
  return useMemo((): Comparison => {
    if (!loaded || loaded.request !== request) return { status: 'loading' };
    if (!loaded.base.ok) return { status: 'failed', message: loaded.base.message };
    if (!loaded.revision.ok) return { status: 'failed', message: loaded.revision.message };
    const side = (value: ReadSide | 'current'): ReadSide =>
      value === 'current' ? { label: 'the current design', design: present } : value;
    const base = side(loaded.base.side);
    const revision = side(loaded.revision.side);
    const comparison = compareDesigns(base.design, revision.design);
    const findings = findBreakingChanges(base.design, revision.design);
    const located = locateFindings(base.design, revision.design, findings);
    return {
      status: 'ready',
      base,
      revision,
      comparison,
      findings,
      located,
      marks: changeMarks(base.design, revision.design, comparison, located),
    };
  }, [loaded, request, present]);
}
