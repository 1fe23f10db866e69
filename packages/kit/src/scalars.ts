import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseIsoDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    throw badInput('Date', 'FORMAT', `a Date must be written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput('Date', 'CALENDAR', `${value} is not a calendar date`);
  }
  return date;
}

/**
 * Calendar date without time zone (YYYY-MM-DD). Decision and publication dates are legal dates in
 * China Standard Time; carrying them as timestamps invites off-by-one-day bugs at midnight UTC.
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date (日期), ISO 8601 YYYY-MM-DD, no time zone.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    throw new TypeError(`Date cannot represent ${String(value)}`);
  },
  parseValue: parseIsoDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('Date', 'FORMAT', 'a Date literal must be a string YYYY-MM-DD');
    return parseIsoDate(ast.value);
  },
});

export const toIsoDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw badInput(
      'DateTime',
      'FORMAT',
      `a DateTime must be ISO 8601 (2026-11-21T06:00:00Z), got ${JSON.stringify(value)}`,
    );
  }
  return new Date(value);
}

/** An instant (时间), ISO 8601 with time zone, e.g. 2026-11-21T06:00:00.000Z. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant (时间), ISO 8601 with time zone, e.g. 2026-11-21T06:00:00.000Z.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    throw new TypeError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime', 'FORMAT', 'a DateTime literal must be an ISO 8601 string');
    return parseDateTime(ast.value);
  },
});

export { chinaToday } from './clock.ts';
