/**
 * One credit subject of each kind, with the registration facts that hang together: the code's
 * category and division match the kind and region, the industry matches the name, the founding year
 * fits the kind (cooperatives exist only since the 2007 law) and the code family fits the year.
 */
import { personKey, type SubjectKind } from '@credit-hub/kit/codes';
import { buildUscc, idNumberOf, organisationBody, personIdentity, type BodyFamily } from './codes.ts';
import { dayOf, isoDate, yearOf } from './dates.ts';
import {
  cityBodyName,
  cityInstitutionName,
  cooperativeName,
  countyBodyName,
  countyInstitutionName,
  enterpriseName,
  individualBusinessName,
  socialOrganisationName,
  type SocialCategory,
} from './names.ts';
import { personName, representative, type Representative } from './people.ts';
import { ANY_CITY, ANY_COUNTY, RURAL_COUNTY, type County } from './places.ts';
import { Weighted, type Rng } from './random.ts';
import type { PersonIdentityRow, RegistrationStatus, SubjectRow } from './types.ts';

export const KIND_MIX = new Weighted<SubjectKind>([
  ['ENTERPRISE', 60],
  ['INDIVIDUAL_BUSINESS', 22],
  ['FARMERS_COOPERATIVE', 3],
  ['GOVERNMENT_BODY', 1.5],
  ['PUBLIC_INSTITUTION', 3],
  ['SOCIAL_ORGANISATION', 2.5],
  ['NATURAL_PERSON', 8],
]);

export const LAST_ESTABLISHMENT_YEAR = 2025;

function years(from: number, to: number, weight: (y: number) => number): Weighted<number> {
  const entries: (readonly [number, number])[] = [];
  for (let y = from; y <= to; y++) entries.push([y, weight(y)]);
  return new Weighted(entries);
}

// Registrations grew steadily until the late 2010s (the 2014 registered-capital reform above all) and
// have been roughly flat since.
const ENTERPRISE_YEARS = years(1985, 2025, (y) => Math.exp(0.11 * (Math.min(y, 2019) - 1985)));
const SHOP_YEARS = years(1990, 2025, (y) => Math.exp(0.09 * (Math.min(y, 2020) - 1990)));
// 农民专业合作社法 took effect in July 2007; registrations peaked in the early 2010s.
const COOPERATIVE_YEARS = years(2007, 2025, (y) => (y < 2010 ? 1 : y <= 2016 ? 3 : 1.5));
const SOCIAL_YEARS = years(1990, 2025, (y) => Math.exp(0.06 * (y - 1990)));

/**
 * Divisions created recently: a code carrying one of these can only have been issued since then
 * (a subject registered earlier keeps its old division in its USCC, a person their old ID prefix).
 */
const DIVISION_SINCE: Record<string, number> = {
  '330113': 2021, // 临平区
  '330114': 2021, // 钱塘区
  '330383': 2019, // 龙港市
  '330213': 2016, // 奉化区 (was 奉化市 330283)
  '330112': 2017, // 临安区 (was 临安市 330185)
  '330111': 2015, // 富阳区 (was 富阳市 330183)
  '330603': 2013, // 柯桥区 (was 绍兴县)
  '330604': 2013, // 上虞区 (was 上虞市)
  '330305': 2015, // 洞头区 (was 洞头县)
  '331083': 2017, // 玉环市 (was 玉环县)
};

/** Organisations keep the division of their first code: only divisions that did not exist at all constrain them. */
const ORGANISATION_DIVISION_SINCE: Record<string, number> = { '330113': 2021, '330114': 2021, '330383': 2019 };

function notBefore(rng: Rng, year: number, regionCode: string): number {
  const since = ORGANISATION_DIVISION_SINCE[regionCode];
  if (since === undefined || year >= since) return year;
  return rng.range(since, LAST_ESTABLISHMENT_YEAR);
}

function dayIn(rng: Rng, year: number): number {
  const first = dayOf(year, 1, 1);
  return first + rng.int(dayOf(year + 1, 1, 1) - first);
}

const MARKET_STATUS = new Weighted<RegistrationStatus>([
  ['ACTIVE', 90],
  ['REVOKED', 4],
  ['CANCELLED', 5],
  ['MOVED_OUT', 1],
]);

