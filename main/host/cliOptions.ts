import path from 'node:path';
import { DOCUMENTS_DIR_ENV, PROFILE_DIR_ENV } from '../services/app/appDirs.ts';
import { DEFAULT_PORT } from './defaults.ts';

/** The folders the host was told to use; left out, the defaults of `appDirs.ts` apply. */
export interface HostFolders {
  /** `--profile`: recent documents and recovery journals. */
  profileDir?: string;
  /** `--documents`: the user's `.resolutie` files. */
  documentsDir?: string;
}

/** The folders given on the command line, leaving out those not given. */
export function pickHostFolders(options: HostFolders): HostFolders {
  const { profileDir, documentsDir } = options;
  return {
    ...(profileDir !== undefined ? { profileDir } : {}),
    ...(documentsDir !== undefined ? { documentsDir } : {}),
  };
}

/** What the command line asked for, or why it could not be understood (a Dutch message). */
export type HostCliOptions =
  | ({ kind: 'run'; port: number } & HostFolders)
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** The usage text of `node main/host/cli.ts`. */
export const HOST_USAGE = [
  'Gebruik: node main/host/cli.ts [--port POORT] [--profile MAP] [--documents MAP]',
  '',
  `  --port POORT      poort op 127.0.0.1 (standaard ${DEFAULT_PORT}, of RESOLUTIE_PORT; 0 kiest een vrije poort)`,
  `  --profile MAP     map voor de eigen gegevens van de editor: recente documenten en`,
  `                    herstelbestanden (standaard ${PROFILE_DIR_ENV}, anders de gebruikelijke`,
  '                    plek van het besturingssysteem, zoals ~/.config/resolutie-editor)',
  `  --documents MAP   map met de documenten (standaard ${DOCUMENTS_DIR_ENV}, anders`,
  '                    ~/Documenten/Resoluties of ~/Documents/Resoluties)',
  '  --help            deze uitleg',
].join('\n');

/** The options that take a value, and the key each fills. */
const VALUE_OPTIONS = {
  '--port': 'port',
  '--profile': 'profileDir',
  '--documents': 'documentsDir',
} as const;

type ValueOption = keyof typeof VALUE_OPTIONS;

/** What comes after each option that is given without its value. */
const MISSING_VALUE: Readonly<Record<ValueOption, string>> = {
  '--port': 'Na --port hoort een poortnummer.',
  '--profile': 'Na --profile hoort een map.',
  '--documents': 'Na --documents hoort een map.',
};

/**
 * Reads the host's options from its arguments and environment: `--port N` or `--port=N` wins
 * over `RESOLUTIE_PORT`, which wins over {@link DEFAULT_PORT}. `--profile MAP` and
 * `--documents MAP` (also with `=`) are made absolute against the working folder; when left
 * out, the host takes the folders from the environment or the platform (`appDirs.ts`).
 */
export function parseHostCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): HostCliOptions {
  const values: Partial<Record<(typeof VALUE_OPTIONS)[ValueOption], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!isValueOption(name)) {
      return { kind: 'error', message: `Onbekende optie '${arg}'.\n${HOST_USAGE}` };
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || (name !== '--port' && value.trim() === '')) {
      return { kind: 'error', message: MISSING_VALUE[name] };
    }
    values[VALUE_OPTIONS[name]] = value;
  }

  let portText = values.port;
  let portSource = '--port';
  if (
    portText === undefined &&
    env['RESOLUTIE_PORT'] !== undefined &&
    env['RESOLUTIE_PORT'] !== ''
  ) {
    portText = env['RESOLUTIE_PORT'];
    portSource = 'RESOLUTIE_PORT';
  }
  let port = DEFAULT_PORT;
  if (portText !== undefined) {
    const parsed = parsePort(portText);
    if (parsed === null) {
      return {
        kind: 'error',
        message: `Ongeldige poort '${portText}' (${portSource}): kies een getal van 0 tot en met 65535.`,
      };
    }
    port = parsed;
  }
  return {
    kind: 'run',
    port,
    ...(values.profileDir !== undefined ? { profileDir: path.resolve(values.profileDir) } : {}),
    ...(values.documentsDir !== undefined
      ? { documentsDir: path.resolve(values.documentsDir) }
      : {}),
  };
}

function isValueOption(name: string): name is ValueOption {
  return Object.hasOwn(VALUE_OPTIONS, name);
}

/** A port number 0–65535 written as plain digits, or null. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port <= 65535 ? port : null;
}
