/**
 * Streams a document's Yjs updates to the recovery journal on the host, so that a crash or a
 * killed process loses at most the last fraction of a second. Updates are gathered for a short
 * moment and sent merged, one request at a time and in order; a failed send keeps its updates
 * and retries with the next, so nothing is dropped while the host is briefly unreachable.
 */
import { encodeBase64 } from '../../shared/format/base64.ts';
import { mergeYUpdates } from '../../shared/ydoc/yDocument.ts';
import { ApiError } from '../api/client.ts';
import type { ResolutieApi } from '../api/client.ts';

/** How long updates gather before they are sent: well under the one second we promise. */
export const JOURNAL_FLUSH_DELAY_MS = 150;
/** How long to wait before sending again after the host did not answer. */
export const JOURNAL_RETRY_DELAY_MS = 1000;

export interface JournalTarget {
  documentId: string;
  /**
   * The title and path the host shows in its recovery list, and the invitation of the session
   * the document is in (so a recovered document can rejoin it).
   */
  describe: () => { title: string; path: string | null; session: string | null };
  /** The whole document now, to start the journal again should the host have lost it. */
  currentState: () => Uint8Array;
}

export type JournalStatus = 'ok' | 'failing';

/** The stream for one document; `reset` must be awaited before updates are sent. */
export class JournalStream {
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly api: Pick<ResolutieApi, 'journalAppend' | 'journalReset' | 'journalDiscard'>;
  private readonly target: JournalTarget;
  private readonly onStatus: (status: JournalStatus, message?: string) => void;

  constructor(
    api: Pick<ResolutieApi, 'journalAppend' | 'journalReset' | 'journalDiscard'>,
    target: JournalTarget,
    onStatus: (status: JournalStatus, message?: string) => void,
  ) {
    this.api = api;
    this.target = target;
    this.onStatus = onStatus;
  }

  /** The journal becomes the full state, marked clean (new, opened, just saved). */
  reset(state: Uint8Array): Promise<void> {
    // Updates gathered so far are in `state`; sending them again would be harmless but waste.
    this.pending = [];
    return this.enqueue(async () => {
      const { title, path, session } = this.target.describe();
      await this.api.journalReset({
        documentId: this.target.documentId,
        state: encodeBase64(state),
        path,
        title,
        session,
      });
    });
  }

  /** Queues one update; it is sent within JOURNAL_FLUSH_DELAY_MS. */
  push(update: Uint8Array): void {
    if (this.closed) return;
    this.pending.push(update);
    this.schedule(JOURNAL_FLUSH_DELAY_MS);
  }

  private schedule(delay: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Sends what is pending now (also before saving or closing). */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      if (this.pending.length === 0) return;
      const batch = this.pending;
      this.pending = [];
      const { title, path, session } = this.target.describe();
      try {
        await this.api.journalAppend({
          documentId: this.target.documentId,
          update: encodeBase64(mergeYUpdates(batch)),
          title,
          path,
          session,
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_found') {
          // The host has no journal for this document (removed by hand, a new profile): start
          // it again from the whole document, and mark it as holding unsaved work.
          const state = encodeBase64(this.target.currentState());
          const { documentId } = this.target;
          await this.api.journalReset({ documentId, state, title, path, session });
          await this.api.journalAppend({ documentId, update: state, title, path, session });
          return;
        }
        // Keep the batch, in front of anything newer, and try again with the next flush.
        this.pending = [...batch, ...this.pending];
        throw error;
      }
    });
  }

  /** Stops streaming and deletes the journal (the document is closed or saved away). */
  discard(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.pending = [];
    return this.enqueue(() =>
      this.api.journalDiscard({ documentId: this.target.documentId }).then(() => undefined),
    );
  }

  /** Stops streaming without touching the journal (the page goes away). */
  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task).then(
      () => this.onStatus('ok'),
      (error: unknown) => {
        this.onStatus('failing', error instanceof Error ? error.message : String(error));
        // Retry what is still pending, a little later than usual.
        if (this.pending.length > 0 && !this.closed) this.schedule(JOURNAL_RETRY_DELAY_MS);
      },
    );
    this.chain = run;
    return run;
  }
}
