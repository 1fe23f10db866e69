import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The report signing keys (docs/adr/0091): Ed25519, each with a published id. New reports are signed with the current
 * key; every older key stays in the ring (its public half at least), so a rotation never invalidates a report.
 */
export interface KeyRing {
  current: { keyId: string; privateKey: KeyObject };
  /** Every key that may have signed a report, by id: the current one and the retired ones. */
  publicKeys: Map<string, KeyObject>;
  /** The HMAC key of the 查验码. */
  codeKey: Buffer;
}

/** `id:base64(PKCS#8 DER)` → a private Ed25519 key. */
export function parsePrivateKey(entry: string): { keyId: string; privateKey: KeyObject } {
  const [keyId, der] = splitEntry(entry);
  const privateKey = createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`report signing key ${keyId} is not an Ed25519 key`);
  return { keyId, privateKey };
}

/** `id:base64(SPKI DER)` → a retired key's public half. */
export function parsePublicKey(entry: string): { keyId: string; publicKey: KeyObject } {
  const [keyId, der] = splitEntry(entry);
  const publicKey = createPublicKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'spki' });
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`report verification key ${keyId} is not an Ed25519 key`);
  return { keyId, publicKey };
}

function splitEntry(entry: string): [string, string] {
  const at = entry.indexOf(':');
  const keyId = entry.slice(0, at).trim();
  if (at < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(keyId))
    throw new Error('a report key is written id:base64 (an id of letters, digits, . _ -, at most 64)');
  return [keyId, entry.slice(at + 1).trim()];
}

/** Builds the ring: the first signing key is the current one; the others and the retired public keys verify only. */
export function keyRing(signing: string[], retired: string[], codeKey: Buffer): KeyRing {
  if (signing.length === 0) throw new Error('no report signing key');
  const privates = signing.map(parsePrivateKey);
  const publicKeys = new Map<string, KeyObject>();
  for (const { keyId, privateKey } of privates) publicKeys.set(keyId, createPublicKey(privateKey));
  for (const { keyId, publicKey } of retired.map(parsePublicKey)) publicKeys.set(keyId, publicKey);
  return { current: privates[0]!, publicKeys, codeKey };
}

export const signText = (ring: KeyRing, text: string) =>
  sign(null, Buffer.from(text, 'utf8'), ring.current.privateKey).toString('base64url');

/** False for an unknown key id or a signature that does not verify. */
export function verifyText(ring: KeyRing, keyId: string, text: string, signature: string): boolean {
  const key = ring.publicKeys.get(keyId);
  if (!key) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

export const publicKeyPem = (key: KeyObject) => String(key.export({ format: 'pem', type: 'spki' }));
