/**
 * Which of a toolbar's groups fold into its "Meer ▾" menu so that the rest fits on one row, as
 * an office suite's ribbon does: the groups are folded in `order` until the row fits the
 * toolbar's width. The toolbar's children carry `data-group` (a group's label, "more" for the
 * menu's button, "end" for what always stays); each is measured whenever it is shown, so a
 * folded group's width is known from when it last was, and a resize needs no trial render.
 * The order may change (the toolbar keeps the groups for where the cursor is): the row refits.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** The width of the "Meer ▾" button before it has been shown once. */
const MORE_ESTIMATE = 80;

export function useFoldedGroups(bar: RefObject<HTMLElement | null>, order: string[]): Set<string> {
  const [count, setCount] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const latestOrder = useRef(order);
  const refitNow = useRef<(() => void) | null>(null);

  // One observer for the toolbar and each of its parts: the window's width, a group's label
  // or a reader's note changing size all refit the row. Its callback runs after layout and
  // before paint, so a folded group never flashes.
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const widths = new Map<string, number>();
    const refit = () => {
      for (const child of element.children) {
        const name = (child as HTMLElement).dataset.group;
        if (name && !(child as HTMLElement).hidden) {
          widths.set(name, child.getBoundingClientRect().width);
        }
      }
      setCount(fit(element, widths, latestOrder.current));
    };
    refitNow.current = refit;
    const watching = new ResizeObserver(refit);
    watching.observe(element);
    observer.current = watching;
    return () => {
      watching.disconnect();
      observer.current = null;
      refitNow.current = null;
    };
  }, [bar]);

  // Another order folds other groups for the same width (the orders are the toolbar's
  // constants, so a new array is a new order), before the browser paints. Not at mount: the
  // observer's first report, also before the first paint, fits the row after the layout the
  // browser does anyway, where measuring here would force one more while the window starts.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    latestOrder.current = order;
    if (mounted.current) refitNow.current?.();
    mounted.current = true;
  }, [order]);

  // After every render, the parts shown now are watched too (the "Meer ▾" button comes and
  // goes; observing an element twice is a no-op).
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || !observer.current) return;
    for (const child of element.children) observer.current.observe(child);
  });

  return new Set(order.slice(0, count));
}

/** How many groups of `order` must fold for the row to fit, from the parts' known widths. */
function fit(element: HTMLElement, widths: Map<string, number>, order: string[]): number {
  const style = getComputedStyle(element);
  const available =
    element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const gap = parseFloat(style.columnGap) || 0;
  const shown = [...widths].filter(([name]) => name !== 'more');
  for (let folded = 0; folded <= order.length; folded++) {
    const out = new Set(order.slice(0, folded));
    const parts = shown.filter(([name]) => !out.has(name)).map(([, width]) => width);
    if (folded > 0) parts.push(widths.get('more') ?? MORE_ESTIMATE);
    const total = parts.reduce((sum, width) => sum + width, 0) + gap * (parts.length - 1);
    // Half a pixel of slack: widths are fractional and rounding must not fold a group.
    if (total <= available + 0.5) return folded;
  }
  return order.length;
}
