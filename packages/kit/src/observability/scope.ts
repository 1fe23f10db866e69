import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line of one request carries, kept in AsyncLocalStorage so that code deep in a resolver, a loader
 * or the pool's error handler logs the request id without being handed it.
 */
export interface RequestScope {
  requestId: string;
  /** The service answering (gateway, subject, tax …): one process may run several (the all-in-one hub). */
  service: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The request id of the request being served, if any. */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

// The gateway refuses another shape with a 400 (gateway/src/transport.ts); behind it the id came from the gateway.
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The id of a request: the caller's `x-request-id` when it is a plausible one (a proxy's, or the gateway's on its way
 * to a subgraph), else a new UUID. Never arbitrary text: the id is written on every log line and audit entry.
 */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && REQUEST_ID.test(header) ? header : randomUUID();
}
