/**
 * A person as a small round mark in their colour with their initials: in the header's list of
 * colleagues, the presence list and the changes panel. Where the name stands beside it, the
 * mark is decorative (hidden from screen readers); alone, its title names the person.
 */

/** The initials of a name: "Voorsteller van Zwolle" → "VZ", "Secretariaat" → "S". */
export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export function Avatar({
  name,
  colour,
  small = false,
}: {
  name: string;
  colour: string;
  /** The small mark beside a written name (decorative); otherwise the mark alone, titled. */
  small?: boolean;
}) {
  return (
    <span
      className={small ? 'avatar avatar-small' : 'avatar'}
      style={{ backgroundColor: colour }}
      {...(small ? { 'aria-hidden': true } : { title: name })}
    >
      {getInitials(name)}
    </span>
  );
}
