/**
 * Publicity rules for 双公示 penalties as credit information: the tier (失信信息分级) of a penalty, the window it is
 * published in (公示期), the bounds a department's 公示截止期 (CF_GSJZQ) must respect, and the day from which 信用修复
 * may be applied for. Plain functions over ISO dates (YYYY-MM-DD, China time); the rules themselves are data
 * (data/publicity.json). Sources, what is verified and the open questions: docs/rules/disclosure.md.
 *
 * The rule of a penalty is the one in force on its decision date (发改办财金〔2019〕527号 until 2023-04-30,
 * 国家发展改革委令第58号 until 2026-03-31, 国家发展改革委令第36号 《信用修复管理办法》 from 2026-04-01). When a later rule
 * comes into force while the penalty is still published, the more favourable of the two applies from that day
 * (从旧兼从轻): publicity ends at the earlier maximum (never before the new rule's first day), and repair may be
 * applied for after the shorter minimum.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { periodEnd as kitPeriodEnd, toIsoDate, z } from '@credit-hub/kit';

// ---- Dates ---------------------------------------------------------------------------------------------------

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The last day of a period of `months` calendar months counted from an ISO date: the one period rule of the platform
 * (the kit's `periodEnd`, 民法典 第二百零一条、第二百零二条) over this subgraph's ISO days. The day counted from is not
 * counted, and the period ends on the corresponding day of its last month, or on that month's last day when it has
 * none (2025-11-30 + 3 months ends 2026-02-28; 2024-02-29 + 12 months ends 2025-02-28). A negative count goes back
 * the same way: the day a window of that many months ending on `date` starts after.
 */
export function periodEnd(date: string, months: number): string {
  return iso(kitPeriodEnd(utc(date), { months }));
}

export function nextDay(date: string): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

export function previousDay(date: string): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

export type PenaltyTier = 'MINOR' | 'GENERAL' | 'SEVERE';
export const PENALTY_TIERS: readonly PenaltyTier[] = ['MINOR', 'GENERAL', 'SEVERE'];
export type TierSource = 'REPORTED' | 'AUTHORITY_TABLE' | 'PENALTY_TYPE';

export const TIER_LABELS: Readonly<Record<PenaltyTier, string>> = { MINOR: '轻微', GENERAL: '一般', SEVERE: '严重' };
const TIER_RANK: Readonly<Record<PenaltyTier, number>> = { MINOR: 0, GENERAL: 1, SEVERE: 2 };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const months = z.number().int().min(0).max(120);
const tierRule = z.strictObject({ publishedByDefault: z.boolean(), minMonths: months, maxMonths: months });
const tiers = z.enum(['MINOR', 'GENERAL', 'SEVERE']);

const configSchema = z
  .strictObject({
    description: z.string().optional(),
    regimes: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[A-Z0-9-]{2,32}$/),
          title: z.string().min(1),
          number: z.string().min(1),
          from: isoDate.nullable(),
          until: isoDate.nullable(),
          tiers: z.strictObject({ MINOR: tierRule, GENERAL: tierRule, SEVERE: tierRule }),
          sectorMinMonths: months.nullable(),
        }),
      )
      .min(1),
    sectors: z.array(
      z.strictObject({ code: z.string().regex(/^[A-Z_]{2,32}$/), label: z.string(), laws: z.array(z.string().min(2)) }),
    ),
    penaltyTypeTiers: z.strictObject({
      SEVERE: z.array(z.string()),
      GENERAL: z.array(z.string()),
      MINOR: z.array(z.string()),
    }),
    authorityTiers: z.array(
      z.strictObject({
        department: z.string().optional(),
        authorityCode: z.string().optional(),
        violationType: z.string().optional(),
        legalBasisContains: z.string().optional(),
        tier: tiers,
        source: z.string().min(1),
      }),
    ),
  })
  .superRefine((c, ctx) => {
    // Regimes follow each other without gaps: the first is open towards the past, the last towards the future.
    c.regimes.forEach((r, i) => {
      const next = c.regimes[i + 1];
      for (const tier of ['MINOR', 'GENERAL', 'SEVERE'] as const)
        if (r.tiers[tier].minMonths > r.tiers[tier].maxMonths)
          ctx.addIssue({
            code: 'custom',
            path: ['regimes', i, 'tiers', tier],
            message: 'the minimum exceeds the maximum',
          });
      if ((i === 0) !== (r.from === null))
        ctx.addIssue({ code: 'custom', path: ['regimes', i, 'from'], message: 'only the first regime has no start' });
      if (next && (r.until === null || next.from !== nextDay(r.until)))
        ctx.addIssue({
          code: 'custom',
          path: ['regimes', i, 'until'],
          message: 'must be the day before the next start',
        });
      if (!next && r.until !== null)
        ctx.addIssue({ code: 'custom', path: ['regimes', i, 'until'], message: 'the last regime has no end' });
    });
    for (const entry of c.authorityTiers)
      if (!entry.authorityCode && !entry.violationType && !entry.legalBasisContains)
        ctx.addIssue({
          code: 'custom',
          path: ['authorityTiers'],
          message: 'an entry names an authority, a violation type or a legal basis, not a department alone',
        });
  });

