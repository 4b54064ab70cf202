// Which toolbar items go into the ⋯ menu (issue 14): none when all fit; otherwise the row takes the items from the
// most needed (highest priority, then the earlier) to the least, each one that still fits beside the ⋯ button, so a
// wide item put away leaves its room to smaller, less needed ones. The result depends only on the widths and the room.

export interface Measured {
  key: string;
  priority: number;
  /** With the gap after it. */
  width: number;
}

export function fitByPriority(items: readonly Measured[], room: number, moreWidth: number): Set<string> {
  const all = items.reduce((s, i) => s + i.width, 0);
  if (all <= room) return new Set();
  const byNeed = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.priority - a.item.priority || a.index - b.index);
  const off = new Set<string>();
  let used = moreWidth;
  for (const { item } of byNeed) {
    if (used + item.width <= room) used += item.width;
    else off.add(item.key);
  }
  return off;
}
