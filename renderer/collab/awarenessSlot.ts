/**
 * The awareness an editor's cursor plugin talks to, with a session's real awareness plugged in
 * or out while the editor lives. Rebuilding the editor to add colleagues' cursors would throw
 * away its undo history (y-prosemirror's undo manager dies with the plugin views), so the
 * editor gets this slot once, and starting, joining or leaving a session only changes what is
 * in it. Empty, it has no states and keeps nothing.
 */
import type { Awareness } from 'y-protocols/awareness';

type ChangeListener = (...args: unknown[]) => void;

/** The part of y-protocols' Awareness that y-prosemirror's cursor plugin uses. */
export class AwarenessSlot {
  private current: Awareness | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private readonly forward: ChangeListener = (...args) => {
    for (const listener of this.listeners) listener(...args);
  };

  /** Plugs in `awareness` (or nothing); the cursor plugin redraws. */
  attach(awareness: Awareness | null): void {
    if (awareness === this.current) return;
    this.current?.off('change', this.forward);
    this.current = awareness;
    awareness?.on('change', this.forward);
    this.forward({ added: [], updated: [], removed: [] }, 'slot');
  }

  getStates(): Map<number, Record<string, unknown>> {
    return this.current?.getStates() ?? new Map();
  }

  getLocalState(): Record<string, unknown> | null {
    return this.current?.getLocalState() ?? null;
  }

  setLocalStateField(field: string, value: unknown): void {
    this.current?.setLocalStateField(field, value);
  }

  on(event: 'change', listener: ChangeListener): void {
    if (event === 'change') this.listeners.add(listener);
  }

  off(event: 'change', listener: ChangeListener): void {
    if (event === 'change') this.listeners.delete(listener);
  }
}
