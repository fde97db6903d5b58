/**
 * The invitations a server no longer admits, for as long as it runs: single ones by their id,
 * and whole roles up to a moment, except the invitations named as kept (the host's own). A
 * token says which invitation it is and when it was made (sessionTokens.ts), so the server
 * decides from the token alone and needs no list of what it issued: an invitation withdrawn
 * before anyone used it stays withdrawn, and one made after a role was withdrawn is admitted.
 *
 * Kept in memory only: a session hosted from the app has a fresh secret each time, so its
 * invitations die with it anyway. Both kinds of withdrawal compare times from one clock
 * (`nextTokenTime`), so they hold for tokens signed in the same process as the withdrawal.
 */
import type { SessionRole } from '../../shared/session/invitation.ts';
import { nextTokenTime } from './sessionTokens.ts';
import type { VerifiedGrant } from './sessionTokens.ts';

/** A role withdrawn up to a moment. */
interface RoleWithdrawal {
  /** Tokens of the role made before this time are refused. */
  before: number;
  /** The ids of invitations of the role that stay valid. */
  keep: ReadonlySet<string>;
}

/** The invitation a connection joined with, as far as withdrawing goes. */
export type InvitationOfGrant = Pick<VerifiedGrant, 'role' | 'invitationId' | 'issuedAt'>;

/** What one server has withdrawn. */
export class InvitationWithdrawals {
  readonly #ids = new Set<string>();
  readonly #roles = new Map<SessionRole, RoleWithdrawal>();

  /** Withdraws the invitation with `invitationId`. */
  withdraw(invitationId: string): void {
    this.#ids.add(invitationId);
  }

  /**
   * Withdraws every invitation of `role` made until now, except those whose ids are in
   * `keep`; an earlier withdrawal of the role is replaced (its kept ones are kept only if
   * named again). Invitations made afterwards are admitted.
   */
  withdrawRole(role: SessionRole, keep: Iterable<string> = []): void {
    this.#roles.set(role, { before: nextTokenTime(), keep: new Set(keep) });
  }

  /** Whether the invitation of `grant` is withdrawn. */
  isWithdrawn(grant: InvitationOfGrant): boolean {
    const { role, invitationId, issuedAt } = grant;
    if (invitationId !== null && this.#ids.has(invitationId)) return true;
    const withdrawal = this.#roles.get(role);
    if (!withdrawal) return false;
    if (invitationId !== null && withdrawal.keep.has(invitationId)) return false;
    // A token without a time was made before tokens had one: before any withdrawal.
    return issuedAt === null || issuedAt < withdrawal.before;
  }
}
