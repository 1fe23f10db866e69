import pino, { type Logger } from 'pino';

/**
 * Structured logs: one JSON object a line on standard output (pino), which the platform's collector ships. Every line
 * written for a request carries its `requestId` and the answering `service` (scope.ts: the writer hands them over), so
 * a request is followed from the gateway into each subgraph by one id.
 *
 * No personal data: the services never log a request's variables, query string, body or results, only the route's
 * first path segment, the operation name, status and time. Error messages can still quote data (a driver message
 * naming a duplicate value), so every line passes through `scrubPersonalData` before it is written — the last guard,
 * not the first. e2e/logging.test.ts drives requests that carry a person's name and ID number and reads every line.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]+/gu;
// 居民身份证号码: 18 characters (17 digits and a digit or X) or the old 15 digits; a mainland mobile number.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Whatever any of the three could match: a Chinese character, or a run of 11 digits (the shortest, a mobile number). */
const MAYBE_PERSONAL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]|\d{11}/u;

/**
 * Masks what can identify a person in a log line: runs of Chinese characters (names, addresses — the services log in
 * English, so nothing of ours is lost) and ID-number or mobile-number shaped digit runs.
 */
export function scrubPersonalData(line: string): string {
  // Most lines (a request's access line) hold neither: one scan to tell, instead of three replacements for nothing.
  if (!MAYBE_PERSONAL.test(line)) return line;
  return line.replace(CJK, '[masked]').replace(ID_NUMBER, '[masked-id]').replace(MOBILE, '[masked-phone]');
}

/** Where lines go: standard output, or a test's capture. */
export interface LogSink {
  write(line: string): void;
}

const stdoutSink: LogSink = { write: (line) => void process.stdout.write(line) };
let sink: LogSink = stdoutSink;

/** An error as logged: type, code, message and stack (never the driver's `meta` or parameters). */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: error.message,
    stack: error.stack,
  };
}

export const logger: Logger = pino(
  {
    level: 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      streamWrite: scrubPersonalData,
    },
  },
  { write: (line: string) => sink.write(line) },
);

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Sets the level (LOG_LEVEL, read by each service's env module) of every logger in this process. */
export function setLogLevel(level: LogLevel) {
  logger.level = level;
}

export interface ServiceLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A service's logger: its lines name the service even outside a request (start, shutdown, pool errors). Not a pino
 * child: a child keeps the level it was made with, and the level is set once the env is read (or by a test).
 */
export const serviceLogger = (service: string): ServiceLog => ({
  info: (message, fields = {}) => logger.info({ service, ...fields }, message),
  warn: (message, fields = {}) => logger.warn({ service, ...fields }, message),
  error: (message, fields = {}) => logger.error({ service, ...fields }, message),
});

/**
 * Captures every line written from now on (tests); `stop()` restores standard output and the previous level.
 */
export function captureLogs(level: LogLevel = 'info'): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const previousLevel = logger.level;
  const previousSink = sink;
  sink = { write: (line) => void lines.push(line) };
  logger.level = level;
  return {
    lines,
    stop: () => {
      sink = previousSink;
      logger.level = previousLevel;
    },
  };
}
