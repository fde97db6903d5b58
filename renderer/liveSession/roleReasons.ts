/**
 * What the window says to a voorsteller about what their role allows: beside the toolbar and
 * Gegevens, on the controls that are off, and when a change they tried is no proposal. A
 * lezer's counterpart is READ_ONLY_REASON (editor/nodeviews/readOnly.ts). A member drafting an
 * amendment in their own copy may only propose as well, and is told so in words of their own
 * (DRAFTING_REASONS).
 */

/** Why a control that changes the document other than by a proposal is off. */
export const PROPOSER_REASON = 'Alleen voorstellen: u bent als voorsteller uitgenodigd';

/** The note beside a voorsteller's toolbar, short: {@link PROPOSER_REASON} is its tooltip. */
export const PROPOSER_NOTE = 'Alleen voorstellen';

/** The tooltip of "Wijzigingen bijhouden", which stays on. */
export const PROPOSER_TRACKING_REASON =
  'Wijzigingen bijhouden staat vast aan: als voorsteller wordt alles wat u wijzigt een voorstel op uw naam';

/** The tooltip of a toolbar command that cannot be a proposal. */
export function proposerActionReason(label: string): string {
  return `${label}: kan niet als voorstel; alleen een redacteur kan dit wijzigen`;
}

/** What the editor says when a voorsteller's change was no proposal and was not made. */
export const PROPOSER_DIRECT_EDIT =
  'Dit kan niet als voorstel en is dus niet gewijzigd: u bent als voorsteller uitgenodigd. U kunt tekst voorstellen en opmerkingen maken; de redacteuren beslissen.';

/** What the window says to one who may only propose, in one set. */
export interface ProposingReasons {
  /** Beside the toolbar, short. */
  note: string;
  /** Why a control is off (the note's tooltip, Gegevens, the page's controls). */
  reason: string;
  /** The tooltip of "Wijzigingen bijhouden". */
  tracking: string;
  /** When a change was no proposal and was not made. */
  directEdit: string;
  /** The tooltip of a toolbar command that cannot be a proposal, for its label. */
  action: (label: string) => string;
}

/** A voorsteller's. */
export const PROPOSER_REASONS: ProposingReasons = {
  note: PROPOSER_NOTE,
  reason: PROPOSER_REASON,
  tracking: PROPOSER_TRACKING_REASON,
  directEdit: PROPOSER_DIRECT_EDIT,
  action: proposerActionReason,
};

/**
 * Why a control that changes the document other than by a proposal is off while a member
 * drafts an amendment. There is no session and no redacteur then: the drafting is what limits.
 */
export const DRAFTING_REASON =
  'Tijdens het opstellen van een amendement kunt u alleen voorstellen doen';

/**
 * A member's while they draft an amendment ("Amendement maken" outside a session): no session,
 * no roles, so nothing about a redacteur; the way back is to stop drafting.
 */
export const DRAFTING_REASONS: ProposingReasons = {
  note: 'Amendement opstellen',
  reason: DRAFTING_REASON,
  tracking:
    'Wijzigingen bijhouden staat vast aan: terwijl u een amendement opstelt, wordt alles wat u wijzigt een voorstel ervan',
  directEdit:
    'Dit kan niet als voorstel en is dus niet gewijzigd: u stelt een amendement op, dat alleen uit voorstellen bestaat. Stop met opstellen in het paneel Amendementen om het stuk zelf te bewerken.',
  action: (label) => `${label}: kan niet als voorstel. ${DRAFTING_REASON}.`,
};