export type PublicityConfig = z.infer<typeof configSchema>;
export type Regime = PublicityConfig['regimes'][number];

/** Parses and checks a publicity configuration (the shipped file, or a test's variant). */
export function parsePublicityConfig(value: unknown): PublicityConfig {
  return configSchema.parse(value);
}

/** The shipped rules (data/publicity.json). */
export const PUBLICITY_RULES: PublicityConfig = parsePublicityConfig(
  JSON.parse(readFileSync(new URL('../data/publicity.json', import.meta.url), 'utf8')),
);

/** A short fingerprint of a configuration: stored records computed with other rules are recomputed at start. */
export const rulesFingerprint = (config: PublicityConfig): string =>
  createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);

// ---- Tier and sector ------------------------------------------------------------------------------------------

export interface TierFacts {
  /** CF_SXDJ 失信信息分级 as reported by the deciding authority (a platform extension column), if any. */
  reportedTier: PenaltyTier | null;
  department: string;
  authorityCode: string;
  violationType: string;
  legalBasis: string;
  penaltyTypes: readonly string[];
}

/**
 * The tier of a penalty and where it came from: the deciding authority's own classification (CF_SXDJ), else the
 * province's table of classifications by authority, violation type or legal basis (行业主管部门分类标准, configuration),
 * else the fallback by 处罚类别 — the most severe category decides (同一决定涉及多种处罚类型的，以最长者为准).
 */
export function decideTier(
  facts: TierFacts,
  config: PublicityConfig = PUBLICITY_RULES,
): { tier: PenaltyTier; source: TierSource } {
  if (facts.reportedTier) return { tier: facts.reportedTier, source: 'REPORTED' };
  const entry = config.authorityTiers.find(
    (e) =>
      (!e.department || e.department === facts.department) &&
      (!e.authorityCode || e.authorityCode === facts.authorityCode) &&
      (!e.violationType || e.violationType === facts.violationType) &&
      (!e.legalBasisContains || facts.legalBasis.includes(e.legalBasisContains)),
  );
  if (entry) return { tier: entry.tier, source: 'AUTHORITY_TABLE' };
  let tier: PenaltyTier = facts.penaltyTypes.length > 0 ? 'MINOR' : 'GENERAL';
  for (const type of facts.penaltyTypes) {
    const t: PenaltyTier = config.penaltyTypeTiers.SEVERE.includes(type)
      ? 'SEVERE'
      : config.penaltyTypeTiers.MINOR.includes(type)
        ? 'MINOR'
        : 'GENERAL';
    if (TIER_RANK[t] > TIER_RANK[tier]) tier = t;
  }
  return { tier, source: 'PENALTY_TYPE' };
}

