import { badInput, isUuid } from '@credit-hub/kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { dashboardDefinition, MAX_DEFINITION_BYTES, metricById, validateQuery } from '../rules.ts';
import { createAlertRule, deleteDashboard, saveDashboard } from '../writes.ts';

/** A saved dashboard's id is a UUID (built-in dashboards cannot be saved or deleted); anything else is refused here. */
function dashboardId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, 'FORMAT', `${field} must be the UUID of a saved dashboard`);
  return value;
}

function parseDefinition(text: string) {
  if (Buffer.byteLength(text) > MAX_DEFINITION_BYTES)
    throw badInput('input.definition', 'TOO_LARGE', `input.definition may be at most ${MAX_DEFINITION_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badInput('input.definition', 'JSON', 'input.definition must be JSON text');
  }
  const parsed = dashboardDefinition.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(
      `input.definition.${issue.path.join('.')}`,
      'SHAPE',
      `input.definition.${issue.path.join('.')}: ${issue.message}`,
    );
  }
  for (const [i, p] of parsed.data.panels.entries())
    if (!metricById(p.query.metric))
      throw badInput(
        `input.definition.panels.${i}.query.metric`,
        'UNKNOWN_METRIC',
        `panel ${p.id}: no metric ${p.query.metric}`,
      );
  return parsed.data;
}

export const Mutation: MutationResolvers<Context> = {
  saveDashboard: async (_root, { input, expectedVersion }, ctx) => {
    const title = input.title.trim();
    if (title.length < 1 || title.length > 100)
      throw badInput('input.title', 'LENGTH', 'input.title must be 1–100 characters');
    if (input.id && (expectedVersion === null || expectedVersion === undefined))
      throw badInput(
        'expectedVersion',
        'REQUIRED',
        'expectedVersion is required when saving an existing dashboard (input.id)',
      );
    return saveDashboard(ctx.audited, ctx.identity.actor, {
      id: input.id ? dashboardId(input.id, 'input.id') : null,
      title,
      scope: input.scope,
      department: input.scope === 'DEPARTMENT' ? (input.department ?? 'platform') : null,
      definition: parseDefinition(input.definition),
      expectedVersion: expectedVersion ?? null,
    });
  },
  deleteDashboard: (_root, { id, expectedVersion }, ctx) =>
    deleteDashboard(ctx.audited, ctx.identity.actor, dashboardId(id, 'id'), expectedVersion),
  createAlertRule: async (_root, { input }, ctx) => {
    const filters = Object.fromEntries((input.filters ?? []).map((f) => [f.dimension, f.values]));
    // The same checks as a panel's query: a rule can only watch what a panel could show.
    validateQuery({ metric: input.metric, from: '2026-01-01', to: '2026-01-31', filters: input.filters ?? [] }, null);
    return createAlertRule(ctx.audited, ctx.identity.actor, ctx.identity.department, {
      metric: input.metric,
      comparator: input.comparator,
      threshold: input.threshold,
      filters,
    });
  },
};
