import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { badInput, DEPARTMENTS, notFound, type SubgraphContext, clock } from '@credit-hub/kit';
import type { ApiKeyRow } from './mappers.ts';

const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** chk_<12-character prefix>_<43 characters of 256 random bits>; the prefix finds the row. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const bytes = randomBytes(12);
  const prefix = [...bytes].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
  const key = `chk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: createHash('sha256').update(key).digest('hex') };
}

export interface CreateKeyInput {
  name: string;
  department: string;
  scopes: readonly string[];
  expiresAt?: Date | null;
}

export async function createApiKey(ctx: SubgraphContext<unknown>, input: CreateKeyInput) {
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
  if (input.expiresAt && input.expiresAt.getTime() <= clock.now().getTime())
    throw badInput('input.expiresAt', 'FUTURE', '`input.expiresAt` must be in the future');
  const { key, prefix, hash } = newApiKey();
  const id = randomUUID();
  const scopes = [...new Set(input.scopes.map((s) => s.toLowerCase()))];
  const apiKey = await ctx.audited(
    {
      subjectCode: null,
      fields: ['Mutation.createApiKey'],
      detail: `key ${id} (${prefix}) for ${input.department}: ${scopes.join(',')}`,
    },
    (tx) =>
      tx.apiKey.create({
        data: {
          id,
          prefix,
          hash,
          name,
          department: input.department,
          scopes,
          createdBy: ctx.identity.actor,
          expiresAt: input.expiresAt ?? null,
        },
      }),
  );
  return { apiKey, key };
}

export async function revokeApiKey(ctx: SubgraphContext<unknown>, id: string): Promise<ApiKeyRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw badInput('id', 'FORMAT', '`id` must be an API key id (UUID)');
  return ctx.audited({ subjectCode: null, fields: ['Mutation.revokeApiKey'], detail: `key ${id}` }, async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { id } });
    if (!existing) throw notFound('API key', id);
    if (existing.revokedAt) return existing;
    return tx.apiKey.update({ where: { id }, data: { revokedAt: clock.now(), revokedBy: ctx.identity.actor } });
  });
}
