/**
 * Recognises the database errors that mean "no connection right now" — as opposed to a fault in a statement — on
 * both handles: node-postgres (the read path) and Prisma over its pg adapter (writes, lists), which wraps the driver's
 * error in its own. They become DATABASE_UNAVAILABLE (retryable) instead of reaching a caller as a driver message.
 */
export type UnavailableReason = 'POOL_EXHAUSTED' | 'TOO_MANY_CONNECTIONS' | 'UNREACHABLE';

/** SQLSTATEs: too_many_connections, cannot_connect_now (starting up), admin_shutdown, crash_shutdown. */
const TOO_MANY = new Set(['53300']);
const STARTING_OR_STOPPING = new Set(['57P01', '57P02', '57P03']);
/** Prisma's codes for the same: P2037 too many connections, P1001 cannot reach, P1017 connection closed, P2024 pool timeout. */
const PRISMA = new Map<string, UnavailableReason>([
  ['P2037', 'TOO_MANY_CONNECTIONS'],
  ['P1001', 'UNREACHABLE'],
  ['P1017', 'UNREACHABLE'],
  ['P2024', 'POOL_EXHAUSTED'],
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

function ofOne(error: Record<string, unknown>): UnavailableReason | null {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code && TOO_MANY.has(code)) return 'TOO_MANY_CONNECTIONS';
  if (code && (STARTING_OR_STOPPING.has(code) || NETWORK.has(code))) return 'UNREACHABLE';
  if (code && PRISMA.has(code)) return PRISMA.get(code)!;
  const message = typeof error.message === 'string' ? error.message : '';
  // pg-pool's own errors carry no code: a wait for a free connection that ran out, a connection that ended.
  if (message.includes('timeout exceeded when trying to connect')) return 'POOL_EXHAUSTED';
  if (/too many clients|too_many_connections|remaining connection slots/i.test(message)) return 'TOO_MANY_CONNECTIONS';
  if (/Connection terminated|ECONNREFUSED|the database system is (starting up|shutting down)/i.test(message))
    return 'UNREACHABLE';
  return null;
}

/** The reason when `error` (or what it wraps: `cause`, Prisma's `meta`, an aggregate's errors) is a connection failure. */
export function unavailableReason(error: unknown, depth = 0): UnavailableReason | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const record = error as Record<string, unknown>;
  const own = ofOne(record);
  if (own) return own;
  for (const inner of [
    record.cause,
    record.originalError,
    record.meta,
    ...(Array.isArray(record.errors) ? record.errors : []),
  ]) {
    const reason = unavailableReason(inner, depth + 1);
    if (reason) return reason;
  }
  return null;
}
