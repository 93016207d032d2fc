import { ControlButton } from '@xyflow/react';
import { Settings2 } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';

// The panel loads when first opened: not part of the JS before first paint.
const CanvasSettingsPanel = lazy(() => import('./canvas-settings-form').then((module) => ({ default: module.CanvasSettingsPanel })));

/** A button among the zoom controls that opens the canvas's preferences: what the wheel does, the minimap. */
export function CanvasSettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ControlButton onClick={() => setOpen(!open)} title="Canvas settings" aria-label="Canvas settings" aria-expanded={open}>
        <Settings2 aria-hidden="true" />
      </ControlButton>
      {open ? (
        <Suspense fallback={null}>
          <CanvasSettingsPanel onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
