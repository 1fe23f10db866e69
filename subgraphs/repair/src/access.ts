/**
 * Who may do what in the window (docs/rules/repair.md, "Who does what"): the applicant is an enterprise user bound to
 * the case's USCC (ENTERPRISE role: the province's 法人 identity vouches for the binding); the platform is the
 * 信用办's officers (department `platform`); the department is the officers and write-scoped systems of the case's
 * deciding department; supervisors read everything.
 */
import { forbidden, unauthenticated, type Identity } from '@credit-hub/kit';
import type { RepairCase } from '@credit-hub/kit/db';
import type { Actor } from './rules.ts';

/** The USCC an enterprise user is bound to; refuses everybody else. */
export function enterpriseOf(who: Identity): string {
  if (who.role === 'PUBLIC')
    throw unauthenticated('Applying needs the enterprise signed in (统一身份认证, role enterprise)', 'MISSING');
  if (who.role !== 'ENTERPRISE' || !who.subjectCode)
    throw forbidden('Only an enterprise user signed in as the subject (or its agent) may apply or object', {
      rule: 'APPLICANT_ONLY',
    });
  return who.subjectCode;
}

export const isPlatform = (who: Identity) => who.role === 'OFFICER' && who.department === 'platform';
export const isDepartmentOf = (who: Identity, department: string) =>
  (who.role === 'OFFICER' && who.department === department) ||
  (who.role === 'SYSTEM' && who.department === department && who.scopes.includes('write'));

/** May `who` see this case (its applicant, the platform, the deciding department, supervisors)? */
export function maySee(who: Identity, row: Pick<RepairCase, 'subjectCode' | 'department'>): boolean {
  if (who.role === 'ENTERPRISE') return who.subjectCode === row.subjectCode;
  if (who.role === 'SUPERVISOR' || isPlatform(who)) return true;
  return (who.role === 'OFFICER' || who.role === 'SYSTEM') && who.department === row.department;
}

/** Refuses a caller who is not the actor a move needs. */
export function requireActor(who: Identity, actor: Actor, row: Pick<RepairCase, 'subjectCode' | 'department'>) {
  const ok =
    actor === 'APPLICANT'
      ? who.role === 'ENTERPRISE' && who.subjectCode === row.subjectCode
      : actor === 'PLATFORM'
        ? isPlatform(who)
        : actor === 'DEPARTMENT'
          ? isDepartmentOf(who, row.department)
          : false;
  if (!ok)
    throw forbidden(
      actor === 'APPLICANT'
        ? 'Only the applicant (the enterprise user bound to the subject) may do this'
        : actor === 'PLATFORM'
          ? 'Only the platform’s officers (信用办, department platform) may do this (形式审查)'
          : `Only officers of the deciding department (${row.department}) may do this: 谁认定、谁修复`,
      { rule: `${actor}_ONLY` },
    );
}
