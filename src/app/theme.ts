/** Theme: follows the system unless the user picked light or dark (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark';
const storageKey = 'portico.theme';

export function readThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dataset.theme = choice;
}

export function cycleTheme(): ThemeChoice {
  const next: ThemeChoice = { system: 'light', light: 'dark', dark: 'system' }[readThemeChoice()] as ThemeChoice;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Storage may be unavailable; the choice then lasts for this page only.
  }
  applyTheme(next);
  return next;
}

/** Keeps the theme in step with the system setting while the choice is "system". */
export function watchSystemTheme(): void {
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme());
}
