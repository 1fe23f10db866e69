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
