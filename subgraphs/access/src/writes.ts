/**
 * The access subgraph's writes: an administrator creates and revokes the API keys of departmental systems. Each
 * validates the generated input/argument types (rules.ts) and runs its change and its audit WRITE entry in one
 * transaction (`ctx.audited`), so no key exists without the trail of who made it.
 */
import { randomBytes } from 'node:crypto';
import { clock, newId, notFound, type SubgraphContext } from '@credit-hub/kit';
import type { CreateApiKeyInput, MutationRevokeApiKeyArgs } from './__generated__/types.ts';
import type { ApiKeyMapper } from './mappers.ts';
import { apiKeyFrom, checkApiKeyId, checkNewApiKey, PREFIX_LENGTH, SECRET_BYTES } from './rules.ts';

/** What a write needs of the request: the database, the caller, and `audited` (no loader, no GraphQL). */
type Ctx = SubgraphContext<unknown>;

/** Creates a key; the key itself is returned once, only its hash is stored. */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyMapper; key: string }> {
  const checked = checkNewApiKey(input, clock.now());
  const { key, prefix, hash } = apiKeyFrom(randomBytes(PREFIX_LENGTH), randomBytes(SECRET_BYTES));
  const id = newId();
  const apiKey = await ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.createApiKey'],
      detail: `key ${id} (${prefix}) for ${checked.department}: ${checked.scopes.join(',')}`,
    },
    (tx) => tx.apiKey.create({ data: { id, prefix, hash, ...checked, createdBy: ctx.identity.actor } }),
  );
  return { apiKey, key };
}

/**
 * Revokes a key: the gateway refuses it from then on (after its key cache expires). Revoking a revoked key
 * changes nothing and answers the key as it is (the first revocation's time and administrator stay).
 */
export async function revokeApiKey(ctx: Ctx, args: MutationRevokeApiKeyArgs): Promise<ApiKeyMapper> {
  const id = checkApiKeyId(args.id);
  return ctx.audited({ subjectCode: null, fields: ['Mutation.revokeApiKey'], detail: `key ${id}` }, async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { id } });
    if (!existing) throw notFound('API key', id, { field: 'id' });
    if (existing.revokedAt) return existing;
    return tx.apiKey.update({ where: { id }, data: { revokedAt: clock.now(), revokedBy: ctx.identity.actor } });
  });
}
