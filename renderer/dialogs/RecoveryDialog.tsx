/**
 * After a crash: the documents whose last edits were never saved, each to restore or to throw
 * away. Nothing is thrown away without the user saying so.
 */
import { formatMomentInStyle } from '../../shared/dates.ts';
import { useDateStyle } from '../preferences/userPreferences.ts';
import type { Recoverable } from '../window/windowDialogs.ts';
import { Modal } from './Modal.tsx';

export function RecoveryDialog({
  documents,
  onRestore,
  onDiscard,
  onLater,
}: {
  documents: Recoverable[];
  onRestore: (doc: Recoverable) => void;
  onDiscard: (doc: Recoverable) => void;
  onLater: () => void;
}) {
  const dateStyle = useDateStyle();
  return (
    <Modal title="Niet-opgeslagen werk gevonden" onCancel={onLater} wide>
      <p>
        De editor is de vorige keer afgesloten voordat deze wijzigingen waren opgeslagen. U kunt ze
        herstellen of weggooien.
      </p>
      <ul className="file-list">
        {documents.map((doc) => (
          <li key={doc.documentId} className="recovery-item">
            <span className="recovery-text">
              <span className="file-name">{doc.title || 'Naamloos stuk'}</span>
              <span className="file-detail">
                {doc.path ?? 'nooit opgeslagen'} · laatst gewijzigd{' '}
                {formatMomentInStyle(new Date(doc.changedAt), dateStyle)}
              </span>
            </span>
            <button type="button" className="button primary" onClick={() => onRestore(doc)}>
              Herstellen
            </button>
            <button type="button" className="button" onClick={() => onDiscard(doc)}>
              Weggooien
            </button>
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onLater}>
          Later beslissen
        </button>
      </div>
    </Modal>
  );
}
