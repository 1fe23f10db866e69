import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one error vocabulary of the hub (docs/adr/0008). Every `extensions.code` any service sends is a key of
 * ERROR_CODES, with what it means, its HTTP status where it has one of its own, and the helper that makes it;
 * docs/reference/errors.md is generated from this table (`npm run docs`) and `npm test` fails when it is stale.
 * Clients branch on these codes, so a code never changes meaning; messages may be reworded.
 *
 * Two decisions hold everywhere:
 * - A broken rule of the input is BAD_USER_INPUT with `field` and `rule`. A request that collides with what is
 *   stored — the record already exists, the act was already done, the version is stale — is CONFLICT, also with
 *   `field` and `rule` (an `ALREADY_…` token naming the state found). An input that repeats itself (a list
 *   naming one item twice) breaks a rule of the input: BAD_USER_INPUT, rule REPEATED.
 * - Rule tokens (`extensions.rule`) are SCREAMING_SNAKE_CASE everywhere, the 双公示 import path's included.
 */
export interface ErrorCodeInfo {
  /** What happened, for the caller (docs). */
  description: string;
  /**
   * The HTTP status of the answer: a number when the refusal ends the request, a note when it depends on where it
   * arises; none when it sits beside data in a 200.
   */
  status?: number | string;
  /** How the code is made: the kit helper (docs; scripts/docs.ts checks that it exists). */
  helper: string;
  /** Extensions besides `code` that come with it. */
  extensions?: string;
}

