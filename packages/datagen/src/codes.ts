/**
 * Valid, unique identifiers built from a subject's global index. Uniqueness is by construction: each
 * code family draws its body from a keyed bijection of the index, so no two subjects (of this load or
 * of an appended one with a higher start index) can share a code, and nothing has to be remembered.
 */
import { USCC_CHARSET, idCheckDigit, organisationCodeCheck, usccCheckCharacter } from '@credit-hub/kit/codes';
import { compactDate, dayOf } from './dates.ts';
import { Permutation, type Rng } from './random.ts';

const R31_5 = 31 ** 5;
const R31_6 = 31 ** 6;

function base31(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = USCC_CHARSET[n % 31]! + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/**
 * The permutation keys are constants, not derived from the seed: an append run with another seed must
 * still land in disjoint code space, which only a shared bijection over disjoint index ranges guarantees.
 */
const MARKET_NEW = new Permutation(R31_6, 0x4d41_0001); // MA…: market subjects registered since 2015-10
const SOCIAL_NEW = new Permutation(R31_6, 0x4d4a_0002); // MJ…: 民政-registered organisations since 2016
const PUBLIC_NEW = new Permutation(30 * R31_5, 0x4d42_0003); // MB0…MBX…: bodies set up since 2016
const OLD_NUMERIC = new Permutation(100_000_000, 0x3031_0004); // 8-digit 组织机构代码 from before the USCC

/** Bodies of the MB family starting with Y are kept for the tax authorities' own codes. */
const AUTHORITY_BLOCK = 30;

/** Birth dates 1950-01-01 … 2005-12-31 and sequence codes 001 … 999. */
const FIRST_BIRTH_DAY = dayOf(1950, 1, 1);
const BIRTH_DAYS = dayOf(2006, 1, 1) - FIRST_BIRTH_DAY;
const SEQUENCES = 999;
const PERSON_SPACE = new Permutation(BIRTH_DAYS * SEQUENCES, 0x4944_0005);

/** The largest global index the code families can serve without repeating (the person family is smallest). */
export const MAX_SUBJECT_INDEX = PERSON_SPACE.size;

export type BodyFamily = 'market-new' | 'social-new' | 'public-new' | 'old-numeric';

/** The 8-character 主体标识码 body (without its own check character) for a subject. */
export function organisationBody(family: BodyFamily, index: number): string {
  switch (family) {
    case 'market-new':
      return 'MA' + base31(MARKET_NEW.apply(index), 6);
    case 'social-new':
      return 'MJ' + base31(SOCIAL_NEW.apply(index), 6);
    case 'public-new':
      return 'MB' + base31(PUBLIC_NEW.apply(index), 6);
    case 'old-numeric':
      return String(OLD_NUMERIC.apply(index)).padStart(8, '0');
  }
}

/** GB 32100 code: department + category, 6-digit division, 8-char body, GB 11714 check, final check. */
export function buildUscc(prefix: string, regionCode: string, body8: string): string {
  const first17 = prefix + regionCode + body8 + organisationCodeCheck(body8);
  return first17 + usccCheckCharacter(first17);
}

/**
 * USCC of a tax authority (11 = 机关) in a division, e.g. the city's n-th 稽查局. Deterministic from
 * (division, variant) so every entry decided by the same bureau names the same code, and drawn from
 * the reserved MBY… block so it can never equal a generated subject's code.
 */
export function authorityUscc(regionCode: string, variant: number): string {
  const n = ((Number(regionCode) * 8 + variant) * 48271) % R31_5;
  return buildUscc('11', regionCode, 'MB' + USCC_CHARSET[AUTHORITY_BLOCK] + base31(n, 5));
}

/**
 * Birth date and sequence code (positions 7–17) of the person with this global index, from a bijection
 * of the index: whatever region prefix is put in front, no two persons can share an ID number.
 */
export function personIdentity(index: number): { birthDay: number; sequence: number; sex: 'MALE' | 'FEMALE' } {
  const q = PERSON_SPACE.apply(index);
  const sequence = (q % SEQUENCES) + 1;
  // Position 17 (the sequence code's last digit) is odd for men.
  return {
    birthDay: FIRST_BIRTH_DAY + Math.floor(q / SEQUENCES),
    sequence,
    sex: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

export function idNumberOf(regionCode: string, birthDay: number, sequence: number): string {
  const first17 = regionCode + compactDate(birthDay) + String(sequence).padStart(3, '0');
  return first17 + idCheckDigit(first17);
}

/** A valid ID number with the given sex and birth range; not unique (used for responsible persons). */
export function randomIdNumber(
  rng: Rng,
  regionCode: string,
  sex: 'MALE' | 'FEMALE',
  fromYear: number,
  toYear: number,
): string {
  const from = dayOf(fromYear, 1, 1);
  const birthDay = from + rng.int(dayOf(toYear + 1, 1, 1) - from);
  let seq = rng.range(1, 999);
  if ((seq % 2 === 1) !== (sex === 'MALE')) seq = seq === 999 ? 998 : seq + 1;
  return idNumberOf(regionCode, birthDay, seq);
}