/** The 58号令 sector (食品、药品、特种设备、安全生产、消防) of a penalty, from the law its 处罚依据 (CF_YJ) cites. */
export function sectorOf(legalBasis: string, config: PublicityConfig = PUBLICITY_RULES): string | null {
  return config.sectors.find((s) => s.laws.some((law) => legalBasis.includes(law)))?.code ?? null;
}

export const sectorLabel = (sector: string | null, config: PublicityConfig = PUBLICITY_RULES) =>
  sector ? (config.sectors.find((s) => s.code === sector)?.label ?? sector) : null;

// ---- Windows ---------------------------------------------------------------------------------------------------

/** The rule in force on a date. */
export function regimeOn(date: string, config: PublicityConfig = PUBLICITY_RULES): Regime {
  return config.regimes.find((r) => (r.from === null || r.from <= date) && (r.until === null || date <= r.until))!;
}

export const regimeByCode = (code: string, config: PublicityConfig = PUBLICITY_RULES) =>
  config.regimes.find((r) => r.code === code) ?? null;

/** Minimum publicity (months) of a tier under a rule, with the rule's sector minimum where it has one. */
export function minimumMonths(regime: Regime, tier: PenaltyTier, sector: string | null): number {
  const base = regime.tiers[tier].minMonths;
  return sector && regime.sectorMinMonths !== null ? Math.max(base, regime.sectorMinMonths) : base;
}

export interface PenaltyPublicityFacts {
  decidedOn: string;
  tier: PenaltyTier;
  sector: string | null;
  /** CF_GSJZQ 公示截止期, when the department gave one (already checked against the bounds). */
  deadline: string | null;
}

/** The range a 公示截止期 must fall in: from the end of the minimum to the end of the maximum, both inclusive. */
export function deadlineBounds(
  facts: Omit<PenaltyPublicityFacts, 'deadline'>,
  config: PublicityConfig = PUBLICITY_RULES,
): { regime: Regime; earliest: string; latest: string; minMonths: number; maxMonths: number } {
  const regime = regimeOn(facts.decidedOn, config);
  const minMonths = minimumMonths(regime, facts.tier, facts.sector);
  const maxMonths = regime.tiers[facts.tier].maxMonths;
  // A deadline is after the decision day in any case (AFTER_DECISION); a minimum of 0 adds nothing to that.
  const earliest = minMonths === 0 ? nextDay(facts.decidedOn) : periodEnd(facts.decidedOn, minMonths);
  return { regime, earliest, latest: periodEnd(facts.decidedOn, maxMonths), minMonths, maxMonths };
}

/**
 * Last day of publicity (inclusive), or null when the penalty is never published (轻微 under 令第36号 without a
 * 公示截止期: "原则上不予公示"). Publicity starts on the decision date (公示期限自…认定之日起开始计算).
 */
export function publicityEndsOn(
  facts: PenaltyPublicityFacts,
  config: PublicityConfig = PUBLICITY_RULES,
): string | null {
  const own = regimeOn(facts.decidedOn, config);
  const rule = own.tiers[facts.tier];
  let end: string | null =
    facts.deadline ?? (rule.publishedByDefault ? periodEnd(facts.decidedOn, rule.maxMonths) : null);
  for (const later of config.regimes) {
    if (later.from === null || later.from <= facts.decidedOn) continue;
    if (end === null || end < later.from) break;
    const laterRule = later.tiers[facts.tier];
    // Under the later rule a penalty of this tier is published at most this long (when it is published at all).
    const cap =
      facts.deadline !== null || laterRule.publishedByDefault ? periodEnd(facts.decidedOn, laterRule.maxMonths) : null;
    const dayBefore = previousDay(later.from);
    end = maxDate(dayBefore, cap === null ? dayBefore : minDate(end, cap));
  }
  return end;
}

/**
 * The first day on or after `from` on which 信用修复 may be applied for: after the minimum publicity
 * (最短公示期届满后), counted under the rule in force on the application day — or, when that is a later rule than the
 * decision's, under the shorter of the two minima (从旧兼从轻). A minimum of 0 (轻微 under 令第36号: 法定责任履行完毕
 * 即可申请修复) allows it from the decision date.
 */
