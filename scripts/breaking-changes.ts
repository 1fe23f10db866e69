/**
 * Breaking changes of the client-facing API, checked (`npm run compose -- --check`, part of `npm test`): the API
 * schema of the composed supergraph is compared with the API schema of the committed baseline by GraphQL Inspector
 * (@graphql-inspector/core), and every breaking change must be recorded, with its reason, in intended-breaks.json.
 *
 * The baseline is the supergraph as it was before the change under review: the committed supergraph.graphql when the
 * working tree's differs from it (a change not yet committed), otherwise the version before the last commit that
 * changed it (a change just committed, as CI sees it; for a merge, main before the merge). Only the API schema is
 * compared — what clients can query — so moving a field between subgraphs is not a break, removing it is.
 *
 * To make an intended break (a field renamed with every client moved, say), add an entry to intended-breaks.json:
 * `{ "type": "FIELD_REMOVED", "path": "Query.oldName", "reason": "…", "recorded": "YYYY-MM-DD" }` — the type and path
 * are the ones the failing check prints. Entries stay as the record of what was broken, and why.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';
import { z } from 'zod';

export const INTENDED_BREAKS_FILE = 'intended-breaks.json';

const intendedBreak = z.strictObject({
  type: z.string().min(1),
  path: z.string().min(1),
  reason: z.string().trim().min(10, 'say why the break is intended and how clients were moved'),
  recorded: z.iso.date(),
});
export type IntendedBreak = z.infer<typeof intendedBreak>;

/** The recorded intended breaks; a malformed file (or an entry without a reason) is an error naming the entry. */
export function parseIntendedBreaks(text: string): IntendedBreak[] {
  const parsed = z.array(intendedBreak).safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(
      `${INTENDED_BREAKS_FILE}: ${parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** The client-facing schema of a supergraph (federation's join directives and inaccessible elements removed). */
export const apiSchemaOf = (supergraphSdl: string): GraphQLSchema =>
  Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

export interface Verdict {
  /** Breaking changes with no entry in intended-breaks.json: the check fails on any. */
  unrecorded: Change[];
  /** Breaking changes an entry covers. */
  recorded: Change[];
  /** Changes that break no query but may change behaviour (a default value, an enum value added). */
  dangerous: Change[];
}

/** What identifies a change: its type and the schema coordinate it touches (the message when it has none). */
const keyOf = (c: { type: string; path?: string | undefined; message?: string }) => `${c.type} ${c.path ?? c.message}`;

/** Compares two API schemas and sorts the breaking changes into recorded and unrecorded. */
export async function judge(before: GraphQLSchema, after: GraphQLSchema, intended: IntendedBreak[]): Promise<Verdict> {
  const changes = await diff(before, after);
  const allowed = new Set(intended.map(keyOf));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    unrecorded: breaking.filter((c) => !allowed.has(keyOf(c))),
    recorded: breaking.filter((c) => allowed.has(keyOf(c))),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
  };
}

/** Git, as the baseline is read from it: the output of a command, or null when it fails (no repository, no file). */
export type Git = (args: string[]) => string | null;

export const gitIn =
  (root: string): Git =>
  (args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return null;
    }
  };

/** The supergraph to compare with (see the module comment), and where it comes from; null without history. */
export function baseline(git: Git, file: string, current: string): { sdl: string; from: string } | null {
  const committed = git(['show', `HEAD:${file}`]);
  if (committed === null) return null;
  if (committed !== current) return { sdl: committed, from: 'HEAD' };
  const last = git(['log', '-n', '1', '--format=%H', '--', file])?.trim();
  if (!last) return null;
  const before = git(['show', `${last}~1:${file}`]);
  return before === null ? null : { sdl: before, from: `${last.slice(0, 10)}~1` };
}

const describe = (c: Change) => `${c.type} ${c.path ?? ''}: ${c.message}`;

/** The check itself: resolves with the lines to print, and whether the API broke without a record. */
export async function checkBreakingChanges(
  root: string,
  supergraphSdl: string,
  git: Git = gitIn(root),
): Promise<{ ok: boolean; lines: string[] }> {
  const base = baseline(git, 'supergraph.graphql', supergraphSdl);
  if (!base) return { ok: true, lines: ['breaking changes: no committed supergraph to compare with'] };
  const intended = parseIntendedBreaks(readFileSync(path.join(root, INTENDED_BREAKS_FILE), 'utf8'));
  const verdict = await judge(apiSchemaOf(base.sdl), apiSchemaOf(supergraphSdl), intended);
  const lines = [
    ...verdict.dangerous.map((c) => `dangerous change (allowed): ${describe(c)}`),
    ...verdict.recorded.map((c) => `intended breaking change (${INTENDED_BREAKS_FILE}): ${describe(c)}`),
    ...verdict.unrecorded.map((c) => `BREAKING change: ${describe(c)}`),
  ];
  if (verdict.unrecorded.length)
    lines.push(
      `the API breaks against the supergraph of ${base.from}: keep the old field (deprecate it) or, if the break is ` +
        `intended, record each change in ${INTENDED_BREAKS_FILE} with its type, path and reason`,
    );
  else lines.push(`no unrecorded breaking change against the supergraph of ${base.from}`);
  return { ok: verdict.unrecorded.length === 0, lines };
}
