/** "Save the changes?" before a document with unsaved changes is closed or replaced. */
import type { UnsavedChoice } from '../window/windowDialogs.ts';
import { Modal } from './Modal.tsx';

export function ConfirmUnsavedDialog({
  name,
  onChoose,
}: {
  name: string;
  onChoose: (choice: UnsavedChoice) => void;
}) {
  return (
    <Modal title="Wijzigingen opslaan?" onCancel={() => onChoose('cancel')}>
      <p>
        ‘{name}’ heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze opslaan voordat het
        document sluit?
      </p>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={() => onChoose('save')} autoFocus>
          Opslaan
        </button>
        <button type="button" className="button" onClick={() => onChoose('discard')}>
          Niet opslaan
        </button>
        <button type="button" className="button" onClick={() => onChoose('cancel')}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}
