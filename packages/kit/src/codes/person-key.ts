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

const keyOf = (text: string, secret: string) =>
  PERSON_KEY_PREFIX +
  createHmac('sha256', secret)
    .update(text)
    .digest('hex')
    .toUpperCase()
    .slice(0, PERSON_KEY_LENGTH - PERSON_KEY_PREFIX.length);

export function personKey(idNumber: string, secret: string): string {
  const checked = validateIdNumber(idNumber);
  if (!checked.valid) throw new RangeError(checked.message);
  return keyOf(checked.idNumber, secret);
}

/**
 * The key of a person identified by another ID document (passport, 港澳/台湾通行证, 外国人永久居留身份证), written
 * `<document type code>:<number>` (e.g. `02:E12345678`) so that it never collides with a 居民身份证号码. A plain
 * 18-character number is a 居民身份证号码 and gets `personKey`.
 */
export function documentPersonKey(document: string, secret: string): string {
  return document.includes(':') ? keyOf(document, secret) : personKey(document, secret);
}

export function isPersonKey(code: string): boolean {
  return PERSON_KEY_PATTERN.test(code);
}
