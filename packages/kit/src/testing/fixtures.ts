import { IDENTITY_HEADER, PUBLIC_IDENTITY, requestDigest, signIdentity, type Identity } from '../access/identity.ts';
import { idCheckDigit, organisationCodeCheck, usccCheckCharacter } from '../codes/index.ts';

/** Builds a valid USCC from its parts (tests make their own subjects). */
export function makeUscc(category: string, region: string, body8: string): string {
  const first17 = `${category}${region}${body8}${organisationCodeCheck(body8)}`;
  return first17 + usccCheckCharacter(first17);
}

/** Builds a valid 居民身份证号码 from region, birth date (YYYYMMDD) and sequence (3 digits). */
export function makeIdNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idCheckDigit(first17);
}

/** Posts a GraphQL operation over real HTTP and returns status and parsed body. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
  headers: Headers;
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body, headers: response.headers };
}

/** The internal secret test hubs and subgraphs share. */
export const TEST_INTERNAL_SECRET = 'test-internal-identity-secret-0123456789';

/** Identities for the role matrix; officers and systems belong to a department. */
export const callers = {
  public: PUBLIC_IDENTITY,
  officer: (department: string, purpose: string | null = null): Identity => ({
    actor: `officer-${department}`,
    role: 'OFFICER',
    department,
    scopes: [],
    purpose,
    client: 'test',
  }),
  supervisor: (purpose: string | null = null): Identity => ({
    actor: 'supervisor-1',
    role: 'SUPERVISOR',
    department: null,
    scopes: [],
    purpose,
    client: 'test',
  }),
  admin: (): Identity => ({
    actor: 'admin-1',
    role: 'ADMIN',
    department: null,
    scopes: [],
    purpose: null,
    client: 'test',
  }),
  system: (department: string, scopes: Identity['scopes'], purpose: string | null = null): Identity => ({
    actor: `apikey:${department}`,
    role: 'SYSTEM',
    department,
    scopes,
    purpose,
    client: 'test',
  }),
};

/**
 * Calls a subgraph directly as the gateway would: with the caller's identity signed for this request.
 */
export async function postAs<T = Record<string, unknown>>(
  url: string,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
  secret = TEST_INTERNAL_SECRET,
) {
  const header = await signIdentity(identity, secret, requestDigest(query, variables));
  return postGraphQL<T>(url, query, variables, { [IDENTITY_HEADER]: header });
}
