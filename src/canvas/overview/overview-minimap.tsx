import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { type OverviewScene, overviewColours } from './overview-scene';

const width = 200;
const height = 150;
const padding = 6;

interface Frame {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Where the scene's bounds sit in the minimap: scaled to fit, centred. */
function frameOf(scene: OverviewScene): Frame {
  const { bounds } = scene;
  const scale = Math.min((width - 2 * padding) / Math.max(bounds.width, 1), (height - 2 * padding) / Math.max(bounds.height, 1));
  return {
    scale,
    offsetX: (width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (height - bounds.height * scale) / 2 - bounds.y * scale,
  };
}

/**
 * The minimap of a big design: React Flow's own draws one SVG rectangle per element, which at thousands
 * of elements costs more than the canvas itself. This one paints the elements once into a bitmap and,
 * as the view moves, only the view's rectangle over it. Dragging in it moves the view.
 */
export function OverviewMinimap({ scene }: { scene: OverviewScene }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  const { setCenter } = useReactFlow();
  const frame = useMemo(() => frameOf(scene), [scene]);

  const picture = useMemo(() => {
    const ratio = window.devicePixelRatio || 1;
    const bitmap = document.createElement('canvas');
    bitmap.width = width * ratio;
    bitmap.height = height * ratio;
    const context = bitmap.getContext('2d');
    if (!context) return bitmap;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const fills = overviewColours.map(() => new Path2D());
    for (let at = 0; at < scene.count; at += 1)
      (fills[scene.colour[at] as number] as Path2D).rect(
        (scene.x[at] as number) * frame.scale + frame.offsetX,
        (scene.y[at] as number) * frame.scale + frame.offsetY,
        Math.max(0.5, (scene.width[at] as number) * frame.scale),
        Math.max(0.5, (scene.height[at] as number) * frame.scale),
      );
    fills.forEach((path, colour) => {
      context.fillStyle = overviewColours[colour] as string;
      context.fill(path);
    });
    return bitmap;
  }, [scene, frame]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = width * ratio;
    element.height = height * ratio;
    let pending = 0;
    const draw = () => {
      pending = 0;
      const state = flow.getState();
      const [tx, ty, zoom] = state.transform;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, element.width, element.height);
      context.drawImage(picture, 0, 0);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // The view: everything outside it is dimmed, as in React Flow's minimap.
      const x = (-tx / zoom) * frame.scale + frame.offsetX;
      const y = (-ty / zoom) * frame.scale + frame.offsetY;
      const w = (state.width / zoom) * frame.scale;
      const h = (state.height / zoom) * frame.scale;
      const mask = new Path2D();
      mask.rect(0, 0, width, height);
      mask.rect(x, y, w, h);
      context.fillStyle = 'rgba(100, 116, 139, 0.28)';
      context.fill(mask, 'evenodd');
      context.strokeStyle = '#7c3aed';
      context.lineWidth = 1;
      // Far smaller than the map (a view at working zoom over thousands of cards): a box of at least a
      // few pixels, and marks on the map's four sides pointing at it, so that where the view is can be
      // seen without covering the design.
      const least = 8;
      if (w < least || h < least) {
        const centreX = x + w / 2;
        const centreY = y + h / 2;
        context.lineWidth = 2;
        context.beginPath();
        context.moveTo(0, centreY);
        context.lineTo(least, centreY);
        context.moveTo(width - least, centreY);
        context.lineTo(width, centreY);
        context.moveTo(centreX, 0);
        context.lineTo(centreX, least);
        context.moveTo(centreX, height - least);
        context.lineTo(centreX, height);
        context.stroke();
        context.lineWidth = 1;
        context.strokeRect(centreX - Math.max(w, least) / 2, centreY - Math.max(h, least) / 2, Math.max(w, least), Math.max(h, least));
      } else context.strokeRect(x, y, w, h);
    };
    draw();
    const unsubscribe = flow.subscribe((state, previous) => {
      if ((state.transform !== previous.transform || state.width !== previous.width) && pending === 0)
        pending = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (pending !== 0) cancelAnimationFrame(pending);
    };
  }, [flow, picture, frame]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - frame.offsetX) / frame.scale;
    const y = (event.clientY - box.top - frame.offsetY) / frame.scale;
    void setCenter(x, y, { zoom: flow.getState().transform[2] });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap overflow-hidden rounded bg-white dark:bg-slate-900">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Minimap"
        data-testid="overview-minimap"
        style={{ width, height, display: 'block', cursor: 'grab' }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) moveTo(event);
        }}
      />
    </Panel>
  );
}
