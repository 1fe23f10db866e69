import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callers } from '../testing/fixtures.ts';
import type { Identity } from './identity.ts';
import { ACCESS_LEVELS, canRead, canSeePersonal, canWrite } from './policy.ts';

// The table of docs/security.md ("Enforcement"), cell by cell: a change to the policy must change the docs.
const who: Record<string, Identity> = {
  public: callers.public,
  'officer (tax)': callers.officer('tax'),
  'officer (court)': callers.officer('court'),
  supervisor: callers.supervisor(),
  admin: callers.admin(),
  'system (tax, read)': callers.system('tax', ['read']),
  'system (tax, none)': callers.system('tax', []),
  'enterprise (bound)': { ...callers.public, actor: 'ent-1', role: 'ENTERPRISE', subjectCode: '91330106MA2E70015X' },
};
const READS: Record<string, string[]> = {
  PUBLIC: Object.keys(who),
  SUBJECT: ['officer (tax)', 'officer (court)', 'supervisor', 'system (tax, read)', 'enterprise (bound)'],
  SHARED: ['officer (tax)', 'officer (court)', 'supervisor', 'system (tax, read)'],
  DEPARTMENT: ['officer (tax)', 'supervisor', 'system (tax, read)'],
  SUPERVISOR: ['supervisor'],
  ADMIN: ['admin'],
};

describe('access policy', () => {
  it('SUBJECT writes: only an enterprise user bound to a USCC (its own matters; the resolver binds the USCC)', () => {
    assert.deepEqual(
      Object.entries(who)
        .filter(([, identity]) => canWrite(identity, 'SUBJECT', 'platform'))
        .map(([name]) => name),
      ['enterprise (bound)'],
    );
    assert.equal(canWrite({ ...who['enterprise (bound)']!, subjectCode: null }, 'SUBJECT', 'platform'), false);
  });

  it('reads: every role × level of the documented table (owner: tax)', () => {
    for (const level of ACCESS_LEVELS) {
      const allowed = Object.entries(who)
        .filter(([, identity]) => canRead(identity, level, 'tax'))
        .map(([name]) => name);
      assert.deepEqual(allowed, READS[level], level);
    }
  });

  it('administrators read nothing about subjects beyond the public: not SHARED, DEPARTMENT or SUPERVISOR data', () => {
    const admin = callers.admin();
    assert.deepEqual(
      ACCESS_LEVELS.filter((level) => canRead(admin, level, 'tax')),
      ['PUBLIC', 'ADMIN'],
    );
    assert.equal(canSeePersonal({ ...admin, purpose: '核查' }, 'tax', 'government'), false);
  });

  it('writes: administrators only ADMIN, supervisors only their own supervisory acts', () => {
    assert.deepEqual(
      ACCESS_LEVELS.filter((level) => canWrite(callers.admin(), level, 'tax')),
      ['ADMIN'],
    );
    assert.deepEqual(
      ACCESS_LEVELS.filter((level) => canWrite(callers.supervisor(), level, 'tax')),
      ['SUPERVISOR'],
    );
  });
});
