import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clock, z } from '@credit-hub/kit';
import { keyRing, type KeyRing } from './rules.ts';

const devKeys = z.object({ signing: z.array(z.string()).min(1), codeKey: z.string().min(32) });

/** A fresh development key set: one Ed25519 key (id `dev-<date>`) and a code key. */
function generateDevKeys() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const id = `dev-${clock.now().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  return { signing: [`${id}:${der}`], codeKey: randomBytes(32).toString('base64url') };
}

/**
 * The development keys, kept in the local data folder (.data/report-keys.json, never committed) so that reports
 * issued by a development hub stay verifiable across restarts; made on first use. Production never comes here: its
 * env module requires configured keys (env.ts).
 */
export function developmentKeys(dataDir: string): KeyRing {
  const file = path.join(dataDir, 'report-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Written under a temporary name and renamed: two processes starting at once never read half a file.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, JSON.stringify(generateDevKeys(), null, 2), { mode: 0o600 });
    if (!existsSync(file)) renameSync(temporary, file);
  }
  const keys = devKeys.parse(JSON.parse(readFileSync(file, 'utf8')));
  return keyRing(keys.signing, [], Buffer.from(keys.codeKey, 'utf8'));
}

/** An in-memory ring (tests, and a hub started without report keys): reports it signs die with the process. */
export function ephemeralKeys(): KeyRing {
  const keys = generateDevKeys();
  return keyRing(keys.signing, [], Buffer.from(keys.codeKey, 'utf8'));
}

/** The ring the env module's variables describe (production), or the development keys when none are set. */
export function keysFromEnv(
  env: {
    REPORT_SIGNING_KEYS?: string | undefined;
    REPORT_RETIRED_KEYS?: string | undefined;
    REPORT_CODE_KEY?: string | undefined;
  },
  dataDir: string,
): KeyRing {
  if (!env.REPORT_SIGNING_KEYS || !env.REPORT_CODE_KEY) return developmentKeys(dataDir);
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return keyRing(
    list(env.REPORT_SIGNING_KEYS),
    list(env.REPORT_RETIRED_KEYS),
    Buffer.from(env.REPORT_CODE_KEY, 'utf8'),
  );
}
