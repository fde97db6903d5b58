/**
 * Who may set which presence (awareness client id) in one open document.
 *
 * A client id belongs to the connection that introduced it, and to the invitation (token)
 * that connection joined with. Another connection may take it over only when it joined with
 * the same invitation and the owner is gone: that is a client reconnecting. While the owner is
 * still connected, a claim with the same invitation is `held` for the caller to decide (the
 * owner may be the dead socket of the same client; presenceGuard.ts asks it). Ids that came
 * from another instance through Redis belong to that instance until their state is removed.
 *
 * The ids of departed owners stay reserved for their invitation: when a connection drops,
 * Hocuspocus removes its presence, and without the reservation anyone who saw the id could
 * claim it before the client is back. At most `maxReserved` are kept, the oldest go first.
 */

/** How a claim of a client id turns out. */
export type Claim =
  /** The connection owns the id already. */
  | 'own'
  /** The id was free (or its owner gone, with the same invitation): it is the connection's now. */
  | 'taken'
  /** Another connection with the same invitation owns it and is still connected. */
  | 'held'
  /** The id belongs to another invitation or instance, or the connection has its ids already. */
  | 'refused';

/** The credential of ids from other instances. */
export const REMOTE = Symbol('remote');

interface OwnerRecord<C> {
  owner: C | null;
  credential: string | typeof REMOTE;
}

/** The limits of one document's register. */
export interface PresenceOwnerLimits {
  /** Client ids one connection may own: an honest provider has one. */
  idsPerConnection: number;
  /** Ids of departed owners kept reserved. */
  maxReserved: number;
}

export const DEFAULT_PRESENCE_OWNER_LIMITS: PresenceOwnerLimits = {
  idsPerConnection: 1,
  maxReserved: 1024,
};

/** The owners of one document's client ids; `C` is the server's connection. */
export class PresenceOwners<C extends object> {
  private readonly records = new Map<number, OwnerRecord<C>>();
  private readonly owned = new Map<C, Set<number>>();
  // Ids whose owner is gone, oldest first (a Set keeps insertion order).
  private readonly reserved = new Set<number>();
  private readonly isConnected: (connection: C) => boolean;
  private readonly limits: PresenceOwnerLimits;

  constructor(
    isConnected: (connection: C) => boolean,
    limits: PresenceOwnerLimits = DEFAULT_PRESENCE_OWNER_LIMITS,
  ) {
    this.isConnected = isConnected;
    this.limits = limits;
  }

  /** Decides whether `connection`, joined with `credential`, may set `clientId`. */
  claim(connection: C, credential: string, clientId: number): Claim {
    const record = this.records.get(clientId);
    if (record?.owner === connection) return 'own';
    if (record && record.credential !== credential) return 'refused';
    if ((this.owned.get(connection)?.size ?? 0) >= this.limits.idsPerConnection) return 'refused';
    if (record?.owner && this.isConnected(record.owner)) return 'held';
    this.assign(clientId, connection, credential);
    return 'taken';
  }

  /** The connection that owns `clientId`, if one does. */
  getOwner(clientId: number): C | null {
    return this.records.get(clientId)?.owner ?? null;
  }

  /** Gives `clientId` to `connection`; false when the connection has its ids already. */
  assign(clientId: number, connection: C, credential: string): boolean {
    const ids = this.owned.get(connection) ?? new Set<number>();
    if (!ids.has(clientId) && ids.size >= this.limits.idsPerConnection) return false;
    const previous = this.records.get(clientId)?.owner;
    if (previous) this.owned.get(previous)?.delete(clientId);
    this.records.set(clientId, { owner: connection, credential });
    this.reserved.delete(clientId);
    ids.add(clientId);
    this.owned.set(connection, ids);
    return true;
  }

  /** Reserves the ids of connections that are no longer connected for their invitation. */
  releaseDisconnected(): void {
    for (const [connection, ids] of this.owned) {
      if (this.isConnected(connection)) continue;
      this.owned.delete(connection);
      for (const clientId of ids) {
        const record = this.records.get(clientId);
        if (record?.owner !== connection) continue;
        record.owner = null;
        this.reserved.add(clientId);
      }
    }
    for (const clientId of this.reserved) {
      if (this.reserved.size <= this.limits.maxReserved) break;
      this.reserved.delete(clientId);
      this.records.delete(clientId);
    }
  }

  /** Notes that another instance set `clientId`, unless it is known here already. */
  markRemote(clientId: number): void {
    if (!this.records.has(clientId))
      this.records.set(clientId, { owner: null, credential: REMOTE });
  }

  /** Frees `clientId` if it came from another instance (its state was removed). */
  forgetRemote(clientId: number): void {
    if (this.records.get(clientId)?.credential === REMOTE) this.records.delete(clientId);
  }
}
