import type { InProcessAnswer, InProcessSubgraph, PendingTrail } from '@credit-hub/kit';
import { createHttpServer, IDENTITY_HEADER, listenOrRelease } from '@credit-hub/kit';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Spreading one large entity fetch over the all-in-one hub's workers (ADR 0133).
 *
 * A worker executes a whole request, every subgraph fetch of it included, in its own thread (ADR 0114): a batch
 * credit check of 1,000 subjects ran its five departments' fetches and the evaluation's fetch of 1,000 entities each
 * one after another on one core while the other worker's core stayed idle. An `_entities` fetch of at least
 * `minRepresentations` is therefore cut into one part per worker: this worker executes its part in-process, each
 * other worker executes its part behind its peer port (loopback only, the identity signed for that part and verified
 * there as on any subgraph request), and the parts' answers are put back in the order of the representations. The
 * parts leave their audit trails unwritten and this worker appends them together, one lock and one commit for the
 * fetch instead of one each in a row on the chain's lock (ADR 0136).
 */

/** The other workers' peer endpoints, as the primary announces them (scripts/start.ts). */
export class PeerDirectory {
  private urls: readonly string[] = [];

  /** The other workers' base URLs (`http://127.0.0.1:<port>`), this worker's own left out by the caller. */
  set(urls: readonly string[]): void {
    this.urls = [...urls];
  }

  list(): readonly string[] {
    return this.urls;
  }
}

export interface SpreadOptions {
  peers: PeerDirectory;
  /**
   * Entity fetches with fewer representations stay whole in this worker: below it the hop costs more than it saves
   * (HUB_SPREAD_MIN, default 200: about 8 ms of a department's work against about 1 ms for the hop).
   */
  minRepresentations: number;
}

/**
 * The representations' indices, cut into `parts` groups of nearly equal size. Equal representations always fall into
 * the same group: a subgraph that records something per entity (a credit check with an idempotency key) sees a
 * repeated one within one statement, as it would unspread, never in two concurrent ones.
 */
export function splitRepresentations(representations: readonly unknown[], parts: number): number[][] {
  const groups: number[][] = Array.from({ length: parts }, () => []);
  const groupOf = new Map<string, number>();
  let next = 0;
  representations.forEach((representation, index) => {
    const key = groupKey(representation);
    let group = groupOf.get(key);
    if (group === undefined) {
      group = next;
      next = (next + 1) % parts;
      groupOf.set(key, group);
    }
    groups[group]!.push(index);
  });
  return groups.filter((g) => g.length > 0);
}

/**
 * What puts a representation in its group: its type and first key value (`CreditSubject` and its code), else the whole
 * of it written out. Coarser than the representation is safe — equal ones still fall together, only the balance could
 * suffer — and far cheaper: writing each out took 2.3 ms for the 1,000 of a batch check's evaluation fetch, and the
 * five departments' fetches before it did the same.
 */
function groupKey(representation: unknown): string {
  if (representation !== null && typeof representation === 'object') {
    const fields = representation as Record<string, unknown>;
    for (const name in fields) {
      const value = fields[name];
      if (name !== '__typename' && (typeof value === 'string' || typeof value === 'number'))
        return `${String(fields.__typename)}\u0000${name}\u0000${value}`;
    }
  }
  return JSON.stringify(representation);
}

type Body = InProcessAnswer['body'];

/**
 * One `_entities` answer from the parts' answers: each part's entities back at their representations' places, its
 * errors' paths pointed at those places. A part without entities (its whole fetch failed in the subgraph) leaves
 * nulls there, with its errors.
 */
export function mergeEntityAnswers(size: number, parts: readonly { indices: readonly number[]; body: Body }[]): Body {
  const entities: unknown[] = new Array<unknown>(size).fill(null);
  const errors: GraphQLFormattedError[] = [];
  let anyData = false;
  for (const { indices, body } of parts) {
    const own = (body.data as { _entities?: unknown[] } | null | undefined)?._entities;
    if (Array.isArray(own)) {
      anyData = true;
      own.forEach((entity, i) => {
        const at = indices[i];
        if (at !== undefined) entities[at] = entity;
      });
    }
    for (const error of body.errors ?? []) {
      const path = error.path;
      if (path && path[0] === '_entities' && typeof path[1] === 'number' && indices[path[1]] !== undefined)
        errors.push({ ...error, path: ['_entities', indices[path[1]]!, ...path.slice(2)] });
      else errors.push(error);
    }
  }
  return { data: anyData ? { _entities: entities } : null, ...(errors.length > 0 ? { errors } : {}) };
}