export const ERROR_CODES = {
  BAD_USER_INPUT: {
    description:
      'An argument, input field or variable breaks a rule: the message names the field and the rule. Nothing was written.',
    status: '200 beside data; 400 when the gateway or a scalar refuses a variable before anything runs',
    helper: 'badInput(field, rule, message)',
    extensions: '`field`, `rule`; some rules add `position`, `min`, `max`, `allowedFrom`…',
  },
  CONFLICT: {
    description:
      'The request collides with what is stored: the record already exists, the act was already done, or the version changed meanwhile. Nothing was written; read the current state first.',
    helper: 'conflict(field, rule, message)',
    extensions: '`field`, `rule` (`ALREADY_…`), sometimes `key`',
  },
  NOT_FOUND: {
    description: 'The record the request names does not exist.',
    helper: 'notFound(what, key)',
    extensions: '`key`, sometimes `field`',
  },
  FORBIDDEN: {
    description: 'The caller may not read this field or do this: the field is `null`, the rest of the answer arrives.',
    status: '200 beside data; 403 at the HTTP edge (an upload for another department)',
    helper: 'forbidden(message)',
    extensions: 'sometimes `level`, `field`',
  },
  UNAUTHENTICATED: {
    description:
      'A credential is present but wrong (gateway), or a subgraph refused the signed internal identity (`reason`); passed on by the gateway with `serviceName`.',
    status: '401; 200 beside data when a subgraph refused (through the gateway)',
    helper: 'unauthenticated(message, reason)',
    extensions: '`reason`; `serviceName` when a subgraph refused',
  },
  INTERNAL_SERVER_ERROR: {
    description: 'A fault of ours. In production the message is generic and nothing internal is sent.',
    status: 500,
    helper: 'thrown errors without a code (kit formatError)',
  },
  REQUIRED_FIELDS_UNAVAILABLE: {
    description:
      "A field computed from other departments' facts (@requires) did not get them (the department is down, or the caller may not read them): it is refused rather than computed without them.",
    helper: 'requiredFieldsUnavailable(message, key, extra)',
    extensions: '`key`; `departments`, `inputs` or `missing` naming what did not arrive',
  },
  CALENDAR_RANGE: {
    description:
      'A working-day count needs a year whose holiday notice the calendar does not hold: a computed field fails with this code (an input date is BAD_USER_INPUT with rule CALENDAR_RANGE).',
    helper: 'CalendarRangeError (kit calendar)',
    extensions: '`rule`, `date`, `coveredFrom`, `coveredTo`',
  },
  AUDIT_UNAVAILABLE: {
    description:
      'The audit trail could not be written, so no data was released; the gateway passes it on with `serviceName` and the rest of the answer.',
    status: '503 from the subgraph; 200 beside the rest of the answer through the gateway',
    helper: 'auditUnavailable()',
    extensions: '`serviceName` through the gateway',
  },
  DATABASE_UNAVAILABLE: {
    description:
      "The department's database refused or ran out of connections for a moment (its connection budget is spent, or the server is full or restarting): nothing was read or written. Retry after a moment.",
    status: "200 beside data (only that subgraph's fields are `null`)",
    helper: 'databaseUnavailable(reason) (kit createDb and formatError)',
    extensions: '`retryable: true`, `reason` (`POOL_EXHAUSTED`, `TOO_MANY_CONNECTIONS`, `UNREACHABLE`)',
  },
  SHARED_STATE_UNAVAILABLE: {
    description:
      "The state the all-in-one hub's workers share (rate-limit counters, search budgets, used challenge solutions and identity headers, logouts) could not be reached for a moment: the check it needed was refused rather than skipped, nothing was done. Retry after a moment.",
    status: "503; 200 beside data through the gateway (only that subgraph's fields are `null`)",
    helper: 'sharedStateUnavailable(reason)',
    extensions: '`retryable: true`, `reason` (`TIMEOUT`, `PRIMARY_GONE`)',
  },
  SUBGRAPH_UNAVAILABLE: {
    description:
      "A department's subgraph did not answer (down, timed out, or an answer that is not ours): only its fields are `null`.",
    status: '200 beside data; 502/503 on the upload route',
    helper: 'subgraphUnavailable(serviceName, message)',
    extensions: '`serviceName`, sometimes `status`',
  },

  // Refusals at the HTTP edge (docs/security.md, "Every refusal"): they end the request with their status.
  BAD_REQUEST: {
    description:
      'The HTTP request is malformed: not JSON, a body of the wrong shape, a broken compressed body, an interrupted upload.',
    status: 400,
    helper: 'refusal(code, status, message) / sendGraphQLError',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    description: 'A content type, charset or content encoding the route does not accept.',
    status: 415,
    helper: 'refusal(code, status, message) / sendGraphQLError',
  },
  PAYLOAD_TOO_LARGE: {
    description: "The body is larger than the route's limit (counted after decompression).",
    status: 413,
    helper: 'refusal(code, status, message) / sendGraphQLError',
    extensions: 'sometimes `limit`',
  },
  ROUTE_NOT_FOUND: {
    description: 'No such route (a missing record is NOT_FOUND inside a GraphQL answer).',
    status: 404,
    helper: 'routeNotFound (Express handler)',
  },
  METHOD_NOT_ALLOWED: {
    description: 'The route exists but not for this method; the `Allow` header lists the methods it takes.',
    status: 405,
    helper: 'methodNotAllowed(methods) (Express handler)',
    extensions: '`allowed`',
  },
  NOT_ACCEPTABLE: {
    description: 'The Accept header admits neither application/json nor application/graphql-response+json.',
    status: 406,
    helper: 'refusal(code, status, message) / sendGraphQLError',
  },
  HEADERS_TOO_LARGE: {
    description: "Request line and headers over Node's 16 KB.",
    status: 431,
    helper: 'answerClientErrorsAsJson(server)',
  },
  REQUEST_TIMEOUT: {
    description: 'The request did not arrive in time.',
    status: 408,
    helper: 'answerClientErrorsAsJson(server)',
  },
  RATE_LIMITED: {
    description: 'Too many requests from this client in the window; `Retry-After` says when to try again.',
    status: 429,
    helper: 'refusal(code, status, message) / sendGraphQLError',
  },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    description:
      'Console sign-in could not reach the configured identity provider (OpenID Connect discovery or its endpoints failed); try again later.',
    status: 502,
    helper: 'refusal(code, status, message) / sendGraphQLError',
  },
  CHALLENGE_REQUIRED: {
    description:
      'An anonymous client ran more searches in the window than the site allows without a solved proof-of-work challenge (ALTCHA), or sent a solution that is wrong, expired or already used: get a challenge at `challengeUrl`, solve it, and send the solution in the `x-altcha` header.',
    status: 403,
    helper: 'challengeRequired(reason, message, extra)',
    extensions: '`reason` (`LIMIT`, `INVALID`, `EXPIRED`, `REPLAYED`), `challengeUrl`, `header`',
  },
  REPORT_GLYPH_MISSING: {
    description:
      'A character the credit report would print has no glyph in the report font (a rare character outside the font): the report is not issued, rather than printed with a blank box. The platform adds a fallback font or corrects the record.',
    helper: 'glyphMissing(characters)',
    extensions: '`characters` (the missing characters), `codePoints` (U+XXXX)',
  },
  PERSISTED_QUERY_REQUIRED: {
    description: 'Anonymous callers in production may run only the published (persisted) operations.',
    status: 403,
    helper: 'refusal(code, status, message)',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    description: "An operation hash that is not in the gateway's list of persisted operations.",
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  OPERATION_RESOLUTION_FAILURE: {
    description: '`operationName` names no operation of the document, or several operations and no name.',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  OPERATION_NOT_SUPPORTED: {
    description: 'An operation type the gateway does not execute (subscriptions).',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  BATCHING_DISABLED: {
    description: 'A batched (array) body while batching is off.',
    status: 400,
    helper: 'sendGraphQLError(res, status, code, message)',
  },
  TOKEN_LIMIT_EXCEEDED: {
    description: 'The document has more tokens than the limit (checked before it is parsed).',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  DEPTH_LIMIT_EXCEEDED: {
    description: 'The operation nests deeper than the limit.',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  ALIAS_LIMIT_EXCEEDED: {
    description: 'The operation uses more aliases than the limit.',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  DIRECTIVE_LIMIT_EXCEEDED: {
    description: 'The operation uses more directives than the limit.',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  COST_LIMIT_EXCEEDED: {
    description: 'The estimated cost of the operation (lists multiply) is over the limit.',
    status: 400,
    helper: 'refusal(code, status, message)',
  },
  GRAPHQL_PARSE_FAILED: {
    description: "Apollo Server's: the document is not valid GraphQL syntax.",
    status: 400,
    helper: 'Apollo Server',
  },
  GRAPHQL_VALIDATION_FAILED: {
    description: "Apollo Server's: the document does not fit the schema (also introspection in production).",
    status: 400,
    helper: 'Apollo Server',
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes by name (`ErrorCode.CONFLICT`), so a misspelt code fails to compile. */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CODES).map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

/** True for a code of ours: the gateway passes a subgraph's own codes on instead of relabelling them. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CODES;

type Extra = Record<string, unknown>;

/**
 * Bad input from the caller. `field` names the argument or input field, `rule` the rule it broke
 * (a stable SCREAMING_SNAKE token such as `CHECK_CHARACTER` or `RANGE`).
 */
export function badInput(field: string, rule: string, message: string, extra: Extra = {}) {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, rule, ...extra },
  });
}

/**
 * The request collides with stored state: `rule` names the state found (`ALREADY_LISTED`, `ALREADY_LIFTED`,
 * `ALREADY_EXISTS`…), `field` the argument that points at it.
 */
export function conflict(field: string, rule: string, message: string, extra: Extra = {}) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, field, rule, ...extra } });
}

