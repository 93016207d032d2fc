/**
 * The colours of a comparison, one meaning each everywhere (canvas, lists): green added, red removed,
 * amber changed; a breaking change is a red tag. Outlines are 600 shades on light backgrounds and 400
 * on dark ones, so that they keep 3:1 against the card's background either way (WCAG 1.4.11); the tags
 * are white bold text on 700 shades (4.5:1).
 */
export type ChangeTone = 'added' | 'removed' | 'changed';
export type LevelTone = 'breaking' | 'warning' | 'info';

/** A card's or row's outline. */
export const changeOutline: Record<ChangeTone, string> = {
  added: 'outline-3 outline-offset-2 outline-emerald-600 dark:outline-emerald-400',
  removed: 'outline-3 outline-offset-2 outline-dashed outline-red-600 dark:outline-red-400',
  changed: 'outline-3 outline-offset-2 outline-amber-500 dark:outline-amber-400',
};

/** The same as an inset ring, for rows inside a card. */
export const changeRing: Record<ChangeTone, string> = {
  added: 'ring-2 ring-inset ring-emerald-600 dark:ring-emerald-400',
  removed: 'ring-2 ring-inset ring-red-600 dark:ring-red-400',
  changed: 'ring-2 ring-inset ring-amber-500 dark:ring-amber-400',
};

/** A small tag naming the change ("added"), for lists and cards. */
export const changeTag: Record<ChangeTone, string> = {
  added: 'bg-emerald-700 text-white',
  removed: 'bg-red-700 text-white',
  changed: 'bg-amber-700 text-white',
};

export const levelTag: Record<LevelTone, string> = {
  breaking: 'bg-red-700 text-white',
  warning: 'bg-amber-700 text-white',
  info: 'bg-slate-600 text-white',
};
