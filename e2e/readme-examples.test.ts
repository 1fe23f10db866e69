/**
 * The README's examples and the explorer's, run as a newcomer would run them: against a hub holding exactly
 * the demo data `npm start` generates (same generator, size, seed and person-key secret, read from the hub's env
 * module), anonymous unless the text before an example tells how to get a token — and then with the token the
 * shown `npm run token` command really prints. Each example must answer without an error and with data
 * (a subject that exists, lists that are not empty), so a stale example fails the build.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Hub } from '@credit-hub/hub';
import { readEnv as readHubEnv } from '@credit-hub/hub/env';
import { prepareDatabase } from '@credit-hub/hub/prepare';
import { EXPLORER_EXAMPLES } from '@credit-hub/gateway/explorer-examples';
import { startTestHub } from './support/hub.ts';
import { DEV_SECRETS } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { createTestDatabase, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';

interface Example {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Arguments of the `npm run token` command the text gives for it; none: anonymous. */
  token: string[] | null;
}

const README = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const TOKEN_COMMAND = /npm run (?:-s )?token -- ([^`\n)]+)/g;

/** ```graphql blocks, each with the ```json block right after it (its variables) and the token its text names. */
export function graphqlExamples(markdown: string): Example[] {
  const fence = /```(\w*)\n([\s\S]*?)```/g;
  const blocks = [...markdown.matchAll(fence)].map((m) => ({
    lang: m[1]!,
    body: m[2]!,
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  const examples: Example[] = [];
  let since = 0;
  blocks.forEach((block, i) => {
    if (block.lang !== 'graphql') return;
    const next = blocks[i + 1];
    const variables = next?.lang === 'json' ? (JSON.parse(next.body) as Record<string, unknown>) : {};
    const commands = [...markdown.slice(since, block.start).matchAll(TOKEN_COMMAND)];
    const heading = [...markdown.slice(0, block.start).matchAll(/^#{2,3} (.+)$/gm)].at(-1)?.[1] ?? '';
    examples.push({
      name: `${heading}: ${/^\s*(?:query (\w+)|\{\s*(\w+))/.exec(block.body)?.slice(1).find(Boolean) ?? 'query'}`,
      query: block.body,
      variables,
      token: commands.length ? commands.at(-1)![1]!.trim().split(/\s+/) : null,
    });
    since = block.end;
  });
  return examples;
}

/** The curl commands of ```sh blocks: the JSON body they send and whether they send `$TOKEN`. */
function curlExamples(markdown: string) {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((block) => block.includes('curl '))
    .map((block) => ({
      body: JSON.parse(/-d '([^']+)'/.exec(block)![1]!) as { query: string; variables?: Record<string, unknown> },
      token: /TOKEN=\$\(npm run -s token -- ([^)]+)\)/.exec(block)?.[1]?.trim().split(/\s+/) ?? null,
      url: /curl -s (\S+)/.exec(block)![1]!,
    }));
}

/** Every top-level answer is there: not null, lists not empty, connections with matches. */
function assertAnswered(name: string, status: number, body: { data?: unknown; errors?: unknown[] }) {
  assert.equal(status, 200, name);
  assert.equal(body.errors, undefined, `${name}: ${JSON.stringify(body.errors)}`);
  for (const [field, value] of Object.entries((body.data ?? {}) as Record<string, unknown>)) {
    assert.notEqual(value, null, `${name}: ${field} is null`);
    if (Array.isArray(value)) assert.ok(value.length > 0, `${name}: ${field} is empty`);
    const total = (value as { totalCount?: number }).totalCount;
    if (total !== undefined) assert.ok(total > 0, `${name}: ${field} has no matches`);
  }
}

let tdb: TestDatabase;
let hub: Hub;
const tokens = new Map<string, string>();

/** The token the README's command prints (the real script, as the reader runs it). */
async function tokenFrom(args: string[]): Promise<string> {
  const key = args.join(' ');
  if (!tokens.has(key)) {
    const env = { ...process.env };
    delete env.AUTH_JWT_SECRET;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts', 'token.ts'), ...args],
      { cwd: repoRoot, env },
    );
    tokens.set(key, stdout.trim());
  }
  return tokens.get(key)!;
}

before(async () => {
  tdb = await createTestDatabase();
  // npm start's demo data: its env module's defaults (size, seed, development person-key secret).
  const defaults = readHubEnv({});
  assert.equal(defaults.PERSON_KEY_SECRET, DEV_SECRETS.PERSON_KEY_SECRET);
  await prepareDatabase(tdb.url, defaults, () => undefined);
  // Tokens as npm start accepts them in development: signed with the development secret.
  hub = await startTestHub(tdb.url, tdb.db, {
    auth: {
      jwt: { hs256Secret: DEV_SECRETS.AUTH_JWT_SECRET, issuer: 'credit-hub', audience: 'credit-hub' },
      db: tdb.db,
      apiKeyCacheSeconds: 0,
    },
  });
});

after(async () => {
  await hub.close();
  await tdb.drop();
});

describe('README examples', () => {
  const examples = graphqlExamples(README);

  it('has anonymous and token examples, and says how to get the token', () => {
    assert.ok(examples.length >= 4, `${examples.length} examples`);
    assert.ok(examples.some((e) => e.token === null));
    assert.ok(examples.some((e) => e.token !== null));
  });

  for (const example of examples) {
    it(`runs as shown: ${example.name}${example.token ? ` (token: ${example.token.join(' ')})` : ' (anonymous)'}`, async () => {
      const headers: Record<string, string> = example.token
        ? { authorization: `Bearer ${await tokenFrom(example.token)}` }
        : {};
      const { status, body } = await postGraphQL(hub.gatewayUrl, example.query, example.variables, headers);
      assertAnswered(example.name, status, body);
    });
  }

  it('every curl command answers, to the URL npm start prints', async () => {
    const commands = curlExamples(README);
    assert.ok(commands.length >= 2);
    for (const command of commands) {
      assert.equal(command.url, 'http://127.0.0.1:4000/graphql');
      const headers: Record<string, string> = command.token
        ? { authorization: `Bearer ${await tokenFrom(command.token)}` }
        : {};
      const { status, body } = await postGraphQL(
        hub.gatewayUrl,
        command.body.query,
        command.body.variables ?? {},
        headers,
      );
      assertAnswered(command.body.query, status, body);
    }
  });

  it('a SHARED field asked anonymously is refused: the anonymous examples are the public ones', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ subject(code: "91330781523973012C") { taxCreditRatings { level } } }`,
    );
    assert.equal(body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe("the explorer's opening examples", () => {
  EXPLORER_EXAMPLES.forEach(({ name, query, variables }, index) => {
    it(`example ${name}${index === 0 ? ' (shown first)' : ''} answers anonymously with data`, async () => {
      const { status, body } = await postGraphQL(hub.gatewayUrl, query, variables);
      assertAnswered(name, status, body);
    });
  });
});
