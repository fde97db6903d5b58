/**
 * "Over Resolutie-editor": the app's name, icon and version as the host reports them
 * (`getAppInfo`), the shell and system it runs in (what a helpdesk asks first), the licence
 * and who makes it.
 */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/appInfo.ts';
import { api } from '../api/client.ts';
import iconUrl from '../assets/icon.svg';
import { Modal } from '../dialogs/Modal.tsx';
import '../styles/help.css';

const PLATFORM_NAMES: Record<string, string> = {
  win32: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
};

/** "Bureaubladapp op Windows", "Browsermodus op Linux". */
export function describeShell(info: AppInfo): string {
  const shell = info.mode === 'electron' ? 'Bureaubladapp' : 'Browsermodus';
  return `${shell} op ${PLATFORM_NAMES[info.platform] ?? info.platform}`;
}

export function AboutDialog({ onClose, onHelp }: { onClose: () => void; onHelp: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .getAppInfo()
      .then((answer) => live && setInfo(answer))
      .catch((caught: unknown) => {
        if (live) setError(caught instanceof Error ? caught.message : String(caught));
      });
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal title="Over Resolutie-editor" onCancel={onClose} className="about-modal">
      <div className="about-layout">
        <img className="about-icon" src={iconUrl} alt="" width={96} height={96} />
        <div>
          <p className="about-name">{info?.name ?? 'Resolutie-editor'}</p>
          <p className="about-version" role="status">
            {info ? `Versie ${info.version}` : error ? error : 'Versie wordt opgehaald…'}
          </p>
          {info && <p className="about-detail">{describeShell(info)}</p>}
          <p className="modal-text">
            Editor voor resoluties, moties en amendementen van de algemene ledenvergadering: als
            gestructureerd stuk, met automatische nummering, wijzigingen bijhouden, versies, samen
            bewerken en PDF.
          </p>
          <p className="about-detail">
            © Vereniging van Nederlandse Gemeenten · vrijgegeven onder de Europese
            open-sourcelicentie EUPL 1.2
          </p>
        </div>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onHelp}>
          Help
        </button>
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          Sluiten
        </button>
      </div>
    </Modal>
  );
}
