/**
 * Line and column of many offsets in one text, found by binary search over the line starts (built once,
 * on first use): a document with thousands of notes costs one pass over the text, not one per note.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in `lineColumnAt`.
 */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  const build = (): number[] => {
    const found = [0];
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) found.push(index + 1);
    }
    return found;
  };
  return (offset) => {
    starts ??= build();
    const target = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= target) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: target - (starts[low] as number) + 1 };
  };
}