export function repairAllowedFrom(
  facts: Omit<PenaltyPublicityFacts, 'deadline'>,
  from: string = facts.decidedOn,
  config: PublicityConfig = PUBLICITY_RULES,
): string {
  const own = regimeOn(facts.decidedOn, config);
  const ownMin = minimumMonths(own, facts.tier, facts.sector);
  const start = maxDate(from, facts.decidedOn);
  for (const regime of config.regimes) {
    if (regime.until !== null && regime.until < start) continue;
    const months = regime === own ? ownMin : Math.min(ownMin, minimumMonths(regime, facts.tier, facts.sector));
    const threshold = months === 0 ? facts.decidedOn : nextDay(periodEnd(facts.decidedOn, months));
    const candidate = maxDate(maxDate(start, regime.from ?? start), threshold);
    if (regime.until === null || candidate <= regime.until) return candidate;
  }
  // Unreachable: the last regime has no end.
  return start;
}

/** Whether a penalty is published on `today`: decided, inside its publicity window, and not repaired. */
export function isPenaltyPublished(
  row: { decidedOn: string; publicityEndsOn: string | null; repairedOn: string | null },
  today: string,
): boolean {
  if (row.publicityEndsOn === null || row.decidedOn > today || row.publicityEndsOn < today) return false;
  return row.repairedOn === null || row.repairedOn > today;
}

/** The derived publicity columns of a penalty, as stored. */
export interface DerivedPublicity {
  tier: PenaltyTier;
  tierSource: TierSource;
  sector: string | null;
  regime: string;
  publicityEndsOn: string | null;
  repairableFrom: string;
}

/** Everything the platform derives about a penalty's publicity from its reported columns. */
export function derivePublicity(
  facts: TierFacts & { decidedOn: string; deadline: string | null },
  config: PublicityConfig = PUBLICITY_RULES,
): DerivedPublicity {
  const { tier, source } = decideTier(facts, config);
  const sector = sectorOf(facts.legalBasis, config);
  const window = { decidedOn: facts.decidedOn, tier, sector };
  return {
    tier,
    tierSource: source,
    sector,
    regime: regimeOn(facts.decidedOn, config).code,
    publicityEndsOn: publicityEndsOn({ ...window, deadline: facts.deadline }, config),
    repairableFrom: repairAllowedFrom(window, facts.decidedOn, config),
  };
}

/** The rule that governs a penalty's publicity, in Chinese (shown beside the record). */
export function describePublicity(
  row: { decidedOn: string; tier: PenaltyTier; sector: string | null; publicityEndsOn: string | null },
  config: PublicityConfig = PUBLICITY_RULES,
): string {
  const own = regimeOn(row.decidedOn, config);
  const rule = own.tiers[row.tier];
  const min = minimumMonths(own, row.tier, row.sector);
  const label = TIER_LABELS[row.tier];
  const span = (m: number) => (m % 12 === 0 ? `${m / 12}年` : `${m}个月`);
  const parts = [
    `决定日适用《${own.title}》（${own.number}）`,
    rule.publishedByDefault
      ? `${label}失信信息最短公示${min === 0 ? '不限' : span(min)}、最长${span(rule.maxMonths)}`
      : `${label}失信信息原则上不予公示，确有必要公示的最长${span(rule.maxMonths)}`,
  ];
  if (row.sector && own.sectorMinMonths !== null)
    parts.push(`${sectorLabel(row.sector, config)}领域最短公示${span(own.sectorMinMonths)}`);
  for (const later of config.regimes)
    if (
      later.from !== null &&
      later.from > row.decidedOn &&
      row.publicityEndsOn !== null &&
      row.publicityEndsOn >= previousDay(later.from)
    )
      parts.push(`自${later.from}起按《${later.title}》（${later.number}）从轻适用`);
  parts.push(row.publicityEndsOn === null ? '不予公示' : `公示至${row.publicityEndsOn}`);
  return parts.join('；');
}

