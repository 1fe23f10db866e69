/**
 * The push subgraph's pure rules: a subscription's checks (URL and SSRF guard, event-type filter, owner), the
 * Standard Webhooks secret and payload, the retry schedule, what an answer means, and who must lift a measure. No
 * I/O: randomness and time come from the caller, so every rule is unit-tested (rules.test.ts).
 */
import { BlockList, isIP } from 'node:net';
import { badInput, DEPARTMENTS } from '@credit-hub/kit';
import type { CreatePushSubscriptionInput } from './__generated__/types.ts';

/** What the push subgraph is started with (env.ts in production, tests directly). */
export interface PushConfig {
  /** Run the dispatcher in this process. */
  dispatch: boolean;
  /** Accept URLs on non-public addresses and plain http (SSRF guard off). */
  allowPrivateUrls: boolean;
  timeoutMs: number;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  liftWindowDays: number;
  syncSlaSeconds: number;
  /** Events the push consumer fans out per transaction (batched fan-out; default the kit's 200). */
  consumerBatch?: number;
}

export const DEFAULT_CONFIG: PushConfig = {
  dispatch: true,
  allowPrivateUrls: false,
  timeoutMs: 10_000,
  concurrency: 32,
  leaseMs: 60_000,
  pollMs: 1_000,
  liftWindowDays: 365,
  syncSlaSeconds: 3_600,
  consumerBatch: 500,
};

// ---------------------------------------------------------------------------------------------------------------
// Event types a subscription may name.

/** The event made here: a department is asked to lift a measure it applied (多端联动). */
export const MEASURE_LIFT_REQUIRED = 'measure.lift.required';

/**
 * The event types a subscription may filter on: the backbone's catalogue (every type a writing subgraph records)
 * and the one made here. Set at start from the catalogue (events.ts); a type not in it is refused at subscription.
 */
export function knownEventTypes(catalogue: readonly string[]): string[] {
  return [...new Set([...catalogue, MEASURE_LIFT_REQUIRED])].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// A new subscription.

export interface NewSubscription {
  name: string;
  ownerKind: 'DEPARTMENT' | 'CREDIT_SERVICE';
  department: string | null;
  serviceName: string | null;
  url: string;
  eventTypes: string[];
}

/**
 * Checks what an administrator asks for (BAD_USER_INPUT naming the field and the rule): a name of 2–100 characters;
 * a department system names a known department and no service, a credit service its name and no department; the
 * URL passes `checkWebhookUrl`; the filter names at least one known event type, each once.
 */
export function checkNewSubscription(
  input: CreatePushSubscriptionInput,
  known: readonly string[],
  allowPrivate: boolean,
): NewSubscription {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100)
    throw badInput('input.name', 'LENGTH', '`input.name` must be 2–100 characters');
  let department: string | null = null;
  let serviceName: string | null = null;
  if (input.ownerKind === 'DEPARTMENT') {
    if (!input.department)
      throw badInput('input.department', 'REQUIRED', "a department system's subscription names its `input.department`");
    if (!(input.department in DEPARTMENTS))
      throw badInput(
        'input.department',
        'ENUM',
        `\`input.department\` must be one of ${Object.keys(DEPARTMENTS).join(', ')}, got ${JSON.stringify(input.department)}`,
      );
    if (input.serviceName)
      throw badInput(
        'input.serviceName',
        'NOT_ALLOWED',
        "a department system's subscription has no `input.serviceName`",
      );
    department = input.department;
  } else {
    const service = (input.serviceName ?? '').trim();
    if (!service)
      throw badInput(
        'input.serviceName',
        'REQUIRED',
        "a credit service's subscription names the service in `input.serviceName`",
      );
    if (service.length < 2 || service.length > 100)
      throw badInput('input.serviceName', 'LENGTH', '`input.serviceName` must be 2–100 characters');
    if (input.department)
      throw badInput('input.department', 'NOT_ALLOWED', "a credit service's subscription has no `input.department`");
    serviceName = service;
  }
  const url = checkWebhookUrl(input.url, 'input.url', allowPrivate);
  const eventTypes = checkEventTypes(input.eventTypes, known, 'input.eventTypes');
  return { name, ownerKind: input.ownerKind, department, serviceName, url, eventTypes };
}

