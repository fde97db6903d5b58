/**
 * The boundaries between the rooms are ESLint rules (eslint.config.js); this shows each rule
 * at work: a wrong-way import in a file of a room is refused, and a right-way one from the
 * same file passes (so a rule that refused everything would fail here too). The files are
 * linted as text under their would-be names; nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules that refused `code` as the file `filePath`. */
async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = probe;\n`, { filePath });
  return result!.messages
    .filter((message) => message.ruleId?.endsWith('no-restricted-imports'))
    .map((message) => message.message);
}

/** A boundary: from `file`, `wrong` is refused (with `why` in the message) and `right` is not. */
interface Boundary {
  name: string;
  file: string;
  wrong: string;
  right: string;
  why: string;
}

const BOUNDARIES: Boundary[] = [
  {
    name: 'main never imports the renderer',
    file: 'main/api/probe.ts',
    wrong: "import { probe } from '../../renderer/api/client.ts';",
    right: "import { probe } from '../../shared/api/contract.ts';",
    why: 'main/ never imports the renderer',
  },
  {
    name: 'main/services sits below the sync server',
    file: 'main/services/probe.ts',
    wrong: "import { probe } from '../syncServer/collabServer.ts';",
    right: "import { probe } from '../../shared/ydoc/yDocument.ts';",
    why: 'main/services sits below',
  },
  {
    name: 'main/services sits below the shells and the CLI',
    file: 'main/services/pdf/probe.ts',
    wrong: "import { probe } from '../../electron/windows.ts';",
    right: "import { probe } from '../files/atomicWrite.ts';",
    why: 'main/services sits below',
  },
  {
    name: 'only the Electron shell imports electron',
    file: 'main/services/probe.ts',
    wrong: "import { app as probe } from 'electron';",
    right: "import type { App as probe } from 'electron';",
    why: 'Only the Electron shell imports electron',
  },
  {
    name: 'the renderer reaches main only through the API client',
    file: 'renderer/components/Probe.tsx',
    wrong: "import { probe } from '../../main/api/handlers.ts';",
    right: "import { probe } from '../api/client.ts';",
    why: 'only through the API client',
  },
  {
    name: 'the renderer is browser code',
    file: 'renderer/components/Probe.tsx',
    wrong: "import probe from 'node:fs';",
    right: "import probe from 'react';",
    why: 'renderer/ is browser code',
  },
  {
    name: 'Yjs in the renderer only in the binding',
    file: 'renderer/components/Probe.tsx',
    wrong: "import * as probe from 'yjs';",
    right: "import * as probe from 'prosemirror-state';",
    why: 'Yjs stays behind',
  },
  {
    name: 'the awareness protocol in the renderer only in the binding',
    file: 'renderer/documents/probe.ts',
    wrong: "import { Awareness as probe } from 'y-protocols/awareness';",
    right: "import { probe } from '../api/client.ts';",
    why: 'Yjs stays behind',
  },
  {
    name: 'the binding may use Yjs',
    file: 'renderer/editor/merges/probe.ts',
    wrong: "import { probe } from '../../../main/syncServer/collabServer.ts';",
    right: "import * as probe from 'yjs';",
    why: 'only through the API client',
  },
  {
    name: 'documents/ does not import dialogs',
    file: 'renderer/documents/probe.ts',
    wrong: "import { probe } from '../dialogs/RecoveryDialog.tsx';",
    right: "import { probe } from '../preferences/userPreferences.ts';",
    why: 'does not import the UI',
  },
  {
    name: 'liveSession/ does not import components',
    file: 'renderer/liveSession/probe.ts',
    wrong: "import { probe } from '../components/PresencePanel.tsx';",
    right: "import * as probe from '@hocuspocus/provider';",
    why: 'does not import the UI',
  },
  {
    name: "the window's controller does not import the UI",
    file: 'renderer/window/probe.ts',
    wrong: "import { probe } from '../dialogs/VersionsDialog.tsx';",
    right: "import { probe } from '../documents/OpenDocument.ts';",
    why: 'does not import the UI',
  },
  {
    name: 'help/ does not import components',
    file: 'renderer/help/Probe.tsx',
    wrong: "import { probe } from '../components/FileBar.tsx';",
    right: "import { probe } from '../keyboard/shortcuts.ts';",
    why: 'help/ and components/ do not import each other',
  },
  {
    name: 'components/ does not import help',
    file: 'renderer/components/Probe.tsx',
    wrong: "import { probe } from '../help/HelpMenu.tsx';",
    right: "import { probe } from '../keyboard/shortcuts.ts';",
    why: 'help/ and components/ do not import each other',
  },
  {
    name: 'controls/ imports none of the UI rooms that share it',
    file: 'renderer/controls/Probe.tsx',
    wrong: "import { probe } from '../help/HelpMenu.tsx';",
    right: "import { probe } from '../keyboard/shortcuts.ts';",
    why: 'imports none of them',
  },
  {
    name: 'shared/ runs everywhere',
    file: 'shared/ydoc/probe.ts',
    wrong: "import probe from 'node:fs';",
    right: "import * as probe from 'yjs';",
    why: 'no Node or Electron modules',
  },
  {
    name: 'shared/ depends on nothing above it',
    file: 'shared/api/probe.ts',
    wrong: "import { probe } from '../../renderer/api/client.ts';",
    right: "import { probe } from '../session/invitation.ts';",
    why: 'depends on nothing above it',
  },
  {
    name: 'Yjs in shared/ only in ydoc',
    file: 'shared/editor/probe.ts',
    wrong: "import * as probe from 'y-prosemirror';",
    right: "import * as probe from 'prosemirror-model';",
    why: 'Yjs stays behind',
  },
  {
    name: 'the model is the bottom layer',
    file: 'shared/model/probe.ts',
    wrong: "import { probe } from '../editor/schema.ts';",
    right: "import { probe } from './resolution.ts';",
    why: 'shared/model is the bottom layer',
  },
  {
    name: 'the root files of shared/ sit with the model',
    file: 'shared/probe.ts',
    wrong: "import { probe } from './api/preferences.ts';",
    right: "import { probe } from './model/resolution.ts';",
    why: 'root files of shared/',
  },
  {
    name: 'the editor does not reach into the Yjs room',
    file: 'shared/editor/suggestions/probe.ts',
    wrong: "import { probe } from '../../ydoc/yDocument.ts';",
    right: "import { probe } from '../../model/userColours.ts';",
    why: 'shared/editor reads and edits documents',
  },
  {
    name: 'print reads documents through the queries, not through export',
    file: 'shared/print/probe.ts',
    wrong: "import { probe } from '../export/toJsonExport.ts';",
    right: "import { probe } from '../editor/schema.ts';",
    why: 'not through export',
  },
  {
    name: 'export does not import print',
    file: 'shared/export/probe.ts',
    wrong: "import { probe } from '../print/renderPrintDocument.ts';",
    right: "import { probe } from '../editor/schema.ts';",
    why: "through the editor's queries",
  },
  {
    name: 'the file envelope sits below the Yjs document',
    file: 'shared/format/probe.ts',
    wrong: "import { probe } from '../ydoc/documentFile.ts';",
    right: "import { probe } from '../model/resolution.ts';",
    why: 'below the Yjs document',
  },
  {
    name: 'the Yjs document sits below the session protocol',
    file: 'shared/ydoc/probe.ts',
    wrong: "import { probe } from '../session/presenceState.ts';",
    right: "import * as probe from 'yjs';",
    why: 'sits below the session protocol',
  },
  {
    name: 'the session protocol, which checks updates with Yjs, sits below the contract',
    file: 'shared/session/probe.ts',
    wrong: "import { probe } from '../api/preferences.ts';",
    right: "import * as probe from 'yjs';",
    why: 'below the API contract',
  },
  {
    name: 'the export reads no Yjs',
    file: 'shared/export/probe.ts',
    wrong: "import * as probe from 'yjs';",
    right: "import { probe } from '../editor/schema.ts';",
    why: 'Yjs stays behind',
  },
  {
    name: 'print does not read the procedure from the Yjs room',
    file: 'shared/print/probe.ts',
    wrong: "import { probe } from '../procedure/procedureRecords.ts';",
    right: "import { probe } from '../dates.ts';",
    why: 'not through export',
  },
  {
    name: 'the procedure sits below the contract',
    file: 'shared/procedure/probe.ts',
    wrong: "import { probe } from '../api/preferences.ts';",
    right: "import { probe } from '../session/updateValidation.ts';",
    why: 'below the contract',
  },
  {
    name: 'print does not read the comments from the Yjs room',
    file: 'shared/print/probe.ts',
    wrong: "import { probe } from '../comments/commentReport.ts';",
    right: "import { probe } from '../dates.ts';",
    why: 'not through export',
  },
  {
    name: 'the comments sit with the Yjs document, below the session protocol',
    file: 'shared/comments/probe.ts',
    wrong: "import { probe } from '../session/invitation.ts';",
    right: "import * as probe from 'y-prosemirror';",
    why: 'sits with shared/ydoc',
  },
  {
    name: 'the Yjs room sits below the contract',
    file: 'shared/ydoc/probe.ts',
    wrong: "import { probe } from '../api/preferences.ts';",
    right: "import { probe } from '../format/resolutieFile.ts';",
    why: 'sits below the session protocol and the contract',
  },
];

describe('the boundaries between the rooms, as lint rules', () => {
  it.each(BOUNDARIES)('$name', async ({ file, wrong, right, why }) => {
    const refused = await refusals(file, wrong);
    expect(refused, `${wrong} in ${file}`).toHaveLength(1);
    expect(refused[0]).toContain(why);
    expect(await refusals(file, right), `${right} in ${file}`).toEqual([]);
  });
});
