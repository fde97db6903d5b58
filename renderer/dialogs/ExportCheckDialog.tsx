/**
 * Before a stuk with status "definitief" is exported while the checks still find something:
 * the user looks at the findings first ("Toon controle", the default) or exports as it is.
 */
import { Modal } from './Modal.tsx';

/** "1 bevinding", "3 bevindingen". */
export function formatFindingCount(count: number): string {
  return count === 1 ? '1 bevinding' : `${count} bevindingen`;
}

export function ExportCheckDialog({
  count,
  onShowChecks,
  onExport,
  onCancel,
}: {
  /** The findings that remain. */
  count: number;
  onShowChecks: () => void;
  onExport: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title="Definitief stuk met bevindingen" onCancel={onCancel}>
      <p>
        Dit stuk is definitief, maar de controle heeft {formatFindingCount(count)}. Toch exporteren?
      </p>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onShowChecks} autoFocus>
          Toon controle
        </button>
        <button type="button" className="button" onClick={onExport}>
          Toch exporteren
        </button>
      </div>
    </Modal>
  );
}
