import type { Identity } from './identity.ts';

/**
 * Access levels declared in the schema with @access(level: ...). Every field resolves to exactly one
 * level (its own or its type's); a field with neither refuses to start the subgraph.
 *
 * | level      | public | officer (dept D)     | supervisor | admin | system (dept D)          |
 * | PUBLIC     | read   | read                 | read       | read  | read                     |
 * | SHARED     | —      | read                 | read       | —     | read with scope `read`   |
 * | DEPARTMENT | —      | read/write if D owns | read       | —     | read/write if D owns, by scope |
 * | SUPERVISOR | —      | —                    | read       | —     | —                        |
 * | ADMIN      | —      | —                    | —          | read/write | —                   |
 *
 * Administrators (系统管理员) run the platform — API keys, the authority register, the measures catalogue,
 * evaluation models — and see no subject data beyond the public, nor the audit trail: least privilege
 * (个人信息保护法 art. 51(4), operation privileges determined reasonably: verified) and the separation of
 * system administration from audit review (三员分立 in GB/T 22239-2019: to verify). Supervisory reads
 * (aggregates, 高频失信, draws, the audit log) are the supervisors'. See docs/security.md.
 *
 * Supervisors never write. Mutations are DEPARTMENT or ADMIN level, or SHARED for a department's report
 * about its own business to a platform service (any officer, systems with scope `write`).
 */
export const ACCESS_LEVELS = ['PUBLIC', 'SUBJECT', 'SHARED', 'DEPARTMENT', 'SUPERVISOR', 'ADMIN'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export function canRead(who: Identity, level: AccessLevel, owner: string): boolean {
  switch (level) {
    case 'PUBLIC':
      return true;
    case 'SUBJECT':
      // The subject's own matters (its 信用修复 applications): the enterprise user itself and government users; the
      // resolver shows an enterprise only what concerns its own USCC.
      return who.role === 'ENTERPRISE' || canRead(who, 'SHARED', owner);
    case 'SHARED':
      return (
        who.role === 'OFFICER' || who.role === 'SUPERVISOR' || (who.role === 'SYSTEM' && who.scopes.includes('read'))
      );
    case 'DEPARTMENT':
      return (
        who.role === 'SUPERVISOR' ||
        (who.role === 'OFFICER' && who.department === owner) ||
        (who.role === 'SYSTEM' && who.department === owner && who.scopes.includes('read'))
      );
    case 'SUPERVISOR':
      return who.role === 'SUPERVISOR';
    case 'ADMIN':
      return who.role === 'ADMIN';
  }
}

export function canWrite(who: Identity, level: AccessLevel, owner: string): boolean {
  switch (level) {
    case 'DEPARTMENT':
      return (
        (who.role === 'OFFICER' && who.department === owner) ||
        (who.role === 'SYSTEM' && who.department === owner && who.scopes.includes('write'))
      );
    case 'ADMIN':
      return who.role === 'ADMIN';
    case 'SHARED':
      // A department reporting on its own business to a platform service (credit-check feedback, its
      // business decisions): any department's officers and write-scoped systems. The resolver binds the
      // write to the caller's own department; supervisors still never write.
      return who.role === 'OFFICER' || (who.role === 'SYSTEM' && who.scopes.includes('write'));
    case 'SUBJECT':
      // A subject acting for itself (applying for 信用修复, objecting): an enterprise user bound to its USCC; the
      // resolver binds the write to that USCC.
      return who.role === 'ENTERPRISE' && Boolean(who.subjectCode);
    case 'SUPERVISOR':
      // A supervisory act that records only the supervisor's own work (a 双随机 inspection draw), never a
      // department's records.
      return who.role === 'SUPERVISOR';
    default:
      // A PUBLIC mutation would let anyone write: not a level a mutation may have.
      return false;
  }
}

/**
 * Unmasked personal data (names, ID numbers of natural persons) goes only to those whose work needs it:
 * the owning department's officers, supervisors, and systems with the `personal` scope — and only with a
 * stated purpose. Everyone else, and anyone without a purpose, gets the masked value.
 */
export function canSeePersonal(who: Identity, owner: string, audience: PersonalAudience = 'owner'): boolean {
  if (!who.purpose) return false;
  const department = audience === 'government' || who.department === owner;
  return (
    who.role === 'SUPERVISOR' ||
    (who.role === 'OFFICER' && department) ||
    (who.role === 'SYSTEM' && department && who.scopes.includes('personal'))
  );
}

/**
 * Who needs a subgraph's personal data: its own department (`owner`, e.g. tax records), or every
 * department's officers (`government`: the subject register, which all departments work from).
 */
export type PersonalAudience = 'owner' | 'government';