/**
 * A refusal carrying its HTTP status (`extensions.http`, which Apollo Server turns into the response
 * status and strips from the body): the edge's errors and `didResolveOperation` checks use it.
 */
export function refusal(code: ErrorCode, status: number, message: string, extra: Extra = {}) {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status } } });
}

/** `what` and `key` make the message ("Measure X does not exist"); `hint` says what to do instead. */
export function notFound(what: string, key: string, { hint, ...extra }: Extra & { hint?: string } = {}) {
  return new GraphQLError(`${what} ${key} does not exist${hint ? `: ${hint}` : ''}`, {
    extensions: { code: ErrorCode.NOT_FOUND, key, ...extra },
  });
}

export function forbidden(message: string, extra: Extra = {}) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extra } });
}

/** 401: a credential or a signed internal identity that is missing or wrong; `reason` says which check failed. */
export function unauthenticated(message: string, reason: string) {
  return refusal(ErrorCode.UNAUTHENTICATED, 401, message, { reason });
}

/**
 * A field computed from other departments' facts that did not arrive in the representation (@requires):
 * refused, never computed without them. `key` is the entity's key; `extra` names what is missing.
 */
export function requiredFieldsUnavailable(message: string, key: string, extra: Extra = {}) {
  return new GraphQLError(message, { extensions: { code: ErrorCode.REQUIRED_FIELDS_UNAVAILABLE, key, ...extra } });
}

