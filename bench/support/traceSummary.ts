/**
 * Where the main thread's time goes by kind of work (script, style, layout, paint, garbage
 * collection …): a Chromium performance trace (the DevTools "Performance" panel's events)
 * summarised as self time per event name on the page's busiest renderer main thread.
 */
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The trace categories of DevTools' Performance panel. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** What DevTools calls the trace events, for people reading the summary. */
const LABELS: Record<string, string> = {
  UpdateLayoutTree: 'Stijl herberekenen (UpdateLayoutTree)',
  Layout: 'Layout',
  PrePaint: 'PrePaint',
  Paint: 'Paint',
  Layerize: 'Layerize',
  FunctionCall: 'Script (FunctionCall)',
  EventDispatch: 'Script (EventDispatch)',
  RunMicrotasks: 'Script (microtasks)',
  'v8.callFunction': 'Script (v8.callFunction)',
  MinorGC: 'GC (minor)',
  MajorGC: 'GC (major)',
  RunTask: 'Taak, overig (RunTask)',
};

/** Runs `work` while tracing `page`; returns self milliseconds per event name, largest first. */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  work: () => Promise<void>,
): Promise<{ name: string; selfMs: number }[]> {
  await browser.startTracing(page, { categories: CATEGORIES });
  await work();
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  return summarizeTrace(events);
}

/** Self time per event name on the busiest `CrRendererMain` thread of `events`. */
export function summarizeTrace(events: readonly TraceEvent[]): { name: string; selfMs: number }[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(key) || e.dur === undefined) continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  let busiest: TraceEvent[] = [];
  let busiestMs = -1;
  for (const list of byThread.values()) {
    const ms = list.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.dur!, 0);
    if (ms > busiestMs) [busiest, busiestMs] = [list, ms];
  }
  // Self time: an event's duration less that of the events directly inside it.
  busiest.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of busiest) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return [...self.entries()]
    .map(([name, us]) => ({ name: LABELS[name] ?? name, selfMs: us / 1000 }))
    .filter((entry) => entry.selfMs > 0.05)
    .sort((a, b) => b.selfMs - a.selfMs);
}
