/** The port of the browser mode when none is given. */
export const DEFAULT_PORT = 4780;

/** The address the host listens on unless told otherwise: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';
