import { startGateway } from '@credit-hub/gateway';
import { DEV_SECRETS, type RunningService } from '@credit-hub/kit';
import { TEST_INTERNAL_SECRET, testHubLayout } from '@credit-hub/kit/testing';
import { SignJWT } from 'jose';
import { startHub, type Hub, type HubGatewayOptions } from '@credit-hub/hub';
import type { HubEventsOptions } from '@credit-hub/hub/events';
import type { Db } from '@credit-hub/kit/db';

/** Secret the test hub's gateway verifies people's tokens with. */
export const TEST_JWT_SECRET = 'test-jwt-secret-for-credit-hub-0123456789';

/**
 * A test hub: ephemeral ports, test tokens accepted, API keys checked on every call (no cache). The gateway reaches
 * the subgraphs over HTTP, or in-process with `--layout=in-process` (scripts/test.ts): the same tests hold in both.
 */
export function startTestHub(
  databaseUrl: string,
  keyDb: Db,
  overrides: HubGatewayOptions & {
    supergraphPath?: string;
    production?: boolean;
    gatewayPort?: number;
    events?: HubEventsOptions | false;
  } = {},
): Promise<Hub> {
  const { supergraphPath, production, gatewayPort, events, ...gateway } = overrides;
  return startHub({
    events,
    databaseUrl,
    inProcess: testHubLayout() === 'in-process',
    ports: 'ephemeral',
    gatewayPort,
    supergraphPath,
    production,
    // The development value, which the demo data and the tests' person keys are made with.
    personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET,
    log: () => undefined,
    gateway: {
      rateLimit: { windowSeconds: 60, anonymousPerWindow: 10_000, authenticatedPerWindow: 10_000 },
      // Tests search far more often than a person; the challenge has its own tests (e2e/console.test.ts).
      challenge: { searchesPerWindow: 10_000, windowSeconds: 600 },
      // Files run side by side on a small machine: a subgraph may be slow without being broken. The deadlines have
      // their own test (e2e/timeouts.test.ts).
      subgraphTimeouts: { defaultMs: 60_000 },
      ...gateway,
      auth: gateway.auth ?? {
        jwt: { hs256Secret: TEST_JWT_SECRET, issuer: 'credit-hub', audience: 'credit-hub' },
        db: keyDb,
        apiKeyCacheSeconds: 0,
      },
    },
  });
}

/** A person's token as the identity provider would issue it. */
export async function tokenFor(
  claims: { role: string; department?: string; sub?: string; uscc?: string },
  options: { secret?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({
    role: claims.role,
    ...(claims.department ? { department: claims.department } : {}),
    ...(claims.uscc ? { uscc: claims.uscc } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? `${claims.role}-${claims.department ?? 'all'}`)
    .setIssuer(options.issuer ?? 'credit-hub')
    .setAudience(options.audience ?? 'credit-hub')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A request the wiretap saw on its way to a subgraph: what an attacker on the internal network could record. */
export interface CapturedRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * A recording proxy between the gateway and one subgraph (tests of what a captured internal request can do):
 * forwards every request unchanged and keeps its headers and body. With `delayMs`, it holds each answer that long
 * (a slow department); `answered` counts the answers it has sent.
 */
export async function startWiretap(
  target: string,
  options: { delayMs?: number } = {},
): Promise<{ url: string; captured: CapturedRequest[]; answered(): number; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const captured: CapturedRequest[] = [];
  let answered = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
    captured.push({ headers, body });
    const upstream = await fetch(target, { method: req.method, headers, body: body || undefined });
    const answer = Buffer.from(await upstream.arrayBuffer());
    if (options.delayMs)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, options.delayMs);
        timers.add(timer);
      });
    if (res.destroyed) return;
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(answer);
    answered += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    captured,
    answered: () => answered,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends a captured subgraph request again, byte for byte, straight to a subgraph. */
export async function replay(url: string, request: CapturedRequest) {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

/** A gateway alone in front of the given subgraphs (the others unreachable), anonymous callers only. */
export function startGatewayFor(subgraphUrls: Record<string, string>): Promise<RunningService> {
  return startGateway({
    port: 0,
    internalSecret: TEST_INTERNAL_SECRET,
    subgraphUrls,
    auth: { jwt: { issuer: 'credit-hub', audience: 'credit-hub' }, db: null, apiKeyCacheSeconds: 0 },
    stopOnTerminationSignals: false,
    log: () => undefined,
  });
}
