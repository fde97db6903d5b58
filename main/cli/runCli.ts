/**
 * The `resolutie` command line: parses the arguments, runs one command, and turns every error
 * into one line on stderr and an exit code (1 for a failure, 2 for wrong arguments).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FileWriter } from '../../shared/ydoc/documentFile.ts';
import { CliError } from './cliErrors.ts';
import { FileFormatError } from '../../shared/format/formatErrors.ts';
import { FileReadError, FileWriteError } from '../services/files/fileErrors.ts';

const USER_ERRORS = [CliError, FileReadError, FileWriteError, FileFormatError];
import { HELP_TEXT } from './helpText.ts';
import {
  bundleDocuments,
  exportDocument,
  importText,
  parseChangeDisplay,
  printRendered,
  showDocument,
} from './commands.ts';
import { listAmendments, printPreadviezen } from './procedureCommands.ts';
import { checkDocument } from './checkCommand.ts';
import type { CliOutput } from './commands.ts';

/** Runs the command line on `args` (without node and script); resolves to the exit code. */
export async function runCli(args: string[], writer: FileWriter, io: CliOutput): Promise<number> {
  try {
    return (await dispatch(args, writer, io)) ?? 0;
  } catch (error) {
    const usage = error instanceof CliError && error.usage;
    const message = error instanceof Error ? error.message : String(error);
    // Errors meant for the user carry a Dutch message; anything else is a bug, said as such.
    const known = USER_ERRORS.some((type) => error instanceof type);
    io.err(
      `resolutie: ${known ? message : `onverwachte fout: ${message}`}${usage ? ' (zie resolutie --help)' : ''}\n`,
    );
    // `check` answers 1 for findings; that it could not check at all is 2.
    return usage || args.find((arg) => !arg.startsWith('-')) === 'check' ? 2 : 1;
  }
}