// ---- Licences and high-frequency offenders -------------------------------------------------------------------------

/**
 * Whether the public sees a licence on `today`: 有效 (XK_ZT = 1) and not past 有效期至 — still public on its
 * validUntil day itself (the 有效期 includes its last day), gone the day after.
 */
export function isLicencePublic(row: { status: string; validUntil: string }, today: string): boolean {
  return row.status === 'VALID' && row.validUntil >= today;
}

/** A stored licence (dates as the database gives them) under the same rule. */
export const isStoredLicencePublic = (row: { status: string; validUntil: Date }, today: string): boolean =>
  isLicencePublic({ status: row.status, validUntil: toIsoDate(row.validUntil)! }, today);

/** A stored penalty as the publicity rules read it: its dates as ISO days. */
export const penaltyFacts = (p: {
  decidedOn: Date;
  tier: PenaltyTier;
  sector: string | null;
  publicityEndsOn: Date | null;
  repairedOn: Date | null;
}) => ({
  decidedOn: toIsoDate(p.decidedOn)!,
  tier: p.tier,
  sector: p.sector,
  publicityEndsOn: toIsoDate(p.publicityEndsOn),
  repairedOn: toIsoDate(p.repairedOn),
});

/**
 * 高频失信主体: at least this many published penalties decided within the window. A local definition (no national
 * text defines it, see docs/rules/disclosure.md): configuration of the 重点关注 list, not a rule of law.
 */
export const HIGH_FREQUENCY_THRESHOLD = 5;
export const HIGH_FREQUENCY_WINDOW_MONTHS = 36;

/** The window of 高频失信主体 on `today`: penalties decided after this day (and on or before today) count. */
export const highFrequencySince = (today: string): string => periodEnd(today, -HIGH_FREQUENCY_WINDOW_MONTHS);

// ---- Recomputing stored penalties ----------------------------------------------------------------------------------

/*
 * A new submission with a 公示截止期 outside its tier's bounds is refused (intake/rules.ts). A row stored before the
 * bounds existed cannot be refused any more: its publicity is kept within the bounds and the change is written in
 * `publicity_note`, next to the 公示截止期 the department reported (which is never altered).
 */
/** The reported columns of a stored penalty its derived publicity is computed from. */
export interface StoredFacts {
  id: string;
  decidedOn: string;
  penaltyTypes: string[];
  reportedTier: PenaltyTier | null;
  department: string;
  authorityCode: string;
  violationType: string;
  legalBasis: string;
  deadline: string | null;
}

/** What one stored row becomes under the rules: the derived columns and, if the deadline had to be bounded, why. */
export function recomputeRow(row: StoredFacts, config: PublicityConfig = PUBLICITY_RULES) {
  let deadline = row.deadline;
  let note: string | null = null;
  if (deadline !== null && deadline > row.decidedOn) {
    const { tier } = decideTier(row, config);
    const b = deadlineBounds({ decidedOn: row.decidedOn, tier, sector: sectorOf(row.legalBasis, config) }, config);
    const rule = `《${b.regime.title}》（${b.regime.number}）`;
    if (deadline > b.latest) {
      note = `报送的公示截止期${deadline}超过${rule}规定的${TIER_LABELS[tier]}失信信息最长公示期，按最长公示期至${b.latest}公示`;
      deadline = b.latest;
    } else if (deadline < b.earliest) {
      note = `报送的公示截止期${deadline}早于${rule}规定的最短公示期，按最短公示期至${b.earliest}公示（提前终止公示须经信用修复）`;
      deadline = b.earliest;
    }
  } else if (deadline !== null) {
    note = `报送的公示截止期${deadline}不晚于处罚决定日期，按该分级的规定期限公示`;
    deadline = null;
  }
  return { ...derivePublicity({ ...row, deadline }, config), note };
}
