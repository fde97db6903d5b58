/**
 * The awareness an editor's cursor plugin talks to, with a session's real awareness plugged in
 * or out while the editor lives. Rebuilding the editor to add colleagues' cursors would throw
 * away its undo history (y-prosemirror's undo manager dies with the plugin views), so the
 * editor gets this slot once, and starting, joining or leaving a session only changes what is
 * in it. Empty, it has no states and keeps nothing.
 *
 * The slot is also the cursor plugin's gate: every state it hands out has been read by
 * shared/session/presenceState.ts, so a malformed or hostile cursor (which would throw inside
 * y-prosemirror, or add a root type to the document) never reaches the plugin, whatever the
 * server relayed. Invalid states are left out; unknown fields are dropped.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPresenceState } from '../../shared/session/presenceState.ts';
import type { PresenceState } from '../../shared/session/presenceState.ts';

/**
 * A session's awareness (y-protocols'), named here so that the rest of the renderer can pass it
 * on without importing Yjs: only the binding does.
 */
export type SessionAwareness = Awareness;

type ChangeListener = (...args: unknown[]) => void;

/** The part of y-protocols' Awareness that y-prosemirror's cursor plugin uses. */
export class AwarenessSlot {
  private current: Awareness | null = null;
  private readonly listeners = new Set<ChangeListener>();
  // Awareness replaces a state's object whenever the state changes, so a state is read once
  // and the plugin, which asks on every remote change, gets the same object each time.
  private readonly checked = new WeakMap<object, PresenceState | null>();
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

  /** Everyone's presence by client id, each one valid; invalid ones are left out. */
  getStates(): Map<number, Record<string, unknown>> {
    const states = new Map<number, Record<string, unknown>>();
    this.current?.getStates().forEach((state, clientId) => {
      const valid = this.read(state);
      if (valid) states.set(clientId, valid);
    });
    return states;
  }

  /** This user's own presence, valid, or null. */
  getLocalState(): Record<string, unknown> | null {
    return this.read(this.current?.getLocalState() ?? null);
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

  private read(state: unknown): Record<string, unknown> | null {
    if (typeof state !== 'object' || state === null) return null;
    if (!this.checked.has(state)) this.checked.set(state, readPresenceState(state));
    return (this.checked.get(state) ?? null) as Record<string, unknown> | null;
  }
}
