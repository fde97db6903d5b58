/**
 * After a crash: the documents whose last edits were never saved, each to restore or to throw
 * away. Nothing is thrown away without the user saying so.
 */
import type { ResolutieApi } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export type Recoverable = Awaited<ReturnType<ResolutieApi['listRecoverable']>>['documents'][number];

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

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
                {dateFormat.format(new Date(doc.changedAt))}
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
