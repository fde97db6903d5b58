/**
 * A comparison of two versions: the newer text with what it added underlined and what it
 * removed struck through, shown read-only in the editor's own page (same numbering, same
 * layout), with a legend naming the two sides.
 */
import { useEffect, useRef } from 'react';
import type { Node } from 'prosemirror-model';
import { createDocumentView } from '../editor/createEditor.ts';
import { Modal } from './Modal.tsx';

export function CompareDialog({
  comparison,
  fromLabel,
  toLabel,
  onClose,
}: {
  /** The compared document (see compareDocuments). */
  comparison: Node;
  fromLabel: string;
  toLabel: string;
  onClose: () => void;
}) {
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!place.current) return;
    const view = createDocumentView(place.current, comparison);
    return () => view.destroy();
  }, [comparison]);

  return (
    <Modal
      title={`Vergelijking: ${fromLabel} → ${toLabel}`}
      onCancel={onClose}
      className="compare-dialog"
    >
      <p className="modal-text compare-legend">
        <ins className="legend-insert">onderstreept</ins> staat in “{toLabel}” en niet in “
        {fromLabel}”; <del className="legend-delete">doorgehaald</del> stond in “{fromLabel}” en
        niet meer in “{toLabel}”.
      </p>
      {/* It scrolls: focusable, so that the arrow keys and Page Down read on. */}
      <div
        className="compare-page"
        ref={place}
        tabIndex={0}
        role="region"
        aria-label="Vergeleken tekst"
      />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