/** The filter: at least one type, each known (rule UNKNOWN_EVENT_TYPE, with its position) and named once. */
export function checkEventTypes(types: readonly string[], known: readonly string[], field: string): string[] {
  if (types.length === 0) throw badInput(field, 'REQUIRED', `\`${field}\` must name at least one event type`);
  const seen = new Set<string>();
  types.forEach((raw, position) => {
    const type = raw.trim();
    if (!known.includes(type))
      throw badInput(
        `${field}[${position}]`,
        'UNKNOWN_EVENT_TYPE',
        `\`${field}[${position}]\` is not an event type of the catalogue: ${JSON.stringify(raw)} (known: ${known.join(', ')})`,
        { position },
      );
    if (seen.has(type))
      throw badInput(`${field}[${position}]`, 'REPEATED', `\`${field}[${position}]\` names ${type} a second time`, {
        position,
      });
    seen.add(type);
  });
  return [...seen];
}

// ---------------------------------------------------------------------------------------------------------------
// The URL and the SSRF guard.

/**
 * Addresses a webhook may not reach unless private URLs are allowed: the hub must not be turned into a probe of its
 * own network (SSRF). Loopback, private (RFC 1918, fc00::/7), link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, "this network", multicast and reserved ranges, in IPv4 and IPv6 (and IPv4-mapped IPv6).
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** True for an IP address (v4 or v6) a webhook may not reach without PUSH_ALLOW_PRIVATE_URLS. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const kind = isIP(bare);
  if (kind === 4) return NON_PUBLIC.check(bare, 'ipv4');
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped) return NON_PUBLIC.check(mapped[1]!, 'ipv4');
    return NON_PUBLIC.check(bare, 'ipv6');
  }
  return false;
}

/**
 * A webhook URL: absolute, at most 2,000 characters (LENGTH); https, or http only where private URLs are allowed
 * (SCHEME); no user name or password in it (CREDENTIALS: the secret signs, the URL carries none); a host that is
 * not `localhost` nor a non-public address literal unless private URLs are allowed (PRIVATE_ADDRESS). Names that
 * resolve to a non-public address are refused again at delivery (the dispatcher checks every resolved address).
 */
export function checkWebhookUrl(raw: string, field: string, allowPrivate: boolean): string {
  const text = raw.trim();
  if (text.length > 2000) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most 2000 characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, 'FORMAT', `\`${field}\` must be an absolute URL (https://…)`);
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    throw badInput(
      field,
      'SCHEME',
      allowPrivate
        ? `\`${field}\` must use https or http, got ${url.protocol}`
        : `\`${field}\` must use https (plain http only where PUSH_ALLOW_PRIVATE_URLS is set), got ${url.protocol}`,
    );
  if (url.username || url.password)
    throw badInput(field, 'CREDENTIALS', `\`${field}\` must not carry a user name or password`);
  const host = url.hostname.toLowerCase();
  if (!host) throw badInput(field, 'FORMAT', `\`${field}\` must name a host`);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(host)))
    throw badInput(
      field,
      'PRIVATE_ADDRESS',
      `\`${field}\` points at a loopback or private address (${host}); such receivers are accepted only where PUSH_ALLOW_PRIVATE_URLS is set`,
    );
  url.hash = '';
  return url.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// The secret and the payload.

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes (the caller draws them). */
export function webhookSecretFrom(bytes: Uint8Array): string {
  if (bytes.length !== 32) throw new Error('webhookSecretFrom: 32 random bytes are needed');
  return `whsec_${Buffer.from(bytes).toString('base64')}`;
}

/** What the dispatcher sends of an event. */
export interface OutgoingEvent {
  id: string;
  type: string;
  subjectCode: string | null;
  department: string;
  occurredAt: Date;
  payloadVersion: number;
  payload: unknown;
}

