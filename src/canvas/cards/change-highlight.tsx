import { type ChangeMark, markLevel } from '../../state/compare/change-mark';
import { usePortico } from '../../state/context';
import { changeOutline, changeRing, changeTag, levelTag } from '../../ui/change-tones';

/**
 * How a card or row differs in the comparison on show (the Compare view), or undefined: a card that did
 * not change selects undefined every time and never re-renders for a comparison.
 */
export function useChangeMark(id: string): ChangeMark | undefined {
  return usePortico((s) => s.changeMarks?.[id]);
}

/** The outline of a marked card (`inset` for a row inside one). */
export function changeClass(mark: ChangeMark | undefined, inset = false): string {
  if (!mark?.change) return '';
  return (inset ? changeRing : changeOutline)[mark.change];
}

/** What a screen reader hears after the element's name: ", changed, breaking". */
export function describeMark(mark: ChangeMark | undefined): string {
  if (!mark) return '';
  const parts: string[] = [];
  if (mark.change) parts.push(mark.change);
  const level = mark.level;
  if (level && level !== 'info') parts.push(level);
  if (mark.removed?.length) parts.push(`${mark.removed.length} removed`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** The data attributes tests and styles read: `data-change="changed"`, `data-change-level="breaking"`. */
export function markAttributes(mark: ChangeMark | undefined): Record<string, string> {
  if (!mark) return {};
  const level = markLevel(mark);
  return {
    ...(mark.change ? { 'data-change': mark.change } : {}),
    ...(level ? { 'data-change-level': level } : {}),
    ...(mark.removed?.length ? { 'data-removed': String(mark.removed.length) } : {}),
  };
}

const tag = 'shrink-0 rounded px-1 text-[11px] leading-4 font-bold';

/**
 * Tags naming the change, so that it does not rest on colour alone: "changed", "breaking", and on a card
 * the operations removed from it ("−1 removed", named in its title), which the canvas cannot draw.
 */
export function ChangeBadge({ mark }: { mark: ChangeMark | undefined }) {
  if (!mark) return null;
  const level = mark.level;
  const removed = mark.removed ?? [];
  const removedLevel = removed.some((entry) => entry.level === 'breaking') ? 'breaking' : undefined;
  return (
    <>
      {mark.change ? <span className={`${tag} ${changeTag[mark.change]}`}>{mark.change}</span> : null}
      {level === 'breaking' || level === 'warning' ? (
        <span className={`${tag} ${levelTag[level]}`} data-testid="change-level-tag">
          {level}
        </span>
      ) : null}
      {removed.length > 0 ? (
        <span
          className={`${tag} ${changeTag.removed}`}
          data-testid="removed-tag"
          title={`Removed: ${removed.map((entry) => `${entry.label}${entry.level === 'breaking' ? ' (breaking)' : ''}`).join(', ')}`}
        >
          −{removed.length} removed{removedLevel ? ', breaking' : ''}
        </span>
      ) : null}
    </>
  );
}
