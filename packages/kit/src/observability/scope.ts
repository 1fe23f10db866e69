import { randomUUID } from 'node:crypto';

/**
 * What every log line written for one request carries, handed to the line by whoever writes it (the access line, the
 * error lines of the GraphQL servers, which read it from the request's context).
 *
 * Not kept in AsyncLocalStorage: on Node 20 an active store hooks every promise the process makes (init, before and
 * after each callback), whether or not anything reads it. Profiled on a batch credit check of 1,000 subjects, the
 * hooks were about 5 % of each worker's CPU and 6 % of what it allocated, for a handful of lines per request.
 */
export interface RequestScope {
  requestId: string;
  /** The service answering (gateway, subject, tax …): one process may run several (the all-in-one hub). */
  service: string;
}

// The gateway refuses another shape with a 400 (gateway/src/transport.ts); behind it the id came from the gateway.
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * The id of a request: the caller's `x-request-id` when it is a plausible one (a proxy's, or the gateway's on its way
 * to a subgraph), else a new UUID. Never arbitrary text: the id is written on every log line and audit entry.
 */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && REQUEST_ID.test(header) ? header : randomUUID();
}