const SOCIAL_STATUS = new Weighted<RegistrationStatus>([
  ['ACTIVE', 96],
  ['CANCELLED', 3],
  ['REVOKED', 1],
]);

/** What the tax department needs to know beyond the row itself. */
export interface MarketFacts {
  county: County;
  establishedDay: number;
  representative: Representative;
  /** Last year with a full rating: the year before revocation, cancellation or moving away. */
  lastActiveYear: number;
}

export interface Built {
  row: SubjectRow;
  person: PersonIdentityRow | null;
  market: MarketFacts | null;
}

function code(prefix: string, regionCode: string, family: BodyFamily, index: number): string {
  return buildUscc(prefix, regionCode, organisationBody(family, index));
}

function row(
  code: string,
  name: string,
  kind: SubjectKind,
  regionCode: string,
  industryCode: string | null,
  legalRepresentative: string | null,
  registrationStatus: RegistrationStatus,
  establishedDay: number | null,
): SubjectRow {
  return {
    code,
    name,
    kind,
    regionCode,
    industryCode,
    legalRepresentative,
    registrationStatus,
    establishedOn: establishedDay === null ? null : isoDate(establishedDay),
  };
}

function market(rng: Rng, kind: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE', index: number): Built {
  const county = (kind === 'FARMERS_COOPERATIVE' ? RURAL_COUNTY : ANY_COUNTY).pick(rng);
  const yearTable =
    kind === 'ENTERPRISE' ? ENTERPRISE_YEARS : kind === 'INDIVIDUAL_BUSINESS' ? SHOP_YEARS : COOPERATIVE_YEARS;
  const year = notBefore(rng, yearTable.pick(rng), county.code);
  const establishedDay = dayIn(rng, year);
  const rep = representative(rng, year);

  let prefix: string;
  let named: { name: string; industry: string };
  if (kind === 'ENTERPRISE') {
    prefix = '91';
    named = enterpriseName(rng, county, year);
  } else if (kind === 'INDIVIDUAL_BUSINESS') {
    prefix = '92';
    named = individualBusinessName(rng, county, rep);
  } else {
    prefix = '93';
    named = cooperativeName(rng, county);
  }
  // Individual businesses had no organisation code before the USCC, so all of theirs are new-style;
  // enterprises and cooperatives founded before the October 2015 switch kept their old numeric code.
  const newStyle = kind === 'INDIVIDUAL_BUSINESS' || year > 2015 || (year === 2015 && rng.chance(0.3));
  const status = MARKET_STATUS.pick(rng);
  const statusYear =
    status === 'ACTIVE'
      ? Infinity
      : year >= LAST_ESTABLISHMENT_YEAR
        ? year
        : rng.range(Math.max(year + 1, 2012), LAST_ESTABLISHMENT_YEAR);

  return {
    row: row(
      code(prefix, county.code, newStyle ? 'market-new' : 'old-numeric', index),
      named.name,
      kind,
      county.code,
      named.industry,
      rep.name,
      status,
      establishedDay,
    ),
    person: null,
    market: { county, establishedDay, representative: rep, lastActiveYear: statusYear - 1 },
  };
}

function bodyYear(rng: Rng, minYear: number, regionCode: string): number {
  const since = Math.max(minYear, ORGANISATION_DIVISION_SINCE[regionCode] ?? 0);
  // Bodies created by a reform were set up within a year or two of it; the others any time after 1950.
  return since >= 2010
    ? rng.range(since, Math.min(since + 1, LAST_ESTABLISHMENT_YEAR))
    : rng.range(Math.max(since, 1950), 2010);
}

function government(rng: Rng, index: number): Built {
  let regionCode: string;
  let named: { name: string; industry: string; minYear: number };
  if (rng.chance(0.12)) {
    const city = ANY_CITY.pick(rng);
    regionCode = city.code;
    named = cityBodyName(rng, city);
  } else {
    const county = ANY_COUNTY.pick(rng);
    regionCode = county.code;
    named = countyBodyName(rng, county);
  }
  const year = bodyYear(rng, named.minYear, regionCode);
  const rep = representative(rng, year, true);
  const family: BodyFamily = year >= 2016 ? 'public-new' : 'old-numeric';
  return {
    row: row(
      code('11', regionCode, family, index),
      named.name,
      'GOVERNMENT_BODY',
      regionCode,
      named.industry,
      rep.name,
      'ACTIVE',
      dayIn(rng, year),
    ),
    person: null,
    market: null,
  };
}

