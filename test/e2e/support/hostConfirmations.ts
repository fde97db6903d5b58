/**
 * What the host has confirmed to a page: a copy, in the test process, of every journal reset,
 * journal append, recovered document and save that the host answered with success. The host
 * answers a journal request only once the bytes are on disk (fdatasync) and a save only once
 * the file is replaced, so at the moment of a kill this copy holds exactly the edits the host
 * had promised to keep. A crash test uses it to tell a lost edit (confirmed, yet missing after
 * the restart) from one that was simply not sent in time.
 */
import type { Page, Request } from '@playwright/test';
import type * as Y from 'yjs';
import {
  applyYUpdate,
  createEmptyYDoc,
  decodeYDoc,
  getDocumentFragment,
} from '../../../shared/ydoc/yDocument.ts';
import { HTTP_API_PREFIX } from '../../../shared/api/transportNames.ts';

/** The methods whose success makes edits durable (or, for a discard, no longer so). */
const WATCHED = new Set([
  'journalReset',
  'journalAppend',
  'journalDiscard',
  'recoverDocument',
  'saveDocument',
]);

export class HostConfirmations {
  /** Each document's journal as the host confirmed it. */
  readonly #journals = new Map<string, Y.Doc>();
  /** The text of the last save the host confirmed. */
  #savedText = '';
  #recording = true;
  /** Answers are read one after another, in the order the page received them. */
  #queue: Promise<void> = Promise.resolve();

  constructor(page: Page) {
    page.on('requestfinished', (request) => {
      // Decided when the answer arrives: one that arrives after the kill is not counted,
      // though the host may have sent it before (which only makes the test stricter).
      if (!this.#recording) return;
      const method = apiMethod(request.url());
      if (method === null || !WATCHED.has(method)) return;
      this.#queue = this.#queue.then(() => this.#record(method, request).catch(() => undefined));
    });
  }

  /** Stops counting answers (call it at the kill) and waits for those already received. */
  async freeze(): Promise<void> {
    this.#recording = false;
    await this.#queue;
  }

  /** Counts answers again (before the page talks to a new host). */
  resume(): void {
    this.#recording = true;
  }

  /** Where the host confirmed holding `text`: in a journal, in the saved file, or nowhere. */
  confirmedIn(text: string): 'journal' | 'file' | null {
    for (const ydoc of this.#journals.values()) {
      if (getDocumentFragment(ydoc).toString().includes(text)) return 'journal';
    }
    return this.#savedText.includes(text) ? 'file' : null;
  }

  async #record(method: string, request: Request): Promise<void> {
    const response = await request.response();
    if (response?.status() !== 200) return;
    const body = request.postDataJSON() as Record<string, string>;
    switch (method) {
      case 'journalReset':
        this.#replace(body.documentId!, body.state!);
        break;
      case 'journalAppend': {
        let journal = this.#journals.get(body.documentId!);
        if (!journal) {
          // A journal this page never saw start: its earlier records are missing here, so
          // what depends on them stays pending and counts as unconfirmed.
          journal = createEmptyYDoc();
          this.#journals.set(body.documentId!, journal);
        }
        applyYUpdate(journal, decode(body.update!));
        break;
      }
      case 'journalDiscard':
        this.#journals.get(body.documentId!)?.destroy();
        this.#journals.delete(body.documentId!);
        break;
      case 'recoverDocument': {
        const answer = (await response.json()) as { value: { documentId: string; state: string } };
        this.#replace(answer.value.documentId, answer.value.state);
        break;
      }
      case 'saveDocument': {
        const saved = decodeYDoc(decode(body.state!));
        this.#savedText = getDocumentFragment(saved).toString();
        saved.destroy();
        break;
      }
    }
  }

  #replace(documentId: string, state: string): void {
    this.#journals.get(documentId)?.destroy();
    this.#journals.set(documentId, decodeYDoc(decode(state)));
  }
}

/** The API method a request calls, or null for anything else. */
function apiMethod(url: string): string | null {
  const { pathname } = new URL(url);
  return pathname.startsWith(HTTP_API_PREFIX) ? pathname.slice(HTTP_API_PREFIX.length) : null;
}

function decode(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