/**
 * The body of a delivery, in the Standard Webhooks shape: `type`, `timestamp` (when the event occurred) and `data`
 * (the event's envelope and versioned payload). The webhook-id header carries the event id: it is the same on every
 * retry and replay, so a receiver deduplicates on it.
 */
export function webhookBody(event: OutgoingEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      id: event.id,
      type: event.type,
      subjectCode: event.subjectCode,
      department: event.department,
      occurredAt: event.occurredAt.toISOString(),
      version: event.payloadVersion,
      payload: event.payload,
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Retries.

/**
 * Waits after each failed attempt, before jitter: 30 s × 4ⁿ, the last capped at 24 h — 30 s, 2 min, 8 min, 32 min,
 * 2 h 8 min, 8 h 32 min, 24 h. Eight attempts in all over about 35 hours (127,350 s before jitter); then the
 * delivery is a dead letter and the endpoint is disabled (docs/push.md, "Retries").
 */
export const RETRY_DELAYS_SECONDS = [30, 120, 480, 1_920, 7_680, 30_720, 86_400] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
/** Each wait is drawn uniformly within ±20 % of its nominal value, so that failed receivers are not hit in step. */
export const JITTER = 0.2;

/**
 * The wait (ms) after the `attempts`-th attempt failed, or null when it was the last one. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number): number | null {
  if (attempts < 1) throw new Error('retryDelayMs: attempts start at 1');
  const nominal = RETRY_DELAYS_SECONDS[attempts - 1];
  if (nominal === undefined) return null;
  return Math.round(nominal * 1000 * (1 - JITTER + 2 * JITTER * random));
}

/** What one attempt's answer means. */
export type Outcome = 'DELIVERED' | 'RETRY' | 'DEAD' | 'GONE';

/**
 * 2xx: delivered. 410 Gone: the receiver says the endpoint is gone — dead at once and the subscription disabled.
 * Anything else (another status, a redirect, a refused or reset connection, a timeout): retried on the schedule, a
 * dead letter after the last attempt (and the subscription disabled).
 */
export function outcomeOf(statusCode: number | null, attempts: number): Outcome {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return 'DELIVERED';
  if (statusCode === 410) return 'GONE';
  return attempts >= MAX_ATTEMPTS ? 'DEAD' : 'RETRY';
}

// ---------------------------------------------------------------------------------------------------------------
// measure.lift.required.

/** Measure kinds after which a department must be told that the reason is gone. */
export const LIFT_ACTIONS = ['INTERCEPT', 'RESTRICT'] as const;

/** A credit check as the push subgraph learned it. */
export interface KnownCheck {
  department: string;
  action: string;
  checkedAt: Date;
}

/** A department to ask to lift its measure, with what its checks did and when it last checked. */
export interface LiftTarget {
  department: string;
  actions: string[];
  lastCheckedAt: Date;
}

/**
 * The departments whose checks of the subject intercepted or restricted it within `windowDays` before `at`: each
 * once, with the kinds it applied and its latest such check, by department code. Reminders (REMIND) and incentives
 * impose nothing to lift.
 */
export function liftTargets(checks: readonly KnownCheck[], at: Date, windowDays: number): LiftTarget[] {
  const since = at.getTime() - windowDays * 86_400_000;
  const by = new Map<string, LiftTarget>();
  for (const check of checks) {
    if (!(LIFT_ACTIONS as readonly string[]).includes(check.action)) continue;
    const t = check.checkedAt.getTime();
    if (t < since || t > at.getTime()) continue;
    const target = by.get(check.department) ?? {
      department: check.department,
      actions: [],
      lastCheckedAt: check.checkedAt,
    };
    if (!target.actions.includes(check.action)) target.actions.push(check.action);
    if (t > target.lastCheckedAt.getTime()) target.lastCheckedAt = check.checkedAt;
    by.set(check.department, target);
  }
  return [...by.values()]
    .map((t) => ({ ...t, actions: [...t.actions].sort() }))
    .sort((a, b) => a.department.localeCompare(b.department));
}

/** A subscription id or event id is a UUID. */
export function checkUuid(id: string, field: string, what: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be ${what} id (UUID)`);
  return id.toLowerCase();
}
