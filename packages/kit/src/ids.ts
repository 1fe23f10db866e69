import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * A new record id: a UUID of version 7 (RFC 9562), whose first 48 bits are the time in milliseconds, the rest random
 * (the `uuid` package keeps ids made within one millisecond in order). Every row the hub creates in quantity — credit
 * checks, the events of every outbox and of the bus, their dedup rows and metric facts, which are keyed by the event's
 * id — takes its id from here.
 *
 * Why not `randomUUID()` (version 4): a B-tree takes a random key on a random leaf page. At a million subjects the
 * keys of `events.consumed`, `metrics.fact`, the outboxes and the checks outgrow the buffer cache, so each new key
 * touched a page not in memory, and after every checkpoint wrote that whole page to the WAL again. Measured on the
 * benchmark database (2.6 million dedup rows): 500 rows into `events.consumed` took 14 ms with random ids and 3.5 ms
 * with these, whose new keys all land on the index's last pages (docs/adr/0134-time-ordered-ids.md).
 *
 * The id reveals when it was made, to the millisecond: every record keyed by it carries that time in the open anyway
 * (checkedAt, occurredAt, createdAt). It is the machine's time, not the injectable clock's: it orders index keys and
 * means nothing to the domain, and a test's fixed clock must not make two ids share their time.
 */
export function newId(): string {
  const random = randomBytes16();
  // The machine's time on purpose (see above): an index key's order, never a domain date.
  // eslint-disable-next-line no-restricted-properties
  const now = Date.now();
  // uuid's own rule for ids made within one millisecond (RFC 9562 §6.2, method 1): a 32-bit counter, seeded at random
  // in each new millisecond and counted up within it; on overflow the time moves on by one.
  if (now > last.msecs) {
    last.msecs = now;
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs += 1;
  }
  return v7({ msecs: last.msecs, seq: last.seq, random });
}

/** The time and counter of the last id made in this process. */
const last = { msecs: -Infinity, seq: 0 };

/**
 * Random bytes, drawn from the system's generator 4 KB at a time. uuid's default draws 16 bytes per id through Web
 * Crypto's getRandomValues, which on Node 20 cost about 2 µs a call (randomUUID, pooled the same way, 0.13 µs): a batch
 * credit check makes two ids per subject (the check and its event), and the draw was 3 % of a worker's CPU.
 */
const pool = new Uint8Array(4096);
let drawn = pool.length;
function randomBytes16(): Uint8Array {
  if (drawn === pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  drawn += 16;
  return pool.subarray(drawn - 16, drawn);
}
