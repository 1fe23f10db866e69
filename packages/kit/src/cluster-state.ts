import { sharedStateUnavailable } from './errors.ts';

/**
 * The state the workers of the all-in-one hub share without Redis (ADR 0127): it lives in the primary process, and
 * each worker reaches it over the cluster's IPC channel with a small request/response protocol. One request carries
 * every operation a worker asked for during one turn of its event loop (the identity checks of one query plan's
 * parallel fetches, a request's rate-limit count), so a request of the hub costs a few round trips, not one per check.
 *
 * - `StateStore` is the state itself (the primary's memory): counters with a window, marks with an expiry.
 * - `answerStateRequest` is what the primary does with a worker's message.
 * - `ClusterStateClient` is a worker's end: it batches, numbers the requests, and fails each one that gets no answer
 *   (the channel closed, or no answer within the timeout) with SHARED_STATE_UNAVAILABLE — never a crash, never a
 *   check skipped.
 *
 * Times are real elapsed time (windows and expiries in milliseconds), not the hub's legal clock; the primary and its
 * workers share one machine and so one clock.
 */

/** One operation on the shared state. Keys are namespaced by their user (`rate:`, `state:`, `nonce:`). */
export type StateOp =
  /** Adds one to a counter; a new counter ends `ms` after its first add. Answers [count, resetAt (epoch ms)]. */
  | { op: 'incr'; key: string; ms: number }
  /** Takes one from a live counter (never below zero). Answers null. */
  | { op: 'decr'; key: string }
  /** Forgets a counter or a mark. Answers null. */
  | { op: 'del'; key: string }
  /** Marks `key` for `ms` if it is not marked: true when this call marked it (atomic: the primary is one thread). */
  | { op: 'claim'; key: string; ms: number }
  /** Whether `key` is marked (and not expired). */
  | { op: 'has'; key: string };

export type StateAnswer = [count: number, resetAt: number] | boolean | null;

export const STATE_REQUEST = 'credit-hub:state?';
export const STATE_RESPONSE = 'credit-hub:state';

export interface StateRequest {
  kind: typeof STATE_REQUEST;
  id: number;
  ops: StateOp[];
}

export interface StateResponse {
  kind: typeof STATE_RESPONSE;
  id: number;
  results: StateAnswer[];
}

export const isStateRequest = (message: unknown): message is StateRequest =>
  typeof message === 'object' &&
  message !== null &&
  (message as { kind?: unknown }).kind === STATE_REQUEST &&
  Array.isArray((message as { ops?: unknown }).ops);

export const isStateResponse = (message: unknown): message is StateResponse =>
  typeof message === 'object' &&
  message !== null &&
  (message as { kind?: unknown }).kind === STATE_RESPONSE &&
  Array.isArray((message as { results?: unknown }).results);

/**
 * The primary's state: one map of counters and marks with their end. Expired entries are dropped when read and swept
 * every `sweepMs`, so memory stays bounded by the live entries (about the identity-header rate times their 60 s
 * lifetime, as MemoryReplayCache).
 */
export class StateStore {
  private readonly entries = new Map<string, { value: number; until: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = () => Date.now(),
    sweepMs = 5_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepMs);
    this.sweeper.unref();
  }

  get size() {
    return this.entries.size;
  }

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }

  apply(op: StateOp): StateAnswer {
    switch (op.op) {
      case 'incr': {
        const entry = this.live(op.key);
        if (entry) return [++entry.value, entry.until];
        const until = this.now() + Math.max(1, op.ms);
        this.entries.set(op.key, { value: 1, until });
        return [1, until];
      }
      case 'decr': {
        const entry = this.live(op.key);
        if (entry && entry.value > 0) entry.value--;
        return null;
      }
      case 'del':
        this.entries.delete(op.key);
        return null;
      case 'claim':
        if (this.live(op.key)) return false;
        this.entries.set(op.key, { value: 1, until: this.now() + Math.max(1, op.ms) });
        return true;
      case 'has':
        return this.live(op.key) !== undefined;
      default:
        // A worker of another version: an answer it will not take for a success.
        return null;
    }
  }

  close() {
    clearInterval(this.sweeper);
    this.entries.clear();
  }
}

/** The primary's answer to one worker message (in order, in one synchronous step: the batch is atomic). */
export const answerStateRequest = (store: StateStore, request: StateRequest): StateResponse => ({
  kind: STATE_RESPONSE,
  id: request.id,
  results: request.ops.map((op) => store.apply(op)),
});

/** A worker's end of the IPC channel (the process object of a cluster worker; a pair of functions in tests). */
export interface StateChannel {
  /** Whether messages can still be sent (false once the primary is gone). */
  connected(): boolean;
  /** Sends; `done` gets an error when the message could not be written. */
  send(message: StateRequest, done: (error: Error | null) => void): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
}

