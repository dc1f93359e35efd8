// Group commit over any Store, for the node agent: the updates that queue while a commit is in
// flight run together in the next transaction of the store below and commit at once.
import type { core } from "zod/mini";
import { StoreError } from "./store-error.js";
import {
  PendingWrites,
  overlayListing,
  type PrefetchHint,
  type Store,
  type StoreFacts,
  type StoreTxn,
} from "./store.js";

/** One update as a caller handed it in, with whether its caller still waits for it. */
interface Queued {
  readonly work: (txn: StoreTxn) => Promise<unknown>;
  readonly stillWanted: () => boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** How a batch went, for the agent's metrics. */
export interface BatchReport {
  readonly size: number;
  readonly seconds: number;
  readonly conflictsRetried: number;
  readonly failed: boolean;
}

export interface BatchingOptions {
  readonly onBatch?: (report: BatchReport) => void;
}

/**
 * Each update's work runs in a layer of its own over the shared transaction, so one that throws
 * leaves nothing in it, and later works of the batch see what earlier ones wrote. The store below
 * keeps its contract for the batch as a whole: it commits only if everything any work read is
 * still current, and on a conflict it runs the whole batch again. Every caller is answered after
 * the commit that holds its change returned (durable), and a failed commit fails every update in
 * it: nothing of a batch survives in memory, since the layers live only inside the work.
 */
export class BatchingStore {
  private queue: Queued[] = [];
  private committing = false;

  constructor(
    readonly inner: Store,
    private readonly options: BatchingOptions = {},
  ) {}

  /** Updates waiting for the next commit. */
  get queued(): number {
    return this.queue.length;
  }

  /** The Store one call uses: its updates join the batches; `stillWanted` false drops one not begun yet. */
  forCall(stillWanted: () => boolean = () => true): Store {
    const batching = this;
    let conflictsRetried = 0;
    return {
      update: <T>(work: (txn: StoreTxn) => Promise<T>) =>
        batching.enqueue(work, stillWanted, (conflicts) => (conflictsRetried += conflicts)) as Promise<T>,
      read: (work) => batching.inner.read(work),
      notes: (): Promise<StoreFacts> => batching.inner.notes(),
      location: batching.inner.location,
      cliFlags: batching.inner.cliFlags,
      get conflictsRetried() {
        return conflictsRetried;
      },
    };
  }

  private enqueue(
    work: (txn: StoreTxn) => Promise<unknown>,
    stillWanted: () => boolean,
    countConflicts: (conflicts: number) => void,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const conflictsBefore = this.inner.conflictsRetried;
      this.queue.push({
        work,
        stillWanted,
        resolve: (value) => {
          countConflicts(this.inner.conflictsRetried - conflictsBefore);
          resolve(value);
        },
        reject,
      });
      this.pump();
    });
  }

  private pump(): void {
    if (this.committing || this.queue.length === 0) return;
    const batch = this.queue.filter((queued) => queued.stillWanted());
    for (const dropped of this.queue.filter((queued) => !batch.includes(queued)))
      dropped.reject(new StoreError("unavailable", "the caller stopped waiting before its turn came"));
    this.queue = [];
    if (batch.length === 0) return;
    this.committing = true;
    const started = performance.now();
    const conflictsBefore = this.inner.conflictsRetried;
    const report = (failed: boolean) =>
      this.options.onBatch?.({
        size: batch.length,
        seconds: (performance.now() - started) / 1000,
        conflictsRetried: this.inner.conflictsRetried - conflictsBefore,
        failed,
      });
    this.inner
      .update(async (txn) => {
        const outcomes: Outcome[] = [];
        for (const queued of batch) {
          const layer = new LayerTxn(txn);
          try {
            const value = await queued.work(layer);
            layer.applyTo(txn);
            outcomes.push({ ok: true, value });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        return outcomes;
      })
      .then(
        (outcomes) => {
          report(false);
          batch.forEach((queued, index) => {
            const outcome = outcomes[index]!;
            if (outcome.ok) queued.resolve(outcome.value);
            else queued.reject(outcome.error);
          });
        },
        (error: unknown) => {
          report(true);
          for (const queued of batch) queued.reject(error);
        },
      )
      .finally(() => {
        this.committing = false;
        this.pump();
      });
  }
}

/** One work's writes over the batch's transaction: read through to it, applied to it only when the work succeeds. */
class LayerTxn extends PendingWrites implements StoreTxn {
  constructor(private readonly below: StoreTxn) {
    super();
  }

  async get<T>(key: string, schema: core.$ZodType<T>): Promise<T | undefined> {
    if (this.writes.has(key)) return (this.writes.get(key) ?? undefined) as T | undefined;
    return this.below.get(key, schema);
  }

  async list(prefix: string): Promise<string[]> {
    return overlayListing(await this.below.list(prefix), prefix, this.writes);
  }

  async peekList(prefix: string): Promise<string[]> {
    return overlayListing(await this.below.peekList(prefix), prefix, this.writes);
  }

  async listAll(prefix: string): Promise<string[]> {
    const keys = new Set(await this.below.listAll(prefix));
    for (const [key, doc] of this.writes) {
      if (!key.startsWith(prefix)) continue;
      if (doc === null) keys.delete(key);
      else keys.add(key);
    }
    return [...keys].sort();
  }

  prefetch(hint: PrefetchHint): Promise<void> {
    return this.below.prefetch(hint);
  }

  async peek<T>(keys: readonly string[], schema: core.$ZodType<T>): Promise<(T | undefined)[]> {
    const below = await this.below.peek(
      keys.filter((key) => !this.writes.has(key)),
      schema,
    );
    return keys.map((key) =>
      this.writes.has(key) ? ((this.writes.get(key) ?? undefined) as T | undefined) : below.shift(),
    );
  }

  applyTo(txn: StoreTxn): void {
    for (const [key, doc] of this.writes) {
      if (doc === null) txn.delete(key);
      else txn.put(key, doc);
    }
  }
}