/** The answer a subgraph sends instead of data whose audit entries could not be written (with status 503). */
export function auditUnavailable(): GraphQLFormattedError {
  return {
    message: 'The audit trail is unavailable; no data was released',
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
  };
}

/**
 * The database refused or ran out of connections: retryable, never the driver's message (which names hosts, users and
 * internals). `reason`: POOL_EXHAUSTED (no connection of the service's pool freed in time), TOO_MANY_CONNECTIONS (the
 * server is at max_connections), UNREACHABLE (refused, reset or starting up).
 */
export function databaseUnavailable(reason: 'POOL_EXHAUSTED' | 'TOO_MANY_CONNECTIONS' | 'UNREACHABLE') {
  const why = {
    POOL_EXHAUSTED: 'every database connection of this service is busy',
    TOO_MANY_CONNECTIONS: 'the database server has no free connection',
    UNREACHABLE: 'the database server cannot be reached',
  }[reason];
  return new GraphQLError(`Temporarily unavailable: ${why}; nothing was done, retry in a moment`, {
    extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true, reason },
  });
}

/**
 * The state the hub's workers share in their primary process (ADR 0127) did not answer: the channel to the primary is
 * closed (`PRIMARY_GONE`, the primary ended or is restarting) or it did not answer in time (`TIMEOUT`). What needed it
 * is refused, never let through unchecked.
 */
export function sharedStateUnavailable(reason: 'TIMEOUT' | 'PRIMARY_GONE') {
  const why = {
    TIMEOUT: 'the shared state did not answer in time',
    PRIMARY_GONE: "the hub's primary process, which holds the shared state, cannot be reached",
  }[reason];
  return new GraphQLError(`Temporarily unavailable: ${why}; nothing was done, retry in a moment`, {
    extensions: { code: ErrorCode.SHARED_STATE_UNAVAILABLE, retryable: true, reason, http: { status: 503 } },
  });
}

/** A department's subgraph that did not answer: only its fields are missing. */
export function subgraphUnavailable(serviceName: string, message: string, extra: Extra = {}, cause?: Error) {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName, ...extra },
    originalError: cause,
  });
}

/**
 * A search refused until the client solves a proof-of-work challenge (the gateway's search challenge): `reason`
 * says whether the budget is spent (`LIMIT`) or the solution sent was no good (`INVALID`, `EXPIRED`, `REPLAYED`).
 */
export function challengeRequired(reason: string, message: string, extra: Extra = {}) {
  return refusal(ErrorCode.CHALLENGE_REQUIRED, 403, message, { reason, ...extra });
}

/**
 * A credit report would print a character its font has no glyph for (docs/reports.md): refused with the characters
 * named, never rendered as a blank box.
 */
export function glyphMissing(characters: string[]) {
  const codePoints = characters.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return new GraphQLError(
    `The report font has no glyph for ${characters.map((c, i) => `${c} (${codePoints[i]})`).join(', ')}: the report is not issued`,
    { extensions: { code: ErrorCode.REPORT_GLYPH_MISSING, characters, codePoints } },
  );
}
