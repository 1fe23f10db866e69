import { SignJWT } from 'jose';
import { startHub, type Hub, type HubGatewayOptions } from './index.ts';
import type { Db } from '@credit-hub/kit/db';

/** Secret the test hub's gateway verifies people's tokens with. */
export const TEST_JWT_SECRET = 'test-jwt-secret-for-credit-hub-0123456789';

/** A test hub: ephemeral ports, test tokens accepted, API keys checked on every call (no cache). */
export function startTestHub(
  databaseUrl: string,
  keyDb: Db,
  overrides: HubGatewayOptions & { supergraphPath?: string; production?: boolean } = {},
): Promise<Hub> {
  const { supergraphPath, production, ...gateway } = overrides;
  return startHub({
    databaseUrl,
    ports: 'ephemeral',
    supergraphPath,
    production,
    log: () => undefined,
    gateway: {
      rateLimit: { windowSeconds: 60, anonymousPerWindow: 10_000, authenticatedPerWindow: 10_000 },
      ...gateway,
      auth: gateway.auth ?? {
        jwt: { hs256Secret: TEST_JWT_SECRET, issuer: 'credit-hub', audience: 'credit-hub' },
        db: keyDb,
        apiKeyCacheSeconds: 0,
      },
    },
  });
}

/** A person's token as the identity provider would issue it. */
export async function tokenFor(
  claims: { role: string; department?: string; sub?: string },
  options: { secret?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.department ? { department: claims.department } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? `${claims.role}-${claims.department ?? 'all'}`)
    .setIssuer(options.issuer ?? 'credit-hub')
    .setAudience(options.audience ?? 'credit-hub')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
