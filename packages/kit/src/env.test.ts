import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonEnv, databaseUrl, DEV_SECRETS, isPublicValue, loadEnv, secret } from './env.ts';

const shape = {
  ...commonEnv,
  PERSON_KEY_SECRET: secret({ minLength: 16, devDefault: DEV_SECRETS.PERSON_KEY_SECRET }),
  INTERNAL_IDENTITY_SECRET: secret({ minLength: 32 }),
  AUTH_JWT_SECRET: secret({ minLength: 32, alternatives: ['AUTH_JWT_PUBLIC_KEY'] }),
  AUTH_JWT_PUBLIC_KEY: secret({ alternatives: ['AUTH_JWT_SECRET'] }),
  DATABASE_URL: databaseUrl.optional(),
};
const good = {
  PERSON_KEY_SECRET: 'a-deployment-person-key-secret',
  INTERNAL_IDENTITY_SECRET: 'x'.repeat(48),
  AUTH_JWT_SECRET: 'y'.repeat(40),
  DATABASE_URL: 'postgresql://hub:s3cr3t-Pa55@db:5432/credit_hub',
};
const problems = (source: Record<string, string>) => {
  try {
    loadEnv(shape, source);
    return [];
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
};

describe('secrets in the environment', () => {
  it('outside production a missing secret takes its development default, defined once in DEV_SECRETS', () => {
    const env = loadEnv(shape, {});
    assert.equal(env.PERSON_KEY_SECRET, DEV_SECRETS.PERSON_KEY_SECRET);
    assert.equal(env.INTERNAL_IDENTITY_SECRET, undefined);
    assert.equal(
      loadEnv(shape, { NODE_ENV: 'test', PERSON_KEY_SECRET: '' }).PERSON_KEY_SECRET,
      DEV_SECRETS.PERSON_KEY_SECRET,
    );
  });

  it('in production every secret is required, each problem naming its variable, all at once', () => {
    assert.deepEqual(problems({ NODE_ENV: 'production' }), [
      '  PERSON_KEY_SECRET: required in production',
      '  INTERNAL_IDENTITY_SECRET: required in production',
      '  AUTH_JWT_SECRET: required in production (or AUTH_JWT_PUBLIC_KEY)',
      '  AUTH_JWT_PUBLIC_KEY: required in production (or AUTH_JWT_SECRET)',
    ]);
    assert.deepEqual(problems({ NODE_ENV: 'production', ...good }), []);
    // Either key of an alternative pair will do.
    const { AUTH_JWT_SECRET: _hs, ...rs } = good;
    assert.deepEqual(
      problems({ NODE_ENV: 'production', ...rs, AUTH_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }),
      [],
    );
  });

  it('in production a development default or an example placeholder is refused, naming the variable', () => {
    assert.deepEqual(
      problems({
        NODE_ENV: 'production',
        ...good,
        PERSON_KEY_SECRET: DEV_SECRETS.PERSON_KEY_SECRET,
        AUTH_JWT_SECRET: DEV_SECRETS.AUTH_JWT_SECRET,
        INTERNAL_IDENTITY_SECRET: 'replace-with-48-random-characters-shared-by-gateway-and-subgraphs',
        DATABASE_URL: `postgresql://credit_hub:${DEV_SECRETS.DATABASE_PASSWORD}@postgres:5432/credit_hub`,
      }).map((line) => line.split(':')[0]!.trim()),
      ['PERSON_KEY_SECRET', 'INTERNAL_IDENTITY_SECRET', 'AUTH_JWT_SECRET', 'DATABASE_URL'],
    );
    assert.match(
      problems({ NODE_ENV: 'production', ...good, PERSON_KEY_SECRET: 'change-me-person-key-secret' })[0]!,
      /^ {2}PERSON_KEY_SECRET: is a public development or example value/,
    );
  });

  it('still checks length and format in every mode', () => {
    assert.deepEqual(problems({ INTERNAL_IDENTITY_SECRET: 'short' }), [
      '  INTERNAL_IDENTITY_SECRET: must be at least 32 characters',
    ]);
  });

  it('knows which values are public', () => {
    for (const value of Object.values(DEV_SECRETS)) assert.equal(isPublicValue(value), true);
    assert.equal(isPublicValue('replace-me'), true);
    assert.equal(isPublicValue(good.INTERNAL_IDENTITY_SECRET), false);
  });
});
