/** A card to stack in a column: its height, and the heights its edges come from (where it would like to sit). */
export interface ColumnItem {
  height: number;
  /** The y each of its edges starts at, relative to where the card's own edge end is (its middle). */
  wishes: number[];
}

interface Block {
  /** First item of the block. */
  first: number;
  /** Items in the block. */
  count: number;
  /** Every wish of the block's items, each moved by that item's offset inside the block, sorted. */
  points: number[];
}

function merge(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as number) <= (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

/** The lower median: any value between the two middle points is as good; the lower one keeps the column tight. */
function medianOf(points: number[]): number {
  return points[Math.floor((points.length - 1) / 2)] as number;
}

/**
 * The tops of cards stacked in the given order, each at least `gap` below the one before, that make the
 * edges as short as the order allows: the sum of vertical distances between each card's middle and its
 * edges' other ends is the least possible. Order-preserving L1 regression (pool adjacent violators): a
 * card wants the median of its wishes; where that would overlap the card above, the two move as one
 * block to the median of both, and so on. O(n log n)-ish on real designs, exact, deterministic. Cards
 * without wishes sit right below the card before them.
 */
export function placeColumn(items: readonly ColumnItem[], gap: number): number[] {
  // With offset[i] the room the items above i take inside a block, the spacing rule becomes
  // "z[i] non-decreasing" for z[i] = top[i] - offset[i]: plain isotonic regression on z.
  const offsets: number[] = [];
  let room = 0;
  for (const item of items) {
    offsets.push(room);
    room += item.height + gap;
  }
  const blocks: Block[] = [];
  const levelOf = (block: Block) => medianOf(block.points);
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] as ColumnItem;
    const shift = offsets[index] as number;
    const middle = item.height / 2;
    const points = item.wishes.map((wish) => wish - middle - shift).sort((a, b) => a - b);
    let block: Block = { first: index, count: 1, points };
    if (points.length === 0) {
      // No wish: it rides with the block above (or starts the column at 0).
      const above = blocks.at(-1);
      if (above) {
        above.count += 1;
        continue;
      }
      block.points = [0];
    }
    while (blocks.length > 0 && levelOf(blocks.at(-1) as Block) > levelOf(block)) {
      const above = blocks.pop() as Block;
      block = { first: above.first, count: above.count + block.count, points: merge(above.points, block.points) };
    }
    blocks.push(block);
  }
  const tops = new Array<number>(items.length);
  for (const block of blocks) {
    const z = levelOf(block);
    for (let index = block.first; index < block.first + block.count; index += 1) tops[index] = z + (offsets[index] as number);
  }
  return tops;
}
