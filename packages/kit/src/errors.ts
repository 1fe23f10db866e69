import { GraphQLError } from 'graphql';

/**
 * Stable error codes (extensions.code). Clients branch on these, so they never change meaning;
 * messages may be reworded.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** A field needed another department's data (@requires) that did not arrive. */
  REQUIRED_FIELDS_UNAVAILABLE: 'REQUIRED_FIELDS_UNAVAILABLE',
  COURT_STATUS_UNAVAILABLE: 'COURT_STATUS_UNAVAILABLE',
  /** A working-day count needs a year whose holiday notice the calendar does not hold (kit calendar). */
  CALENDAR_RANGE: 'CALENDAR_RANGE',

  // Refusals at the gateway's HTTP edge (docs/security.md, "Every refusal"). Each comes with its HTTP
  // status; the GraphQL ones (parse, validation) keep Apollo Server's names.
  /** The HTTP request is malformed: not JSON, a body of the wrong shape, a broken compressed body. */
  BAD_REQUEST: 'BAD_REQUEST',
  /** 415: a content type, charset or content encoding the route does not accept. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** 413: the body is larger than the route's limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** 404: no such route (not a missing record: that is NOT_FOUND inside a GraphQL answer). */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /** 405: the route exists but not for this method; the `Allow` header lists the methods it takes. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** 406: the Accept header admits neither application/json nor application/graphql-response+json. */
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  /** 431: request headers too large. */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  /** 408: the request did not arrive in time. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** 429: too many requests from this client in the window. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** 403: anonymous callers in production may run only the published (persisted) operations. */
  PERSISTED_QUERY_REQUIRED: 'PERSISTED_QUERY_REQUIRED',
  /** 400: an operation hash that is not in the gateway's list of persisted operations. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** 400: `operationName` names no operation of the document, or several operations and no name. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** 400: an operation type the gateway does not execute (subscriptions). */
  OPERATION_NOT_SUPPORTED: 'OPERATION_NOT_SUPPORTED',
  /** 400: a batched (array) body while batching is off. */
  BATCHING_DISABLED: 'BATCHING_DISABLED',
  TOKEN_LIMIT_EXCEEDED: 'TOKEN_LIMIT_EXCEEDED',
  DEPTH_LIMIT_EXCEEDED: 'DEPTH_LIMIT_EXCEEDED',
  ALIAS_LIMIT_EXCEEDED: 'ALIAS_LIMIT_EXCEEDED',
  DIRECTIVE_LIMIT_EXCEEDED: 'DIRECTIVE_LIMIT_EXCEEDED',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** Apollo Server's: the document is not valid GraphQL syntax (400). */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** Apollo Server's: the document does not fit the schema (400). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** 503: the audit trail could not be written, so no data was released. */
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  /** A department's subgraph did not answer; only its fields are missing (`serviceName` names it). */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Bad input from the caller. `field` names the argument or input field, `rule` the rule it broke
 * (a stable machine-readable token such as `CHECK_CHARACTER` or `RANGE`).
 */
export function badInput(field: string, rule: string, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, rule, ...extra },
  });
}

/**
 * A refusal carrying its HTTP status (`extensions.http`, which Apollo Server turns into the response
 * status and strips from the body): the edge's errors and `didResolveOperation` checks use it.
 */
export function refusal(code: ErrorCode, status: number, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status } } });
}

export function notFound(what: string, key: string) {
  return new GraphQLError(`${what} ${key} does not exist`, {
    extensions: { code: ErrorCode.NOT_FOUND, key },
  });
}

export function forbidden(message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extra } });
}

export function unauthenticated(message: string) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}