/**
 * The JSON a peer answers with: the part's in-process answer, and its audit trail left unwritten for the asking worker
 * to append with the other parts' before the answer leaves the hub (ADR 0136).
 */
export interface PeerAnswer {
  status: number;
  body: Body;
  cacheControl: string | null;
  trail?: PendingTrail;
}

/** The peer route's request body: the part's subgraph request, its identity in the header as on /graphql. */
interface PeerRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  requestId?: string;
}

/** How long closing waits for the parts in flight (a part of 1,000 representations takes about 100 ms). */
const CLOSE_GRACE_MS = 10_000;

/** The largest part a peer accepts: 1,000 representations are about 100 KB. */
const PEER_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * This worker's peer port (127.0.0.1, an OS-chosen port of its own, not shared with the other workers): POST
 * /peer/<subgraph> executes a part of an entity fetch in this worker's in-process subgraph. The identity header is
 * verified by the subgraph exactly as on its /graphql route, so the port admits nothing the subgraph ports do not.
 */
export async function servePeerFetches(
  subgraphs: Partial<Record<string, Pick<InProcessSubgraph, 'execute'>>>,
): Promise<{ url: string; close(): Promise<void> }> {
  let closing = false;
  const server = createHttpServer((req, res) => {
    const answer = (status: number, body: unknown, cacheControl?: string | null) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(cacheControl ? { 'cache-control': cacheControl } : {}),
        // Closing: the asker's kept-alive connection ends with this answer, or the close would wait for it.
        ...(closing ? { connection: 'close' } : {}),
      });
      res.end(JSON.stringify(body));
    };
    const name = /^\/peer\/([a-z][a-z-]*)$/.exec(req.url ?? '')?.[1];
    const target = name ? subgraphs[name] : undefined;
    if (req.method !== 'POST' || !target) return answer(404, { error: 'no such peer route' });
    const chunks: Buffer[] = [];
    let length = 0;
    // The asking worker gone mid-request (it ended): nothing to answer, and nothing that may end this worker.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > PEER_BODY_LIMIT) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        let request: PeerRequest;
        try {
          request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PeerRequest;
          if (typeof request.query !== 'string') throw new Error('no query');
        } catch {
          return answer(400, { error: 'a peer request is a JSON subgraph request' });
        }
        const header = req.headers[IDENTITY_HEADER];
        try {
          const result = await target.execute({
            query: request.query,
            variables: request.variables,
            operationName: request.operationName,
            extensions: request.extensions,
            identity: typeof header === 'string' ? header : undefined,
            requestId: request.requestId,
            // Only a spread fetch's part comes here, and its asker writes every part's trail in one transaction.
            deferTrail: true,
          });
          answer(200, {
            status: result.status,
            body: result.body,
            cacheControl: result.cacheControl,
            ...(result.trail ? { trail: result.trail } : {}),
          } satisfies PeerAnswer);
        } catch (error) {
          answer(500, { error: (error as Error).message });
        }
      })();
    });
  });
  // `exclusive`: in a cluster worker, a plain listen would ask the primary for a port shared by every worker.
  const { port } = await listenOrRelease(server, { port: 0, host: '127.0.0.1', exclusive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    // New parts are refused from here on (their askers execute them themselves); a part already running finishes and
    // is answered, before the subgraphs it runs on are stopped (apps/hub closes this first). Dropping it instead failed
    // the asking worker's request, and left the part calling a stopped server. A connection still open after
    // CLOSE_GRACE_MS is dropped.
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        const drop = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        drop.unref();
        server.close(() => {
          clearTimeout(drop);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
