/**
 * A receiving system for the push tests: a real HTTP server on loopback that verifies every delivery with the
 * `standardwebhooks` verifier, deduplicates by webhook-id as docs/push.md tells receivers to, and answers as the
 * test says (fail the first N attempts of an event, answer slowly, answer 410).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Arrival {
  id: string;
  type: string;
  subjectCode: string | null;
  /** The webhook-timestamp header (Unix seconds). */
  timestamp: number;
  /** The status this attempt was answered with. */
  status: number;
  /** Whether the signature (and timestamp) verified. */
  verified: boolean;
}

export interface Receiver {
  url: string;
  /** Every attempt, in arrival order. */
  arrivals: Arrival[];
  /** Events accepted (2xx), each once, in the order first accepted: what the receiving system acts on. */
  accepted: Arrival[];
  /** The signing secret to verify with (set after the subscription is made). */
  secret: string;
  close(): Promise<void>;
}

/** How to answer one attempt: its status, and how long to wait first (ms). */
export type Behaviour = (event: { id: string; type: string; attempt: number }) => { status: number; delayMs?: number };

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * Starts a receiver. `now` is the receiver's clock in ms (the tests pass the hub's fake clock: the verifier refuses a
 * timestamp more than five minutes from its own now).
 */
export async function startReceiver(behaviour: Behaviour, now: () => number): Promise<Receiver> {
  const attempts = new Map<string, number>();
  const seen = new Set<string>();
  const receiver: Receiver = { url: '', arrivals: [], accepted: [], secret: '', close: async () => undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      let verified = false;
      // The verifier reads Date.now for its five-minute window: for this synchronous call it is the receiver's clock
      // (the hub's fake clock in the tests), as a receiving system's clock agrees with the hub's.
      /* eslint-disable no-restricted-properties -- the third-party verifier's clock, not a rule of ours */
      const realNow = Date.now;
      Date.now = now;
      try {
        new Webhook(receiver.secret).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      } finally {
        Date.now = realNow;
      }
      /* eslint-enable no-restricted-properties */
      const parsed = JSON.parse(body) as { type: string; data: { id: string; subjectCode: string | null } };
      const id = headers['webhook-id'];
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      const answer = verified ? behaviour({ id, type: parsed.type, attempt }) : { status: 401 };
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      const arrival: Arrival = {
        id,
        type: parsed.type,
        subjectCode: parsed.data.subjectCode,
        timestamp: Number(headers['webhook-timestamp']),
        status: answer.status,
        verified,
      };
      receiver.arrivals.push(arrival);
      if (answer.status >= 200 && answer.status < 300 && !seen.has(id)) {
        seen.add(id);
        receiver.accepted.push(arrival);
      }
      if (!res.destroyed) res.writeHead(answer.status).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
