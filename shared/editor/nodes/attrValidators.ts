/**
 * Attribute validators for node specs. ProseMirror calls them when a node is created and
 * expects them to throw on a bad value, so that no invalid attribute enters a document.
 */

/** A validator accepting only the given values. */
export function oneOf(values: readonly unknown[]): (value: unknown) => void {
  return (value) => {
    if (!values.includes(value)) {
      throw new RangeError(
        `ongeldige waarde ${JSON.stringify(value)}, verwacht: ${values.join(', ')}`,
      );
    }
  };
}

/** A validator from a predicate. */
export function satisfies(
  test: (value: unknown) => boolean,
  what: string,
): (value: unknown) => void {
  return (value) => {
    if (!test(value)) throw new RangeError(`ongeldige waarde ${JSON.stringify(value)}: ${what}`);
  };
}
