import type { Department } from '@credit-hub/kit';
import { organisationCodeCheck, usccCheckCharacter, USCC_CHARSET } from '@credit-hub/kit/codes';
import { REGIONS } from '@credit-hub/kit/reference';

/**
 * The authority register (行政机关名录): every deciding authority (处罚机关 / 许可机关) that may report 双公示
 * records, with the department it belongs to. Validation checks "the authority belongs to the submitting
 * department" against this register, so a department can never report (or overwrite) another's decisions.
 *
 * The shipped list is deterministic: for each prefecture-level city of the kit's region reference, one bureau
 * per reporting department. Real registers are loaded with `registerAuthority` (ADMIN) on top of it (writes.ts).
 */
export interface Authority {
  /** The authority's own 统一社会信用代码 (a 机关: 登记管理部门码 1, 机构类别码 1). */
  code: string;
  name: string;
  department: Department;
  regionCode: string;
}

/** The bureaus a city has per reporting department, in a fixed order (the order feeds the code bodies). */
export const BUREAUS: readonly { department: Department; suffix: string }[] = [
  { department: 'market', suffix: '市场监督管理局' },
  { department: 'tax', suffix: '税务局' },
  { department: 'environment', suffix: '生态环境局' },
  { department: 'transport', suffix: '交通运输局' },
  { department: 'housing', suffix: '住房和城乡建设局' },
  { department: 'health', suffix: '卫生健康委员会' },
  { department: 'emergency', suffix: '应急管理局' },
];

/**
 * A valid 机关 USCC from a region and a small ordinal: the 8-character organisation-code body is "G0", the
 * ordinal as five characters of the USCC charset (no I, O, S, V, Z), then "0" — stable across releases and
 * distinct from generated enterprise codes.
 */
export function authorityCode(regionCode: string, ordinal: number): string {
  let digits = '';
  let n = ordinal;
  for (let i = 0; i < 5; i++) {
    digits = USCC_CHARSET[n % 31]! + digits;
    n = Math.floor(n / 31);
  }
  const body = `G0${digits}0`;
  const first17 = `11${regionCode}${body}${organisationCodeCheck(body)}`;
  return first17 + usccCheckCharacter(first17);
}

const CITIES = REGIONS.filter((r) => r.level === 2);

export const AUTHORITIES: readonly Authority[] = CITIES.flatMap((city, c) =>
  BUREAUS.map((bureau, b): Authority => ({
    code: authorityCode(city.code, c * BUREAUS.length + b + 1),
    name: `${city.name}${bureau.suffix}`,
    department: bureau.department,
    regionCode: city.code,
  })),
);
