import type { Virtualizer } from '@tanstack/vue-virtual'

/**
 * A virtualized row's height, for `useVirtualizer`'s `measureElement`: from the ResizeObserver's
 * entry, which comes after the browser's own layout and before the frame is painted. The default
 * reads `offsetHeight` as each row is mounted, which makes the browser lay the page out once per
 * row while the rows are still being inserted (a fifth of History's first draw). Until its entry
 * comes, a row counts as the height it had before, or the estimate.
 */
export function measureLater(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  const index = instance.indexFromElement(element)
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
}