function institution(rng: Rng, index: number): Built {
  let regionCode: string;
  let named: { name: string; industry: string; minYear: number };
  if (rng.chance(0.15)) {
    const city = ANY_CITY.pick(rng);
    regionCode = city.code;
    named = cityInstitutionName(rng, city);
  } else {
    const county = ANY_COUNTY.pick(rng);
    regionCode = county.code;
    named = countyInstitutionName(rng, county);
  }
  const year = bodyYear(rng, named.minYear, regionCode);
  const rep = representative(rng, year, true);
  const family: BodyFamily = year >= 2016 ? 'public-new' : 'old-numeric';
  return {
    row: row(
      code('12', regionCode, family, index),
      named.name,
      'PUBLIC_INSTITUTION',
      regionCode,
      named.industry,
      rep.name,
      'ACTIVE',
      dayIn(rng, year),
    ),
    person: null,
    market: null,
  };
}

const SOCIAL_CATEGORY = new Weighted<SocialCategory>([
  ['1', 55],
  ['2', 40],
  ['3', 5],
]);

function social(rng: Rng, index: number): Built {
  const category = SOCIAL_CATEGORY.pick(rng);
  let regionCode: string;
  let where: { prefix: string; own: string };
  if (rng.chance(0.3)) {
    const city = ANY_CITY.pick(rng);
    regionCode = city.code;
    where = { prefix: city.name, own: city.short };
  } else {
    const county = ANY_COUNTY.pick(rng);
    regionCode = county.code;
    where = { prefix: county.full, own: county.city.short };
  }
  const named = socialOrganisationName(rng, category, where);
  let year = notBefore(rng, SOCIAL_YEARS.pick(rng), regionCode);
  // 基金会管理条例 (2004) created today's foundations.
  if (category === '3' && year < 2004) year = rng.range(2004, LAST_ESTABLISHMENT_YEAR);
  const rep = representative(rng, year);
  const family: BodyFamily = year >= 2016 ? 'social-new' : 'old-numeric';
  return {
    row: row(
      code('5' + category, regionCode, family, index),
      named.name,
      'SOCIAL_ORGANISATION',
      regionCode,
      named.industry,
      rep.name,
      SOCIAL_STATUS.pick(rng),
      dayIn(rng, year),
    ),
    person: null,
    market: null,
  };
}

function naturalPerson(rng: Rng, index: number, personKeySecret: string): Built {
  const { birthDay, sequence, sex } = personIdentity(index);
  const birthYear = yearOf(birthDay);
  // An ID number keeps the division of its first registration: nobody born in 1980 has a 临平区 prefix.
  let county = ANY_COUNTY.pick(rng);
  for (let tries = 0; (DIVISION_SINCE[county.code] ?? 0) > birthYear && tries < 20; tries++)
    county = ANY_COUNTY.pick(rng);
  if ((DIVISION_SINCE[county.code] ?? 0) > birthYear) county = ANY_COUNTY.items.find((c) => c.code === '330106')!;
  const idNumber = idNumberOf(county.code, birthDay, sequence);
  const key = personKey(idNumber, personKeySecret);
  return {
    row: row(key, personName(rng, sex, birthYear), 'NATURAL_PERSON', county.code, null, null, 'ACTIVE', null),
    person: { code: key, idNumber },
    market: null,
  };
}

export function buildSubject(rng: Rng, index: number, personKeySecret: string): Built {
  const kind = KIND_MIX.pick(rng);
  switch (kind) {
    case 'ENTERPRISE':
    case 'INDIVIDUAL_BUSINESS':
    case 'FARMERS_COOPERATIVE':
      return market(rng, kind, index);
    case 'GOVERNMENT_BODY':
      return government(rng, index);
    case 'PUBLIC_INSTITUTION':
      return institution(rng, index);
    case 'SOCIAL_ORGANISATION':
      return social(rng, index);
    default:
      return naturalPerson(rng, index, personKeySecret);
  }
}
