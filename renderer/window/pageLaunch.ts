/**
 * This window's launch request, made once when the page loads: main.tsx imports this module
 * before anything else, so the request leaves before React and the editor are evaluated.
 */
import { api } from '../api/client.ts';
import { requestLaunchDocument } from './launchRequest.ts';
import type { LaunchRequest } from './launchRequest.ts';

export const pageLaunch: LaunchRequest | null = requestLaunchDocument(
  window.location.search,
  api.openDocument,
);