/** The channel of this process to its cluster primary (a worker's `process`). */
export const processChannel = (): StateChannel => ({
  connected: () => process.connected === true && typeof process.send === 'function',
  send: (message, done) => {
    try {
      process.send!(message, undefined, undefined, (error) => done(error ?? null));
    } catch (error) {
      done(error as Error);
    }
  },
  onMessage: (listener) => void process.on('message', listener),
  onDisconnect: (listener) => void process.on('disconnect', listener),
});

interface Waiting {
  op: StateOp;
  resolve(answer: StateAnswer): void;
  reject(error: Error): void;
}

/** How long a worker waits for the primary's answer before refusing what needed it. */
export const STATE_TIMEOUT_MS = 2_000;

/**
 * A worker's client of the shared state. `call` queues the operation; the queue leaves as one message at the end of
 * the current event-loop turn (setImmediate), so checks made together travel together.
 */
export class ClusterStateClient {
  private queue: Waiting[] = [];
  private scheduled = false;
  private nextId = 1;
  private readonly pending = new Map<number, { waiting: Waiting[]; timer: NodeJS.Timeout }>();
  private gone = false;
  /** Requests sent, operations carried, operations failed by reason (credit_hub_shared_state_*). */
  readonly counts = { requests: 0, ops: 0, failures: {} as Record<string, number> };

  constructor(
    private readonly channel: StateChannel,
    private readonly timeoutMs = STATE_TIMEOUT_MS,
  ) {
    channel.onMessage((message) => {
      if (isStateResponse(message)) this.settle(message);
    });
    channel.onDisconnect(() => {
      this.gone = true;
      for (const id of [...this.pending.keys()]) this.fail(id, 'PRIMARY_GONE');
      this.failQueue('PRIMARY_GONE');
    });
  }

  call(op: StateOp): Promise<StateAnswer> {
    if (this.gone || !this.channel.connected()) {
      this.counts.failures.PRIMARY_GONE = (this.counts.failures.PRIMARY_GONE ?? 0) + 1;
      return Promise.reject(sharedStateUnavailable('PRIMARY_GONE'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  async increment(key: string, ms: number): Promise<{ count: number; resetAt: number }> {
    const answer = await this.call({ op: 'incr', key, ms });
    if (!Array.isArray(answer)) throw sharedStateUnavailable('TIMEOUT');
    return { count: answer[0], resetAt: answer[1] };
  }

  async claim(key: string, ms: number): Promise<boolean> {
    // Anything but an explicit true is a refusal: a replay check fails closed.
    return (await this.call({ op: 'claim', key, ms })) === true;
  }

  async has(key: string): Promise<boolean> {
    return (await this.call({ op: 'has', key })) === true;
  }

  async decrement(key: string): Promise<void> {
    await this.call({ op: 'decr', key });
  }

  async delete(key: string): Promise<void> {
    await this.call({ op: 'del', key });
  }

  private flush() {
    this.scheduled = false;
    const waiting = this.queue;
    this.queue = [];
    if (waiting.length === 0) return;
    if (this.gone || !this.channel.connected()) return this.failed('PRIMARY_GONE', waiting);
    const id = this.nextId++;
    const timer = setTimeout(() => this.fail(id, 'TIMEOUT'), this.timeoutMs);
    this.pending.set(id, { waiting, timer });
    this.counts.requests++;
    this.counts.ops += waiting.length;
    this.channel.send({ kind: STATE_REQUEST, id, ops: waiting.map((w) => w.op) }, (error) => {
      if (error) this.fail(id, 'PRIMARY_GONE');
    });
  }

  private settle(response: StateResponse) {
    const batch = this.pending.get(response.id);
    // Late (already failed by its timeout) or not ours: dropped.
    if (!batch) return;
    this.pending.delete(response.id);
    clearTimeout(batch.timer);
    batch.waiting.forEach((w, i) => w.resolve(response.results[i] ?? null));
  }

  private fail(id: number, reason: 'TIMEOUT' | 'PRIMARY_GONE') {
    const batch = this.pending.get(id);
    if (!batch) return;
    this.pending.delete(id);
    clearTimeout(batch.timer);
    this.failed(reason, batch.waiting);
  }

  private failed(reason: 'TIMEOUT' | 'PRIMARY_GONE', waiting: Waiting[]) {
    this.counts.failures[reason] = (this.counts.failures[reason] ?? 0) + waiting.length;
    for (const w of waiting) w.reject(sharedStateUnavailable(reason));
  }

  private failQueue(reason: 'TIMEOUT' | 'PRIMARY_GONE') {
    const waiting = this.queue;
    this.queue = [];
    this.failed(reason, waiting);
  }
}
