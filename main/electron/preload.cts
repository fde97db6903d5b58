/**
 * The preload of the editor window. It runs sandboxed, so it is CommonJS and may load nothing
 * but 'electron'; the type imports below are erased when compiled. It exposes one function per
 * contract method on `window.resolutieApi`, and the shell's menu bridge on
 * `window.resolutieShell`, and never `ipcRenderer` itself, so the page can send exactly these
 * messages and nothing else. A test compares these lists with the contract and the channels.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import type { ResolutieBridge } from '../../shared/api/contract.ts';
import type { ShellBridge } from '../../shared/api/shellBridge.ts';

// A plain require: TypeScript's ESM import syntax is not allowed in a CommonJS file here
// (verbatimModuleSyntax), and `import … = require` is not erasable syntax.
const { contextBridge, ipcRenderer } = require('electron') as {
  contextBridge: ContextBridge;
  ipcRenderer: IpcRenderer;
};

const bridge: ResolutieBridge = {
  getAppInfo: () => ipcRenderer.invoke('api:getAppInfo'),
  parseText: (payload) => ipcRenderer.invoke('api:parseText', payload),
  listDocuments: () => ipcRenderer.invoke('api:listDocuments'),
  openDocument: (payload) => ipcRenderer.invoke('api:openDocument', payload),
  saveDocument: (payload) => ipcRenderer.invoke('api:saveDocument', payload),
  printPdf: (payload) => ipcRenderer.invoke('api:printPdf', payload),
  listRecent: () => ipcRenderer.invoke('api:listRecent'),
  journalReset: (payload) => ipcRenderer.invoke('api:journalReset', payload),
  journalAppend: (payload) => ipcRenderer.invoke('api:journalAppend', payload),
  journalDiscard: (payload) => ipcRenderer.invoke('api:journalDiscard', payload),
  listRecoverable: () => ipcRenderer.invoke('api:listRecoverable'),
  recoverDocument: (payload) => ipcRenderer.invoke('api:recoverDocument', payload),
  getPreferences: () => ipcRenderer.invoke('api:getPreferences'),
  setPreferences: (payload) => ipcRenderer.invoke('api:setPreferences', payload),
  startSession: (payload) => ipcRenderer.invoke('api:startSession', payload),
  createInvitation: (payload) => ipcRenderer.invoke('api:createInvitation', payload),
  listParticipants: (payload) => ipcRenderer.invoke('api:listParticipants', payload),
  removeParticipant: (payload) => ipcRenderer.invoke('api:removeParticipant', payload),
  withdrawInvitations: (payload) => ipcRenderer.invoke('api:withdrawInvitations', payload),
  stopSession: (payload) => ipcRenderer.invoke('api:stopSession', payload),
  getSessionRelay: () => ipcRenderer.invoke('api:getSessionRelay'),
  printOnPaper: (payload) => ipcRenderer.invoke('api:printOnPaper', payload),
  readDocument: (payload) => ipcRenderer.invoke('api:readDocument', payload),
  listProcedureOverview: (payload) => ipcRenderer.invoke('api:listProcedureOverview', payload),
  exportDocx: (payload) => ipcRenderer.invoke('api:exportDocx', payload),
};

contextBridge.exposeInMainWorld('resolutieApi', bridge);

// The menus: the page reports its document's state, and hears the menus' commands. The
// listener gets the message only, never the IPC event (which would hand the page the sender).
const shell: ShellBridge = {
  setMenuState: (state) => ipcRenderer.send('shell:menuState', state),
  onMenuCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on('shell:menuCommand', forward);
    return () => {
      ipcRenderer.removeListener('shell:menuCommand', forward);
    };
  },
};

contextBridge.exposeInMainWorld('resolutieShell', shell);
