/** An error the command line reports as one line; `usage` errors also point to --help. */
export class CliError extends Error {
  override name = 'CliError';
  readonly usage: boolean;

  constructor(message: string, usage = false) {
    super(message);
    this.usage = usage;
  }
}
