import { create } from 'zustand';

/**
 * Canvas preferences that outlive the page (kept in localStorage, per browser): whether the minimap is
 * shown, and what the mouse wheel does. Figma and tldraw let people choose: a mouse wheel zooms for some
 * and scrolls for others; Ctrl/Cmd+wheel and a trackpad pinch always zoom.
 */
export type WheelMode = 'zoom' | 'pan';

interface CanvasSettings {
  minimap: boolean;
  wheel: WheelMode;
  setMinimap: (shown: boolean) => void;
  setWheel: (mode: WheelMode) => void;
}

const storageKey = 'portico.canvas';

function read(): Pick<CanvasSettings, 'minimap' | 'wheel'> {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, unknown>;
    return { minimap: raw.minimap !== false, wheel: raw.wheel === 'zoom' ? 'zoom' : 'pan' };
  } catch {
    return { minimap: true, wheel: 'pan' };
  }
}

function write(settings: Pick<CanvasSettings, 'minimap' | 'wheel'>): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    // Storage may be unavailable: the choice then lasts for this page only.
  }
}

export const useCanvasSettings = create<CanvasSettings>((set, get) => ({
  ...(typeof localStorage === 'undefined' ? { minimap: true, wheel: 'pan' as const } : read()),
  setMinimap: (minimap) => {
    set({ minimap });
    write({ minimap, wheel: get().wheel });
  },
  setWheel: (wheel) => {
    set({ wheel });
    write({ minimap: get().minimap, wheel });
  },
}));
