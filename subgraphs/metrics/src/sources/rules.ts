/**
 * Facts of the metric sources added by ADR 0110 (docs/metrics.md, "Fact streams"): the 双公示 intake's first receipts,
 * declarations and quarantine; evaluation's business decisions (应查未查), overdue measures (应惩未惩) and 双随机
 * draws; the reports issued; push's finished deliveries; the repair window's closed cases (`repair.case.closed`) and
 * the departments' repair acts (`repairActFacts`, cause REPAIRED). Pure; ../rules.ts `factsOf` takes both as
 * `SOURCE_FACTS` from its caller (events.ts, the bench and the tests) and hands every event type it does not map
 * itself to `sourceFactsOf`.
 *
 * Only types are imported from ../rules.ts; the helpers it needs come as an argument.
 */
import type { DeliveredEvent } from '@credit-hub/kit/events';
import type { FactRow, SourceFacts, StreamId } from '../rules.ts';

type Base = Omit<FactRow, 'stream' | 'day'>;
type Payload = Record<string, unknown>;

export interface SourceHelpers {
  regionLevels(code: string | null): { district: string; city: string; province: string };
  timelinessOf(decidedOn: string, receivedOn: string): 'TIMELY' | 'LATE' | 'UNDETERMINED';
}

const text = (p: Payload, key: string): string => {
  const v = p[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? '-' : String(v);
};
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const firstRule = (p: Payload): string => (Array.isArray(p.rules) && p.rules.length > 0 ? String(p.rules[0]) : '-');

/**
 * The region of a deciding authority: the division its USCC carries (positions 3–8). These facts name no subject
 * (the subject directory's corrections apply to a subject's facts and must not move them).
 */
function authorityRegion(code: unknown, helpers: SourceHelpers) {
  return {
    subjectCode: null,
    ...helpers.regionLevels(typeof code === 'string' && code.length === 18 ? code.slice(2, 8) : null),
  };
}

/**
 * The facts of one source event. `base` carries the subject's dimensions and the event's department; `received` is
 * the China date of the event's occurrence.
 */
export function sourceFactsOf(event: DeliveredEvent, base: Base, received: string, helpers: SourceHelpers): FactRow[] {
  const p = (event.payload ?? {}) as Payload;
  const fact = (stream: StreamId, day: string, over: Partial<FactRow> = {}): FactRow => ({
    ...base,
    stream,
    day,
    ...over,
  });
  switch (event.type) {
    case 'disclosure.decision.received': {
      // 双公示 quality by decision date, as disclosureQuality counts it; a decision without a date is in no period.
      if (!isDay(p.decidedOn)) return [];
      const where = {
        ...authorityRegion(p.authorityCode, helpers),
        industry: '-',
        subjectKind: '-',
        matter: text(p, 'kind'),
      };
      const t = helpers.timelinessOf(p.decidedOn, received);
      return [
        // 上报率: reported (1) over due; a declared decision is already due by its declaration.
        fact('disclosure.reporting', p.decidedOn, {
          ...where,
          severity: 'REPORTED',
          value: 1,
          weight: p.declared ? 0 : 1,
        }),
        // 合规率: the first receipt passed validation, over reported.
        fact('disclosure.compliance', p.decidedOn, {
          ...where,
          seq: 1,
          severity: p.compliant ? 'COMPLIANT' : firstRule(p),
          value: p.compliant ? 1 : 0,
          weight: 1,
        }),
        // 及时率: the first receipt (valid or not) by the 7th working day; undetermined out of the denominator.
        fact('disclosure.firstReceipt', p.decidedOn, {
          ...where,
          seq: 2,
          severity: t,
          value: t === 'TIMELY' ? 1 : 0,
          weight: t === 'UNDETERMINED' ? 0 : 1,
        }),
      ];
    }
    case 'disclosure.decision.declared':
      // Declared after it was received: already due by its receipt, nothing to add.
      if (p.received || !isDay(p.decidedOn)) return [];
      return [
        fact('disclosure.reporting', p.decidedOn, {
          ...authorityRegion(p.authorityCode, helpers),
          industry: '-',
          subjectKind: '-',
          matter: text(p, 'kind'),
          severity: 'DECLARED',
          value: 0,
          weight: 1,
        }),
      ];
    case 'disclosure.record.quarantined':
    case 'disclosure.quarantine.resolved': {
      const resolved = event.type === 'disclosure.quarantine.resolved';
      return [
        fact('disclosure.quarantine', received, {
          ...authorityRegion(p.authorityCode, helpers),
          industry: '-',
          subjectKind: '-',
          list: resolved ? 'RESOLVED' : 'QUARANTINED',
          matter: text(p, 'kind'),
          severity: resolved ? text(p, 'resolution') : firstRule(p),
          value: resolved ? -1 : 1,
        }),
      ];
    }
    case 'business.decision.reported':
      if (!isDay(p.decidedOn)) return [];
      return [
        fact('business.decision', p.decidedOn, {
          matter: text(p, 'matter').slice(0, 64),
          severity: p.checked ? 'CHECKED' : 'UNCHECKED',
          value: p.checked ? 0 : 1,
        }),
      ];
    case 'credit.measure.overdue':
      if (!isDay(p.overdueOn)) return [];
      return [
        fact('measure.overdue', p.overdueOn, {
          department: text(p, 'checkingDepartment'),
          matter: text(p, 'matter').slice(0, 64),
          severity: text(p, 'measureKind'),
        }),
      ];
    case 'inspection.sample.drawn': {
      const where = {
        ...helpers.regionLevels(typeof p.regionCode === 'string' ? p.regionCode : null),
        industry: typeof p.industryCode === 'string' && p.industryCode ? p.industryCode.slice(0, 1) : '-',
        subjectKind: '-',
        matter: text(p, 'matter').slice(0, 64),
      };
      const levels = Array.isArray(p.levels) ? (p.levels as Payload[]) : [];
      return [
        fact('inspection.draw', received, { ...where, value: 1 }),
        ...levels.map((l, i) =>
          fact('inspection.sampled', received, {
            ...where,
            seq: i + 1,
            severity: text(l, 'level'),
            value: Number(l.drawn ?? 0),
            weight: Number(l.population ?? 0),
          }),
        ),
      ];
    }
    case 'report.issued':
      return [
        fact('report.issued', isDay(p.issuedOn) ? p.issuedOn : received, {
          matter: text(p, 'purpose'),
          severity: text(p, 'kind'),
        }),
      ];
    case 'push.delivery.finished':
      return [
        fact('push.delivery', received, {
          matter: text(p, 'eventType'),
          severity: text(p, 'outcome'),
          value: p.timely ? 1 : 0,
        }),
      ];
    case 'repair.case.closed': {
      // The deciding department's closed case (envelope department), by its closing day.
      const day = isDay(p.closedOn) ? p.closedOn : received;
      const where = { list: text(p, 'caseKind'), matter: text(p, 'recordKind') };
      const days = typeof p.workingDays === 'number' ? p.workingDays : null;
      return [
        // Handling time: Σ working days over the cases whose days are known (outside the calendar: weight 0).
        fact('repair.closed', day, {
          ...where,
          severity: text(p, 'outcome'),
          value: days ?? 0,
          weight: days === null ? 0 : 1,
        }),
        // One per case: overdue or not, and whether it is an objection (异议占比 = Σ value / Σ weight).
        fact('repair.case', day, {
          ...where,
          seq: 1,
          severity: p.overdue ? 'OVERDUE' : 'ON_TIME',
          value: p.caseKind === 'OBJECTION' ? 1 : 0,
        }),
      ];
    }
    default:
      return [];
  }
}

/** The record kind of the repair window (docs/events.md, recordKind) a list's entry is. */
const RECORD_KIND_OF_LIST: Record<string, string> = { MAJOR_TAX_VIOLATOR: 'MAJOR_TAX_VIOLATION' };

/**
 * A department's own repair act (信用修复完成), whichever way it was asked for: an entry leaving its list, a record's
 * publicity ending, or an environmental rating leaving red/black, each with cause REPAIRED. (Disclosure announces a
 * repaired penalty twice, `disclosure.record.repaired` and `record.publication.ended`: only the latter counts here.)
 */
export function repairActFacts(event: DeliveredEvent, base: Base, received: string): FactRow[] {
  const p = (event.payload ?? {}) as Payload;
  if (p.cause !== 'REPAIRED') return [];
  const act = (day: unknown, matter: string): FactRow[] => [
    { ...base, stream: 'repair.act', seq: 2, day: isDay(day) ? day : received, matter },
  ];
  switch (event.type) {
    case 'list.entry.removed':
      return act(p.removedOn, RECORD_KIND_OF_LIST[text(p, 'list')] ?? text(p, 'list'));
    case 'record.publication.ended':
      return act(p.endedOn, text(p, 'record'));
    case 'rating.changed':
      return p.scheme === 'ENVIRONMENTAL' ? act(received, 'ENVIRONMENTAL_BLACKLIST') : [];
    default:
      return [];
  }
}

/** What ../rules.ts `factsOf` is handed for the event types it does not map itself. */
export const SOURCE_FACTS: SourceFacts = { sourceFactsOf, repairActFacts };