/** Runs the command; resolves to its exit code when it has one of its own (`check`). */
async function dispatch(
  args: string[],
  writer: FileWriter,
  io: CliOutput,
): Promise<number | undefined> {
  let parsed;
  try {
    parsed = parseArgs({
      args: renameAmendmentsJson(renameExportVersion(args)),
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'string' },
        pdf: { type: 'string' },
        pdfa: { type: 'boolean' },
        akn: { type: 'string' },
        docx: { type: 'string' },
        changes: { type: 'string' },
        comments: { type: 'boolean' },
        amendement: { type: 'string' },
        geamendeerd: { type: 'boolean' },
        toevoegen: { type: 'boolean' },
        hernummeren: { type: 'boolean' },
        'json-list': { type: 'boolean' },
        'document-version': { type: 'string' },
        title: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        redis: { type: 'string' },
        'max-per-address': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        onversleuteld: { type: 'boolean' },
        document: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        opmerkingen: { type: 'boolean' },
        days: { type: 'string' },
        server: { type: 'string' },
        force: { type: 'boolean', short: 'f' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliError(translateArgError((error as Error).message), true);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(HELP_TEXT);
    return;
  }
  if (values.version) {
    io.out(`${writer.app} ${writer.version}\n`);
    return;
  }
  if (!command) throw new CliError('geen opdracht gegeven', true);
  const one = (what: string): string => {
    if (rest.length === 0) throw new CliError(`${command}: ${what} ontbreekt`, true);
    if (rest.length > 1)
      throw new CliError(`${command}: te veel bestanden (${rest.join(', ')})`, true);
    return rest[0]!;
  };
  const none = () => {
    if (rest.length > 0) throw new CliError(`${command}: onverwacht argument ${rest[0]}`, true);
  };
  switch (command) {
    case 'import': {
      const input = one('het tekst- of Word-bestand');
      if (!values.output)
        throw new CliError('import: geef het uitvoerbestand met -o UIT.resolutie', true);
      await importText(input, values.output, values.force === true, writer, io);
      return;
    }
    case 'show':
      await showDocument(one('het document'), io, { comments: values.comments === true });
      return;
    case 'check':
      return checkDocument(one('het document'), io);
    case 'export': {
      const input = one('het document');
      if (!values.json && !values.pdf && values.akn === undefined && values.docx === undefined) {
        throw new CliError(
          'export: geef de uitvoer met --json UIT.json, --pdf UIT.pdf, --akn UIT.xml en/of --docx UIT.docx',
          true,
        );
      }
      if (values.docx !== undefined && values.docx.trim() === '') {
        throw new CliError('export: --docx mist de naam van het uitvoerbestand', true);
      }
      if (
        values.docx !== undefined &&
        [values.json, values.pdf, values.akn].includes(values.docx)
      ) {
        throw new CliError(
          'export: --docx moet naar een ander bestand schrijven dan de andere uitvoer',
          true,
        );
      }
      if (values.akn !== undefined && values.akn.trim() === '') {
        throw new CliError('export: --akn mist de naam van het uitvoerbestand', true);
      }
      if (values.akn !== undefined && (values.akn === values.json || values.akn === values.pdf)) {
        throw new CliError(
          'export: --akn moet naar een ander bestand schrijven dan de andere uitvoer',
          true,
        );
      }
      const changes = values.changes === undefined ? undefined : parseChangeDisplay(values.changes);
      if (changes !== undefined && !values.pdf && values.docx === undefined) {
        throw new CliError('export: --changes hoort bij --pdf UIT.pdf of --docx UIT.docx', true);
      }
      const version = values['document-version'];
      if (version !== undefined && version.trim() === '') {
        throw new CliError('export: --version mist de naam van een versie', true);
      }
      if (values.comments && !values.pdf && values.docx === undefined) {
        throw new CliError('export: --comments hoort bij --pdf UIT.pdf of --docx UIT.docx', true);
      }
      if (values.pdfa && !values.pdf) {
        throw new CliError('export: --pdfa hoort bij --pdf UIT.pdf', true);
      }
      const amendement = values.amendement;
      if (amendement !== undefined || values.geamendeerd) {
        const option = amendement !== undefined ? '--amendement' : '--geamendeerd';
        if (amendement !== undefined && amendement.trim() === '') {
          throw new CliError('export: --amendement mist het nummer van een amendement (A1)', true);
        }
        if (amendement !== undefined) {
          // The amendment is a stuk of its own: as a PDF, or as an AKN amendment.
          if (!values.pdf && values.akn === undefined) {
            throw new CliError(
              'export: --amendement hoort bij --pdf UIT.pdf of --akn UIT.xml',
              true,
            );
          }
          for (const [given, name] of [
            [values.json !== undefined, '--json'],
            [values.docx !== undefined, '--docx'],
          ] as const) {
            if (given) throw new CliError(`export: --amendement kan niet samen met ${name}`, true);
          }
        } else if (!values.pdf) {
          throw new CliError(`export: ${option} hoort bij --pdf UIT.pdf`, true);
        }
        if (amendement !== undefined && values.geamendeerd) {
          throw new CliError('export: kies --amendement of --geamendeerd, niet beide', true);
        }
        // Each prints a stuk of the procedure as it stands now, without the stuk's markup.
        for (const [given, name] of [
          [changes !== undefined, '--changes'],
          [version !== undefined, '--version'],
          [values.comments === true, '--comments'],
          [values.docx !== undefined, '--docx'],
        ] as const) {
          if (given) throw new CliError(`export: ${option} kan niet samen met ${name}`, true);
        }
      }
      if (values.comments && version !== undefined) {
        // A thread is on the text as it is now, not on a version's.
        throw new CliError(
          'export: --comments kan niet samen met --version: opmerkingen horen bij de huidige tekst',
          true,
        );
      }
      await exportDocument(
        input,
        {
          json: values.json,
          pdf: values.pdf,
          akn: values.akn,
          docx: values.docx,
          changes,
          version,
          comments: values.comments,
          amendement,
          geamendeerd: values.geamendeerd,
          archival: values.pdfa,
        },
        writer,
        io,
      );
      return;
    }
    case 'bundle': {
      if (rest.length === 0) throw new CliError('bundle: geef de documenten van de bundel', true);
      if (!values.pdf) throw new CliError('bundle: geef de uitvoer met --pdf UIT.pdf', true);
      if (values.changes !== undefined) {
        // A bundle goes out to an assembly: its stukken print as proposed, without markup.
        throw new CliError(
          'bundle: --changes hoort bij export; een bundel toont geen wijzigingen',
          true,
        );
      }
      await bundleDocuments(rest, values.pdf, values.title, writer, io, values.pdfa === true);
      return;
    }
    case 'amendments': {
      const [input, ...files] = rest;
      if (!input) throw new CliError('amendments: de resolutie ontbreekt', true);
      await listAmendments(
        input,
        files,
        {
          add: values.toevoegen === true,
          json: values['json-list'] === true,
          renumber: values.hernummeren === true,
        },
        writer,
        io,
      );
      return;
    }
    case 'preadviezen': {
      if (rest.length === 0) throw new CliError('preadviezen: geef de stukken', true);
      if (!values.pdf) throw new CliError('preadviezen: geef de uitvoer met --pdf UIT.pdf', true);
      if (rest.some((input) => path.resolve(input) === path.resolve(values.pdf!))) {
        throw new CliError(
          'Het uitvoerbestand is hetzelfde als een van de documenten; kies een andere naam.',
          true,
        );
      }
      const archival = values.pdfa === true;
      await printPreadviezen(
        rest,
        values.pdf,
        (render) => printRendered(render, writer, archival),
        io,
      );
      return;
    }
    case 'server': {
      none();
      // The server's modules (sync server, Redis client) load only for these commands: every
      // other command, a PDF export above all, starts faster without them.
      const { runServer, waitForStopSignal } = await import('./serverCommands.ts');
      await runServer(values, writer, io, waitForStopSignal(io));
      return;
    }
    case 'invite': {
      none();
      const { createInvitation } = await import('./serverCommands.ts');
      await createInvitation(values, io);
      return;
    }
    default:
      throw new CliError(`onbekende opdracht "${command}"`, true);
  }
}

/**
 * `--version` prints the app's version, except after `export`, where `--version NAAM` names a
 * version of the document: those are renamed to an option of their own before parsing.
 */
function renameExportVersion(args: string[]): string[] {
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command !== 'export') return args;
  const renamed: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--version' && index + 1 < args.length && !args[index + 1]!.startsWith('--')) {
      renamed.push('--document-version', args[index + 1]!);
      index += 1;
    } else if (arg.startsWith('--version=')) {
      renamed.push(`--document-version=${arg.slice('--version='.length)}`);
    } else {
      renamed.push(arg);
    }
  }
  return renamed;
}

/**
 * `--json` names the JSON file of `export`; after `amendments` it is a switch (the procedure
 * as JSON on stdout), renamed to an option of its own before parsing.
 */
function renameAmendmentsJson(args: string[]): string[] {
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command !== 'amendments') return args;
  return args.map((arg) => (arg === '--json' ? '--json-list' : arg));
}

// node:util's messages are English; the command line speaks Dutch.
function translateArgError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `onbekende optie ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `optie ${missing[1]} mist een waarde`;
  return `ongeldige argumenten (${message})`;
}
