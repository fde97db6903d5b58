/**
 * Sizes an inline field or chooser to its text, so that a sentence with fields in it
 * ("De leden bijeen in de Najaars ALV van …") reads as ordinary text. Measures with the
 * element's own font once it is in the page, and again when the web fonts have loaded.
 */
let canvas: HTMLCanvasElement | null = null;

function measure(el: HTMLElement, text: string): number | null {
  if (!el.isConnected) return null;
  const style = getComputedStyle(el);
  canvas ??= document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return context.measureText(text).width;
}

/** Sets the element's width to fit `text` plus `extra` pixels (padding, borders, caret). */
export function fitWidth(el: HTMLElement, text: string, extra = 4): void {
  const apply = (): boolean => {
    const width = measure(el, text);
    if (width === null) return false;
    el.style.width = `${Math.ceil(width + extra)}px`;
    return true;
  };
  apply();
  // Once laid out, the page has asked for its web fonts; measure again when they are there.
  requestAnimationFrame(() => {
    apply();
    void document.fonts?.ready.then(apply);
  });
}
