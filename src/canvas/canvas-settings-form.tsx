import { useEffect, useId, useRef } from 'react';
import { useCanvasSettings, type WheelMode } from './canvas-settings';

const wheelChoices: { value: WheelMode; label: string; hint: string }[] = [
  { value: 'pan', label: 'Scrolls the canvas', hint: 'Ctrl/Cmd + wheel or a pinch zooms' },
  { value: 'zoom', label: 'Zooms', hint: 'Space + drag or a middle-button drag pans' },
];

/** The canvas's preferences (see CanvasSettingsButton): closes on Escape or a press outside it. */
export function CanvasSettingsPanel({ onClose }: { onClose: () => void }) {
  const wheel = useCanvasSettings((s) => s.wheel);
  const setWheel = useCanvasSettings((s) => s.setWheel);
  const minimap = useCanvasSettings((s) => s.minimap);
  const setMinimap = useCanvasSettings((s) => s.setMinimap);
  const panel = useRef<HTMLDivElement>(null);
  const name = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node)) closeRef.current();
    };
    window.addEventListener('pointerdown', close, true);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close, true);
      window.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <div
      ref={panel}
      role="dialog"
      aria-label="Canvas settings"
      className="absolute bottom-0 left-10 z-50 w-64 rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <fieldset>
        <legend className="mb-1 font-semibold">The mouse wheel</legend>
        {wheelChoices.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-start gap-2 py-1">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={wheel === choice.value}
              onChange={() => setWheel(choice.value)}
              className="mt-1 accent-violet-600"
            />
            <span>
              {choice.label}
              <span className="block text-xs text-slate-600 dark:text-slate-300">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="mt-2 flex cursor-pointer items-center gap-2 border-t border-slate-100 pt-2 dark:border-slate-800">
        <input type="checkbox" checked={minimap} onChange={(event) => setMinimap(event.target.checked)} className="accent-violet-600" />
        Show the minimap
      </label>
    </div>
  );
}
