/** A document whose content does not fit the schema (its text, or one of its versions). */
export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
}
