import { DEFAULT_PORT } from './defaults.ts';

/** What the command line asked for, or why it could not be understood (a Dutch message). */
export type HostCliOptions =
  { kind: 'run'; port: number } | { kind: 'help' } | { kind: 'error'; message: string };

/** The usage text of `node main/host/cli.ts`. */
export const HOST_USAGE = [
  'Gebruik: node main/host/cli.ts [--port POORT]',
  '',
  `  --port POORT   poort op 127.0.0.1 (standaard ${DEFAULT_PORT}, of RESOLUTIE_PORT; 0 kiest een vrije poort)`,
  '  --help         deze uitleg',
].join('\n');

/**
 * Reads the host's options from its arguments and environment: `--port N` or `--port=N` wins
 * over `RESOLUTIE_PORT`, which wins over {@link DEFAULT_PORT}.
 */
export function parseHostCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): HostCliOptions {
  let portText: string | undefined;
  let portSource = '--port';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--port') {
      portText = argv[++i];
      if (portText === undefined)
        return { kind: 'error', message: 'Na --port hoort een poortnummer.' };
    } else if (arg.startsWith('--port=')) {
      portText = arg.slice('--port='.length);
    } else {
      return { kind: 'error', message: `Onbekende optie '${arg}'.\n${HOST_USAGE}` };
    }
  }
  if (
    portText === undefined &&
    env['RESOLUTIE_PORT'] !== undefined &&
    env['RESOLUTIE_PORT'] !== ''
  ) {
    portText = env['RESOLUTIE_PORT'];
    portSource = 'RESOLUTIE_PORT';
  }
  if (portText === undefined) return { kind: 'run', port: DEFAULT_PORT };
  const port = parsePort(portText);
  if (port === null) {
    return {
      kind: 'error',
      message: `Ongeldige poort '${portText}' (${portSource}): kies een getal van 0 tot en met 65535.`,
    };
  }
  return { kind: 'run', port };
}

/** A port number 0–65535 written as plain digits, or null. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text.trim())) return null;
  const port = Number(text.trim());
  return port <= 65535 ? port : null;
}
