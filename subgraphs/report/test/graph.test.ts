import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readEnv } from '../src/env.ts';
import { REPORT_SUBJECT_DOCUMENT } from '../src/graph/reads.ts';
import { ephemeralKeys, keysFromEnv } from '../src/keys/reads.ts';
import { signText, verifyText } from '../src/keys/rules.ts';
import { fontHasGlyph } from '../src/pdf/writes.ts';
import { checkPeriod, normaliseCode, reportNumber, signedText, verificationCode } from '../src/rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the report service', () => {
  it('sends exactly the operation the gateway publishes', () => {
    const published = readFileSync(path.join(root, 'gateway/operations/ReportSubject.graphql'), 'utf8');
    assert.equal(REPORT_SUBJECT_DOCUMENT.trim(), published.trim());
  });

  it('numbers, codes and signs reports; a rotated key still verifies old signatures', () => {
    const number = reportNumber('330106', new Date('2026-11-20T00:00:00Z'), 42);
    assert.equal(number, 'XY33010620261120000042');
    const keys = ephemeralKeys();
    const code = verificationCode(keys.codeKey, number, '91330106MA27XXXX0X', 'digest');
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(normaliseCode(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`), code);
    assert.notEqual(verificationCode(keys.codeKey, number, '91330106MA27XXXX0X', 'other'), code);
    const signature = signText(keys, signedText(number, 'a'.repeat(64)));
    assert.equal(verifyText(keys, keys.current.keyId, signedText(number, 'a'.repeat(64)), signature), true);
    assert.equal(verifyText(keys, keys.current.keyId, signedText(number, 'b'.repeat(64)), signature), false);
    const next = ephemeralKeys();
    next.publicKeys.set(keys.current.keyId, keys.publicKeys.get(keys.current.keyId)!);
    assert.equal(verifyText(next, keys.current.keyId, signedText(number, 'a'.repeat(64)), signature), true);
  });

  const rule = (field: string) => (error: unknown) => {
    const extensions = (error as { extensions: Record<string, unknown> }).extensions;
    return extensions.field === field && extensions.rule === 'RANGE' && extensions.code === 'BAD_USER_INPUT';
  };

  it('refuses a period that ends after today, runs backwards or is longer than 3 years', () => {
    const today = new Date('2026-11-20T00:00:00Z');
    assert.throws(() => checkPeriod(new Date('2026-01-01'), new Date('2026-11-21'), today), rule('to'));
    assert.throws(() => checkPeriod(new Date('2026-05-01'), new Date('2026-04-01'), today), rule('from'));
    assert.throws(() => checkPeriod(new Date('2020-01-01'), new Date('2026-11-20'), today), rule('from'));
    assert.doesNotThrow(() => checkPeriod(new Date('2024-01-01'), today, today));
  });

  it('finds rare name characters in the font (淏, 䶮) and not an Extension B one (𠀾)', () => {
    assert.equal(fontHasGlyph('淏'.codePointAt(0)!), true);
    assert.equal(fontHasGlyph('䶮'.codePointAt(0)!), true);
    assert.equal(fontHasGlyph('𠀾'.codePointAt(0)!), false);
  });

  it('requires configured keys in production, and builds the ring from them', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://report:a-real-password@db/credit',
      INTERNAL_IDENTITY_SECRET: 'x'.repeat(40),
    };
    assert.throws(
      () => readEnv(production),
      /REPORT_SIGNING_KEYS[\s\S]*REPORT_CODE_KEY|REPORT_CODE_KEY[\s\S]*REPORT_SIGNING_KEYS/,
    );
    const signing = ephemeralKeys();
    const der = signing.current.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const env = readEnv({ ...production, REPORT_SIGNING_KEYS: `k2026:${der}`, REPORT_CODE_KEY: 'c'.repeat(40) });
    const ring = keysFromEnv(env, '/nonexistent');
    assert.equal(ring.current.keyId, 'k2026');
    assert.equal(ring.codeKey.toString('utf8'), 'c'.repeat(40));
  });
});
