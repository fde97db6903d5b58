/**
 * "Openen": recent documents first, then every document in the documents folder, by title.
 * A file the host could not read as a document is marked in the list with the reason;
 * choosing one opens it, and a file that cannot be opened shows its reason here and nothing
 * changes.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ResolutieApi } from '../api/client.ts';
import { formatMomentInStyle } from '../../shared/dates.ts';
import { useDateStyle } from '../preferences/userPreferences.ts';
import { Modal } from './Modal.tsx';
import '../styles/openDialog.css';

/** The id of the line that says why the file at `path` cannot be opened. */
function problemId(path: string): string {
  return `problem-${encodeURIComponent(path)}`;
}

/** The host's reason starts with the file's name, which the list already shows beside it. */
function withoutFileName(problem: string): string {
  const reason = problem.replace(/^‘[^’]*’: /, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

type Listing = Awaited<ReturnType<ResolutieApi['listDocuments']>>;
type Recent = Awaited<ReturnType<ResolutieApi['listRecent']>>;

export function OpenDialog({
  onOpen,
  onCancel,
}: {
  /** Opens the file at `path`; rejects with the reason it cannot. */
  onOpen: (path: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [recent, setRecent] = useState<Recent['documents']>([]);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dateStyle = useDateStyle();

  useEffect(() => {
    let live = true;
    Promise.all([api.listRecent(), api.listDocuments()])
      .then(([r, l]) => {
        if (!live) return;
        setRecent(r.documents.filter((d) => d.exists));
        setListing(l);
      })
      .catch(
        (caught: unknown) =>
          live && setError(caught instanceof Error ? caught.message : String(caught)),
      );
    return () => {
      live = false;
    };
  }, []);

  const open = async (path: string) => {
    setError(null);
    try {
      await onOpen(path);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <Modal title="Document openen" onCancel={onCancel} wide>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {recent.length > 0 && (
        <section aria-label="Recente documenten">
          <h3 className="list-heading">Recent</h3>
          <ul className="file-list">
            {recent.map((doc) => (
              <li key={`recent-${doc.path}`}>
                <button type="button" className="file-button" onClick={() => void open(doc.path)}>
                  <span className="file-name">{doc.title || doc.name}</span>
                  <span className="file-detail">
                    {doc.name}.resolutie · geopend{' '}
                    {formatMomentInStyle(new Date(doc.openedAt), dateStyle)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label="Documentenmap">
        <h3 className="list-heading">In de documentenmap</h3>
        {listing && <p className="file-detail folder-path">{listing.folder}</p>}
        {listing && listing.documents.length === 0 && (
          <p className="empty-note">Er staan nog geen documenten in deze map.</p>
        )}
        <ul className="file-list">
          {listing?.documents.map((doc) => (
            <li key={doc.path}>
              <button
                type="button"
                className={`file-button${doc.problem ? ' file-button-broken' : ''}`}
                aria-describedby={doc.problem ? problemId(doc.path) : undefined}
                onClick={() => void open(doc.path)}
              >
                <span className="file-name">{doc.title || doc.name}</span>
                <span className="file-detail">
                  {doc.name}.resolutie · gewijzigd{' '}
                  {formatMomentInStyle(new Date(doc.modifiedAt), dateStyle)}
                </span>
                {doc.problem && (
                  <span className="file-problem" id={problemId(doc.path)}>
                    Kan niet worden geopend: {withoutFileName(doc.problem)}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}
