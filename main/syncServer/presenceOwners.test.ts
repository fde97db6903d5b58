/**
 * The register of who owns which presence id, on its own: connections are plain objects and
 * "connected" is a set the test controls. The server's behaviour with real clients is in
 * collabServer.presence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PresenceOwners } from './presenceOwners.ts';

interface FakeConnection {
  name: string;
}

function setup(limits = { idsPerConnection: 1, maxReserved: 2 }) {
  const connected = new Set<FakeConnection>();
  const owners = new PresenceOwners<FakeConnection>((c) => connected.has(c), limits);
  const connect = (name: string) => {
    const connection = { name };
    connected.add(connection);
    return connection;
  };
  const disconnect = (connection: FakeConnection) => {
    connected.delete(connection);
    owners.releaseDisconnected();
  };
  return { owners, connect, disconnect };
}

describe('PresenceOwners', () => {
  it('gives an id to the first connection that sets it, and to no one else', () => {
    const { owners, connect } = setup();
    const adviseur = connect('adviseur');
    const reader = connect('reader');
    expect(owners.claim(adviseur, 'editors', 7)).toBe('taken');
    expect(owners.claim(adviseur, 'editors', 7)).toBe('own');
    expect(owners.claim(reader, 'readers', 7)).toBe('refused');
    expect(owners.getOwner(7)).toBe(adviseur);
  });

  it('lets a connection own one id', () => {
    const { owners, connect } = setup();
    const reader = connect('reader');
    expect(owners.claim(reader, 'readers', 1)).toBe('taken');
    expect(owners.claim(reader, 'readers', 2)).toBe('refused');
    expect(owners.getOwner(2)).toBeNull();
  });

  it('holds a claim with the same invitation while the owner is connected', () => {
    const { owners, connect, disconnect } = setup();
    const old = connect('adviseur, old socket');
    const fresh = connect('adviseur, reconnected');
    owners.claim(old, 'editors', 7);
    expect(owners.claim(fresh, 'editors', 7)).toBe('held');
    disconnect(old);
    expect(owners.claim(fresh, 'editors', 7)).toBe('taken');
    expect(owners.getOwner(7)).toBe(fresh);
  });

  it('keeps a departed owner’s id for its invitation, so nobody else takes it meanwhile', () => {
    const { owners, connect, disconnect } = setup();
    const adviseur = connect('adviseur');
    owners.claim(adviseur, 'editors', 7);
    disconnect(adviseur);
    const reader = connect('reader');
    expect(owners.claim(reader, 'readers', 7)).toBe('refused');
    expect(owners.claim(connect('adviseur again'), 'editors', 7)).toBe('taken');
  });

  it('keeps at most `maxReserved` departed ids, the oldest go first', () => {
    const { owners, connect, disconnect } = setup();
    for (const id of [1, 2, 3]) {
      const connection = connect(`c${id}`);
      owners.claim(connection, 'editors', id);
      disconnect(connection);
    }
    const reader = connect('reader');
    expect(owners.claim(reader, 'readers', 3)).toBe('refused');
    expect(owners.claim(reader, 'readers', 2)).toBe('refused');
    expect(owners.claim(reader, 'readers', 1)).toBe('taken');
  });

  it('leaves ids of other instances to them until their state is gone', () => {
    const { owners, connect } = setup();
    const reader = connect('reader');
    const adviseur = connect('adviseur');
    owners.claim(adviseur, 'editors', 8);
    owners.markRemote(7);
    owners.markRemote(8);
    expect(owners.claim(reader, 'readers', 7)).toBe('refused');
    expect(owners.getOwner(8)).toBe(adviseur);
    owners.forgetRemote(8);
    expect(owners.getOwner(8)).toBe(adviseur);
    owners.forgetRemote(7);
    expect(owners.claim(reader, 'readers', 7)).toBe('taken');
  });

  it('moves an id on assignment, within the limit of the new owner', () => {
    const { owners, connect } = setup();
    const old = connect('old');
    const fresh = connect('fresh');
    owners.claim(old, 'editors', 7);
    owners.claim(fresh, 'editors', 9);
    expect(owners.assign(7, fresh, 'editors')).toBe(false);
    const other = connect('other');
    expect(owners.assign(7, other, 'editors')).toBe(true);
    expect(owners.getOwner(7)).toBe(other);
    // The old owner may set an id again: it no longer holds 7.
    expect(owners.claim(old, 'editors', 10)).toBe('taken');
  });
});
