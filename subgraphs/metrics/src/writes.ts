/**
 * Writes of the metrics subgraph: saved dashboards (optimistic concurrency on `version`) and alert rules. Each runs
 * with its audit entry in one transaction (`ctx.audited`).
 */
import { clock, conflict, newId, notFound, type AuditEvent } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { z } from 'zod';
import { dashboardRow, type DashboardRow } from './reads.ts';

type Tx = Db['prisma'];
export type Audited = <T>(event: Omit<AuditEvent, 'action'>, work: (tx: Tx) => Promise<T>) => Promise<T>;

export interface DashboardSave {
  id: string | null;
  title: string;
  scope: 'PRIVATE' | 'DEPARTMENT' | 'SUPERVISORS';
  department: string | null;
  definition: unknown;
  expectedVersion: number | null;
}

const ownerRow = z.object({ owner: z.string(), version: z.number() });
const RETURNING = 'RETURNING id::text, title, owner, department, scope, version, definition, updated_at, updated_by';

/**
 * Creates a dashboard, or updates one the actor owns when the stored version is the one they edited. The update is a
 * single conditional statement (`WHERE version = expected`), so two concurrent saves of version n cannot both win.
 */
export async function saveDashboard(audited: Audited, actor: string, input: DashboardSave): Promise<DashboardRow> {
  const now = clock.now();
  return audited(
    {
      subjectCode: null,
      fields: ['Mutation.saveDashboard'],
      detail: JSON.stringify({ id: input.id, scope: input.scope, expectedVersion: input.expectedVersion }),
    },
    async (tx) => {
      const sql = prismaSql(tx);
      if (!input.id) {
        const rows = await sql.rows(
          `INSERT INTO metrics.dashboard (id, title, owner, department, scope, version, definition, updated_at, updated_by)
         VALUES ($1::uuid, $2, $3, $4, $5, 1, $6::jsonb, $7, $3) ${RETURNING}`,
          [newId(), input.title, actor, input.department, input.scope, JSON.stringify(input.definition), now],
        );
        return dashboardRow.parse(rows[0]);
      }
      const rows = await sql.rows(
        `UPDATE metrics.dashboard SET title = $3, scope = $4, department = $5, definition = $6::jsonb, version = version + 1,
         updated_at = $7, updated_by = $2
       WHERE id = $1::uuid AND owner = $2 AND version = $8 ${RETURNING}`,
        [
          input.id,
          actor,
          input.title,
          input.scope,
          input.department,
          JSON.stringify(input.definition),
          now,
          input.expectedVersion,
        ],
      );
      if (rows[0]) return dashboardRow.parse(rows[0]);
      const found = await sql.rows(`SELECT owner, version FROM metrics.dashboard WHERE id = $1::uuid`, [input.id]);
      const current = found[0] === undefined ? undefined : ownerRow.parse(found[0]);
      if (!current || current.owner !== actor)
        throw notFound('Dashboard', input.id, {
          hint: 'only its owner may save it; save a copy instead (omit the id)',
        });
      throw conflict(
        'expectedVersion',
        'STALE_VERSION',
        `Dashboard ${input.id} is at version ${current.version}, not ${input.expectedVersion ?? 'none'}: it was saved meanwhile; reload it and apply your change again`,
        { currentVersion: current.version },
      );
    },
  );
}

export async function deleteDashboard(
  audited: Audited,
  actor: string,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  return audited(
    { subjectCode: null, fields: ['Mutation.deleteDashboard'], detail: JSON.stringify({ id, expectedVersion }) },
    async (tx) => {
      const sql = prismaSql(tx);
      const n = await sql.execute(`DELETE FROM metrics.dashboard WHERE id = $1::uuid AND owner = $2 AND version = $3`, [
        id,
        actor,
        expectedVersion,
      ]);
      if (n === 1) return true;
      const found = await sql.rows(`SELECT owner, version FROM metrics.dashboard WHERE id = $1::uuid`, [id]);
      const current = found[0] === undefined ? undefined : ownerRow.parse(found[0]);
      if (!current || current.owner !== actor) throw notFound('Dashboard', id);
      throw conflict(
        'expectedVersion',
        'STALE_VERSION',
        `Dashboard ${id} is at version ${current.version}, not ${expectedVersion}`,
        {
          currentVersion: current.version,
        },
      );
    },
  );
}

export interface AlertRuleSave {
  metric: string;
  comparator: 'BELOW' | 'ABOVE';
  threshold: number;
  filters: Record<string, string[]>;
}

export async function createAlertRule(
  audited: Audited,
  actor: string,
  department: string | null,
  input: AlertRuleSave,
) {
  return audited(
    { subjectCode: null, fields: ['Mutation.createAlertRule'], detail: JSON.stringify(input) },
    async (tx) => {
      const id = newId();
      await prismaSql(tx).execute(
        `INSERT INTO metrics.alert_rule (id, metric, filters, comparator, threshold, owner, department, created_at)
       VALUES ($1::uuid, $2, $3::jsonb, $4, $5, $6, $7, $8)`,
        [
          id,
          input.metric,
          JSON.stringify(input.filters),
          input.comparator,
          input.threshold,
          actor,
          department,
          clock.now(),
        ],
      );
      return { id, ...input, owner: actor, department };
    },
  );
}
