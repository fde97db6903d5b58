import { API_METHODS, type ApiMethod } from '../../shared/api/contract.ts';
import { errorResult, type ApiResult } from '../../shared/api/result.ts';
import { getIpcChannel } from '../../shared/api/transportNames.ts';
import type { ApiContext } from '../api/context.ts';
import { handleRequest } from '../api/handlers.ts';
import { isTrustedSender, type IpcSender } from './security.ts';

/** Answers one IPC message: who sent it (null when the frame is gone) and its payload. */
export type IpcApiHandler = (sender: IpcSender | null, payload: unknown) => Promise<ApiResult>;

/** One IPC route: the channel and what answers it. */
export interface IpcApiRoute {
  method: ApiMethod;
  channel: string;
  handle: IpcApiHandler;
}

/**
 * The IPC transport of the contract: one route per method, each checking the sender and then
 * handing the payload to `handleRequest`. main.ts registers them with `ipcMain.handle`; the
 * routes themselves need no Electron, so tests call them directly.
 */
export function createIpcApiRoutes(context: ApiContext): IpcApiRoute[] {
  return API_METHODS.map((method) => ({
    method,
    channel: getIpcChannel(method),
    handle: async (sender, payload) => {
      if (!isTrustedSender(sender)) {
        return errorResult('forbidden', 'Verzoek geweigerd: het komt niet van de editor zelf.');
      }
      return handleRequest(method, payload, context);
    },
  }));
}
