/**
 * The mark of a comment, a speech balloon drawn in the current text colour: beside the
 * toolbar's "Opmerking" (and alone when the toolbar is narrow). Decorative: the button's text
 * names it.
 */
export function CommentIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinejoin="round"
    >
      <path d="M2.5 3.2c0-.66.54-1.2 1.2-1.2h8.6c.66 0 1.2.54 1.2 1.2v6.1c0 .66-.54 1.2-1.2 1.2H7.2L4.4 13.2v-2.7h-.7c-.66 0-1.2-.54-1.2-1.2z" />
      <path d="M5.2 5.2h5.6M5.2 7.4h3.8" strokeLinecap="round" />
    </svg>
  );
}
