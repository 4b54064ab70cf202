// Which toolbar items go into the ⋯ menu (issue 14): none when all fit; otherwise the row keeps the most needed items
// (highest priority, then the earlier) while they fit beside the ⋯ button, and the rest go, so the menu's content
// depends only on the room, never on the order widths were measured in.

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
    if (off.size === 0 && used + item.width <= room) used += item.width;
    else off.add(item.key);
  }
  return off;
}
