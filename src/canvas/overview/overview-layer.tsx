import { type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { usePortico } from '../../state/context';
import { drawOverview, type OverviewPixels, type OverviewScene } from './overview-scene';

const sizeSelector = (state: ReactFlowState) => `${state.width}x${state.height}`;

function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

/**
 * The far-out view of a big design: every element as a coloured rectangle and every edge as a line, drawn
 * on one canvas each frame the view moves, instead of thousands of cards (React Flow draws none while
 * it shows). It takes no pointer events: panning, zooming and the selection box stay React Flow's.
 */
export function OverviewLayer({ scene }: { scene: OverviewScene }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const size = useStore(sizeSelector);
  const selection = usePortico((s) => s.selection);
  const pixels = useRef<OverviewPixels>({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new pane size redraws at the new size
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const selected = new Set<string>(selection);
    let frame = 0;
    let dark = isDark();
    const draw = () => {
      frame = 0;
      const { width, height, transform } = flow.getState();
      const ratio = window.devicePixelRatio || 1;
      if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
        element.width = Math.round(width * ratio);
        element.height = Math.round(height * ratio);
      }
      const viewport = { x: transform[0], y: transform[1], zoom: transform[2] };
      const drawn = drawOverview(context, pixels.current, scene, viewport, { width, height, ratio }, selected, dark);
      element.dataset.drawn = String(drawn);
    };
    // Drawn in the frame React Flow moves its own layers in, so the two never drift apart.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    draw();
    const unsubscribe = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) schedule();
    });
    const themes = new MutationObserver(() => {
      dark = isDark();
      schedule();
    });
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      unsubscribe();
      themes.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [flow, scene, selection, size]);

  return <canvas ref={canvas} data-testid="canvas-overview" className="pointer-events-none absolute inset-0 z-[1] h-full w-full" />;
}
