/**
 * The access subgraph's pure rules for API keys of departmental systems (部门系统接入密钥): the key's format, its
 * hash, the checks of a new key, and the scopes' stored and shown forms. No I/O: the random bytes come from
 * writes.ts, the time from the caller, so every rule is unit-tested (rules.test.ts).
 */
import { createHash } from 'node:crypto';
import { badInput, DEPARTMENTS, SCOPES, type Scope } from '@credit-hub/kit';
import type { ApiKeyScope, CreateApiKeyInput } from './__generated__/types.ts';

/** Characters of the key's prefix: no 0/O, 1/I/l, so an administrator can read a prefix aloud. */
export const PREFIX_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const PREFIX_LENGTH = 12;
export const SECRET_BYTES = 32;

/** SHA-256 of the whole key (hex): what is stored; the gateway hashes what it receives the same way. */
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * chk_<12-character prefix>_<43 characters of 256 random bits>; the prefix finds the row, the hash checks the key.
 * `prefixBytes` (one per prefix character) and `secretBytes` are random bytes the caller draws.
 */
export function apiKeyFrom(
  prefixBytes: Uint8Array,
  secretBytes: Uint8Array,
): { key: string; prefix: string; hash: string } {
  if (prefixBytes.length !== PREFIX_LENGTH || secretBytes.length !== SECRET_BYTES)
    throw new Error(`apiKeyFrom: ${PREFIX_LENGTH} prefix bytes and ${SECRET_BYTES} secret bytes are needed`);
  const prefix = [...prefixBytes].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
  const key = `chk_${prefix}_${Buffer.from(secretBytes).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** A new key's record as it is stored: the name trimmed, the scopes lower-case and once each. */
export interface NewApiKey {
  name: string;
  department: string;
  scopes: Scope[];
  expiresAt: Date | null;
}

/**
 * Checks what an administrator asks for (BAD_USER_INPUT naming the field and the rule): a name of 2–100 characters,
 * a known department (kit topology), at least one scope, an expiry in the future (after `now`).
 */
export function checkNewApiKey(input: CreateApiKeyInput, now: Date): NewApiKey {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100)
    throw badInput('input.name', 'LENGTH', '`input.name` must be 2–100 characters');
  if (!(input.department in DEPARTMENTS)) {
    throw badInput(
      'input.department',
      'ENUM',
      `\`input.department\` must be one of ${Object.keys(DEPARTMENTS).join(', ')}, got ${JSON.stringify(input.department)}`,
    );
  }
  if (input.scopes.length === 0)
    throw badInput('input.scopes', 'REQUIRED', '`input.scopes` must name at least one scope');
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime())
    throw badInput('input.expiresAt', 'FUTURE', '`input.expiresAt` must be in the future');
  return { name, department: input.department, scopes: storedScopes(input.scopes), expiresAt: input.expiresAt ?? null };
}

const SCOPE_OF: Record<ApiKeyScope, Scope> = { READ: 'read', WRITE: 'write', PERSONAL: 'personal' };
const API_SCOPE_OF: Record<Scope, ApiKeyScope> = { read: 'READ', write: 'WRITE', personal: 'PERSONAL' };
const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** Scopes as the table and the identity hold them: lower-case, each once, in the order given. */
export const storedScopes = (scopes: readonly ApiKeyScope[]): Scope[] => [...new Set(scopes.map((s) => SCOPE_OF[s]))];

/**
 * Stored scopes as the API shows them (the `ApiKeyScope` enum). A value the enum does not know is a corrupt row:
 * it fails loudly rather than being dropped from an administrator's view.
 */
export function apiScopes(stored: readonly string[]): ApiKeyScope[] {
  return stored.map((s) => {
    if (!isScope(s)) throw new Error(`unknown API key scope ${JSON.stringify(s)} in storage`);
    return API_SCOPE_OF[s];
  });
}

/** An API key id is the row's UUID. */
export function checkApiKeyId(id: string, field = 'id'): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be an API key id (UUID)`);
  return id.toLowerCase();
}
