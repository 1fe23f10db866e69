import { createHmac } from 'node:crypto';
import { validateIdNumber } from './idcard.ts';

/**
 * The graph key of a natural person (自然人主体键). The raw 居民身份证号码 must never appear in the
 * public graph, yet departments must join a person across subgraphs. The key is a keyed hash
 * (HMAC-SHA256 with the platform secret) of the normalised ID number: stable for every department,
 * unguessable without the secret (the ID-number space is small enough to enumerate, so a plain hash
 * would not do), and visibly not a USCC. See docs/adr/0003-natural-person-key.md.
 */
export const PERSON_KEY_PREFIX = 'NP';
export const PERSON_KEY_LENGTH = 22;
const PERSON_KEY_PATTERN = /^NP[0-9A-F]{20}$/;

export function personKey(idNumber: string, secret: string): string {
  const checked = validateIdNumber(idNumber);
  if (!checked.valid) throw new RangeError(checked.message);
  const digest = createHmac('sha256', secret).update(checked.idNumber).digest('hex').toUpperCase();
  return PERSON_KEY_PREFIX + digest.slice(0, PERSON_KEY_LENGTH - PERSON_KEY_PREFIX.length);
}

export function isPersonKey(code: string): boolean {
  return PERSON_KEY_PATTERN.test(code);
}
