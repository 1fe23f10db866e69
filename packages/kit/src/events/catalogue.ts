/**
 * The event-type catalogue (事件目录): every domain event the hub records, with its current payload version and
 * the zod schema that validates it. `recordEvent` refuses a payload its schema rejects, so a consumer can trust
 * what it reads. A breaking payload change adds a new version (v2) beside the old one; consumers read
 * `event.version`. The catalogue is documented in docs/events.md (kept in step by hand: add the row there too).
 */
import { z } from 'zod';

/** An ISO calendar date (YYYY-MM-DD): the day in Beijing time a rule acted on. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const id = z.string().min(1).max(64);

/** The credit lists of the hub (evaluation's CreditList enum): which list an entry is on. */
export const CREDIT_LISTS = [
  'DISHONEST_DEBTOR',
  'CONSUMPTION_RESTRICTED',
  'MAJOR_TAX_VIOLATOR',
  'SERIOUS_ILLEGAL',
  'ENVIRONMENTAL_BLACKLIST',
  'ENVIRONMENTAL_WATCH',
  'ABNORMAL_OPERATION',
  'HIGH_FREQUENCY_OFFENDER',
  'A_LEVEL_TAXPAYER',
  'ENVIRONMENTAL_INTEGRITY',
] as const;
export const creditList = z.enum(CREDIT_LISTS);

/** How an entry left its list or a record its publication. */
export const ENDING_CAUSES = [
  'REMOVED', // the deciding department removed it early (移出, a decision)
  'TERM_ENDED', // its term or publicity window ran out (the time-made event)
  'WITHDRAWN', // withdrawn as wrongly made (撤销)
  'REPAIRED', // credit repair (信用修复)
  'PERFORMED', // the obligation was performed (履行完毕)
  'SUPERSEDED', // replaced by a newer rating or record
] as const;
export const endingCause = z.enum(ENDING_CAUSES);

/** Records that are published for a window (行政处罚 and kin), by the table that owns them. */
export const PUBLISHED_RECORDS = [
  'ADMINISTRATIVE_PENALTY', // 双公示 行政处罚 (disclosure)
  'ADMINISTRATIVE_LICENCE', // 双公示 行政许可 (disclosure)
  'ENVIRONMENTAL_PENALTY', // environment
  'GOVERNMENT_ARREARS', // government: 政府机构失信 (拖欠)
  'COMMITMENT_BREACH', // commitment: a broken credit commitment (未践诺), the checking department's record
] as const;
export const publishedRecord = z.enum(PUBLISHED_RECORDS);

export const listEntryAddedV1 = z.strictObject({
  list: creditList,
  entryId: id,
  listedOn: day,
  /** The last day of the term when the rule fixes one (null: until removed). */
  endsOn: day.nullable(),
  authority: z.string().max(200).nullable(),
});

export const listEntryRemovedV1 = z.strictObject({
  list: creditList,
  entryId: id,
  removedOn: day,
  cause: endingCause,
  /** The department's ground code or reason text, when a decision removed it. */
  ground: z.string().max(500).nullable(),
});

export const recordPublishedV1 = z.strictObject({
  record: publishedRecord,
  recordId: id,
  publishedOn: day,
  publicityEndsOn: day.nullable(),
  /**
   * The department's first day of 信用修复 (最短公示期届满), when its rules fix one (双公示 penalties). Optional, so
   * every v1 payload recorded before it stays valid; the repair window reads it (docs/rules/repair.md).
   */
  repairableFrom: day.nullable().optional(),
});

export const recordPublicationEndedV1 = z.strictObject({
  record: publishedRecord,
  recordId: id,
  endedOn: day,
  cause: endingCause,
});

export const ratingChangedV1 = z.strictObject({
  /** TAX_CREDIT (纳税信用级别) or ENVIRONMENTAL (企业环境信用评价). */
  scheme: z.enum(['TAX_CREDIT', 'ENVIRONMENTAL']),
  year: z.number().int(),
  level: z.string().min(1).max(20),
  /** The level before this change for that year, null when the subject had none. */
  previousLevel: z.string().max(20).nullable(),
  ratingId: id,
  /**
   * The day the rating counts from and its last day (ENVIRONMENTAL: 评价日期 and validUntil). Optional, so every v1
   * payload recorded before them stays valid; the repair window reads them to know an environmental black-list entry.
   */
  evaluatedOn: day.optional(),
  validUntil: day.optional(),
  /** Set when the level changed by an act other than a new evaluation: REPAIRED (信用修复). Absent: a (re)rating. */
  cause: endingCause.optional(),
});

const disclosureRecord = z.strictObject({
  kind: z.enum(['PENALTY', 'LICENCE']),
  recordId: id,
  /** 决定文书号. */
  decisionNumber: z.string().max(200),
  decidedOn: day,
});

export const disclosureAcceptedV1 = disclosureRecord;
export const disclosureRevisedV1 = disclosureRecord;
export const disclosureRepairedV1 = disclosureRecord.extend({ repairedOn: day });

export const evaluationGradeChangedV1 = z.strictObject({
  modelCode: z.string().max(100),
  modelVersion: z.number().int(),
  grade: z.string().max(20),
  previousGrade: z.string().max(20).nullable(),
  score: z.number().nullable(),
});

export const creditCheckRecordedV1 = z.strictObject({
  checkId: id,
  /** The department that checked (its DEPARTMENTS code). */
  checkingDepartment: z.string().max(40),
  matter: z.string().max(200),
  /** The action the check advised: e.g. INTERCEPT, RESTRICT, WARN, FAVOUR, NONE. */
  action: z.string().max(40),
  lists: z.array(creditList),
});

/** A supervisor's threshold alert on a metric was breached for a period (subgraphs/metrics, docs/metrics.md). */
export const metricsAlertFiredV1 = z.strictObject({
  ruleId: id,
  metric: z.string().max(64),
  label: z.string().max(200),
  comparator: z.enum(['BELOW', 'ABOVE']),
  threshold: z.number(),
  value: z.number(),
  periodStart: day,
  periodEnd: day,
  /** The dimension filters the rule watches ({department: ['tax']}). */
  filters: z.record(z.string(), z.array(z.string().max(64)).max(50)),
});

/**
 * measure.lift.required (push subgraph, 多端联动): the subject left a list or a record was repaired, and the department
 * named had intercepted or restricted it within the window — it is asked to lift its measure and to acknowledge.
 */
export const measureLiftRequiredV1 = z.strictObject({
  /** The request to acknowledge (Mutation.acknowledgeMeasureLift). */
  requestId: z.string().uuid(),
  /** The department asked (a DEPARTMENTS code): only its subscriptions receive the event. */
  department: z.string().max(40),
  /** What its checks advised within the window (INTERCEPT, RESTRICT). */
  actions: z.array(z.string().max(40)),
  lastCheckedAt: z.string().datetime({ offset: true }),
  cause: z.strictObject({ id: z.string().uuid(), type: z.string().max(100), occurredAt: z.string() }),
  windowDays: z.number().int().positive(),
});

/** The kinds of a subject's credit commitment (信用承诺): the commitment subgraph's CreditCommitmentKind. */
export const COMMITMENT_KINDS = ['APPROVAL_NOTIFICATION', 'DEFICIENCY_TOLERANCE', 'VOLUNTARY', 'REPAIR'] as const;

const commitment = z.strictObject({
  commitmentId: id,
  kind: z.enum(COMMITMENT_KINDS),
  /** The matter (事项) it was made for. */
  matter: z.string().max(200),
  /** The department that checks it (核查部门, a DEPARTMENTS code). */
  checkingDepartment: z.string().max(40),
  /** The case or application it belongs to (a repair application's id for 修复型), null when none. */
  reference: z.string().max(100).nullable(),
});

export const commitmentMadeV1 = commitment.extend({ madeOn: day, termEndsOn: day });
export const commitmentKeptV1 = commitment.extend({ checkedOn: day });
export const commitmentBrokenV1 = commitment.extend({
  checkedOn: day,
  /** 失信信息分级 the checking department chose (令第36号). */
  tier: z.enum(['MINOR', 'GENERAL', 'SEVERE']),
  /** The last day the breach is published; null: not published (轻微). */
  publicityEndsOn: day.nullable(),
});

/** The records the 信用修复 / 异议 window handles (subgraphs/repair), by the department that owns them. */
export const REPAIR_RECORD_KINDS = [
  'ADMINISTRATIVE_PENALTY', // 双公示 行政处罚 (disclosure, for the reporting department)
  'ABNORMAL_OPERATION', // 经营异常名录 (market)
  'SERIOUS_ILLEGAL', // 严重违法失信名单 (market)
  'MAJOR_TAX_VIOLATION', // 重大税收违法失信主体 (tax)
  'ENVIRONMENTAL_PENALTY', // 环境行政处罚 (environment; objections only)
  'DISHONEST_DEBTOR', // 失信被执行人 (court; objections only: the court's own procedure repairs)
  'ENVIRONMENTAL_BLACKLIST', // 环境信用黑名单: a red (or black) 企业环境信用评价 in force (environment)
  'COMMITMENT_BREACH', // a broken credit commitment (未践诺), the checking department's record (commitment)
] as const;
export const repairRecordKind = z.enum(REPAIR_RECORD_KINDS);

/**
 * A department approved a 信用修复 application (谁认定、谁修复). Recorded by the repair window in the same
 * transaction as the approval; the owning department consumes it and performs its own repair act in its own schema
 * (publicity ends / the entry leaves its list with cause REPAIRED), which it announces with its own events.
 */
export const repairApprovedV1 = z.strictObject({
  applicationId: id,
  /** 查询码 of the application. */
  queryCode: z.string().max(16),
  recordKind: repairRecordKind,
  recordId: id,
  approvedOn: day,
  /** The department's reason / basis of the decision. */
  basis: z.string().max(500),
  /** The day the subject applied (the department's act records it). */
  appliedOn: day,
});

/** An objection (异议) was resolved: CORRECTED by the providing department, or UPHELD with its reason. */
export const objectionResolvedV1 = z.strictObject({
  objectionId: id,
  queryCode: z.string().max(16),
  recordKind: repairRecordKind,
  recordId: id,
  outcome: z.enum(['CORRECTED', 'UPHELD']),
  resolvedOn: day,
  reason: z.string().max(500),
});

/**
 * A 信用修复 application or an 异议 was closed by a decision (准予 / 不予修复, 不予受理, 更正 / 维持). Recorded by the
 * repair window in the same transaction as the closing transition; envelope department = the deciding (providing)
 * department. `workingDays` is the handling time on the kit calendar from submission to the decision, the 补正 time
 * (RETURNED) excluded — null when a stage ran outside the calendar's years; `overdue`: decided after the due day of
 * the stage it was decided in. The source of the repair metrics (docs/metrics.md).
 */
export const repairCaseClosedV1 = z.strictObject({
  caseId: id,
  caseKind: z.enum(['REPAIR', 'OBJECTION']),
  recordKind: repairRecordKind,
  recordId: id,
  outcome: z.enum(['APPROVED', 'DENIED', 'NOT_ACCEPTED', 'CORRECTED', 'UPHELD']),
  submittedOn: day,
  closedOn: day,
  workingDays: z.number().int().min(0).nullable(),
  overdue: z.boolean(),
  extended: z.boolean(),
});

/** The types a department's state snapshot restates (docs/adr/0113-metrics-backfill-from-department-snapshots.md). */
export const SNAPSHOT_TYPES = [
  'list.entry.added',
  'list.entry.removed',
  'record.published',
  'record.publication.ended',
  'rating.changed',
  'evaluation.grade.changed',
  'disclosure.record.accepted',
  'disclosure.record.revised',
  'disclosure.record.repaired',
  'disclosure.record.quarantined',
  'disclosure.quarantine.resolved',
  'disclosure.decision.received',
  'disclosure.decision.declared',
  'credit.check.recorded',
  'report.issued',
  'push.delivery.finished',
  'business.decision.reported',
  'credit.measure.overdue',
  'inspection.sample.drawn',
  'repair.case.closed',
] as const;

/**
 * One item of a department's state snapshot: an event the department's current state implies (an entry in force
 * and when it was listed, a removal it keeps, a rating level), restated for a backfill run. Only the metrics consumer
 * reads it: it is not the change itself, so the subscribers of the inner type are not told twice. The inner payload
 * is the inner type's, checked by the consumer against the catalogue; `occurredAt` is when the original happened
 * (the department's stored time, for receipt-dated facts).
 */
export const stateSnapshotV1 = z.strictObject({
  runId: id,
  type: z.enum(SNAPSHOT_TYPES),
  occurredAt: z.string().datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------------------------
// Sources of the supervisors' metrics (docs/metrics.md, ADR 0110): what the departments' intake and services did.

const disclosureKind = z.enum(['PENALTY', 'LICENCE']);
/** The stable rule codes a quarantined row failed (docs/disclosure.md, "Validation rules"). */
const ruleCodes = z.array(z.string().min(1).max(64)).max(50);

/**
 * A 双公示 decision (kind, authority, 决定文书号) was received for the first time, valid or not (the intake's
 * first receipt of that key): the source of 上报率, 合规率 and 及时率 as docs/disclosure.md defines them.
 */
export const disclosureDecisionReceivedV1 = z.strictObject({
  kind: disclosureKind,
  authorityCode: z.string().max(18),
  decisionNumber: z.string().max(200),
  /** The decision date as received; null when the first receipt had none that parses (then no period holds it). */
  decidedOn: day.nullable(),
  /** The first receipt passed validation (合规). */
  compliant: z.boolean(),
  /** The decision was in the department's declared register (决定台账) when it was first received. */
  declared: z.boolean(),
  /** The rules the first receipt failed (empty when compliant). */
  rules: ruleCodes,
});

/** A department declared a decision in its register (应报): the denominator of 上报率. */
export const disclosureDecisionDeclaredV1 = z.strictObject({
  kind: disclosureKind,
  authorityCode: z.string().max(18),
  decisionNumber: z.string().max(200),
  decidedOn: day,
  /** The decision had already been received when it was declared (then it is already counted as due). */
  received: z.boolean(),
});

/** A received row failed validation and waits in the quarantine (隔离区) for the department's correction. */
export const disclosureRecordQuarantinedV1 = z.strictObject({
  kind: disclosureKind,
  quarantineId: id,
  authorityCode: z.string().max(18).nullable(),
  decisionNumber: z.string().max(200).nullable(),
  decidedOn: day.nullable(),
  rules: ruleCodes,
});

/** A quarantine entry left the backlog: corrected (RESUBMITTED) or its key accepted through another submission. */
export const disclosureQuarantineResolvedV1 = z.strictObject({
  kind: disclosureKind,
  quarantineId: id,
  resolution: z.enum(['RESUBMITTED', 'SUPERSEDED']),
  recordId: id.nullable(),
});

/** A department reported one of its business decisions (业务决定) and whether it had checked the subject (应查未查). */
export const businessDecisionReportedV1 = z.strictObject({
  decisionId: id,
  matter: z.string().max(200),
  reference: z.string().max(200),
  decidedOn: day,
  /** A check of the subject in the matter by the department lay within the window when the decision was reported. */
  checked: z.boolean(),
  windowDays: z.number().int().positive(),
});

/** A punitive measure a check returned got no feedback by its working-day deadline (应惩未惩): time-made. */
export const creditMeasureOverdueV1 = z.strictObject({
  checkId: id,
  checkingDepartment: z.string().max(40),
  matter: z.string().max(200),
  measureCode: z.string().max(100),
  /** INTERCEPT, RESTRICT or REMIND. */
  measureKind: z.string().max(40),
  checkedOn: day,
  deadline: day,
  /** The first working day after the deadline: the day the measure became overdue. */
  overdueOn: day,
});

/** A 双随机 inspection sample was drawn (分级分类监管): its stratum sizes and the drawn counts per supervision level. */
export const inspectionSampleDrawnV1 = z.strictObject({
  sampleId: id,
  regionCode: z.string().regex(/^\d{6}$/),
  industryCode: z.string().max(10).nullable(),
  matter: z.string().max(200),
  levels: z
    .array(
      z.strictObject({
        level: z.string().max(40),
        population: z.number().int().min(0),
        drawn: z.number().int().min(0),
      }),
    )
    .max(20),
});

/** A credit report (信用报告) was issued (subgraphs/report). */
export const reportIssuedV1 = z.strictObject({
  number: z.string().max(22),
  kind: z.enum(['PUBLIC_INFORMATION', 'SPECIAL_NO_VIOLATION']),
  purpose: z.string().max(32),
  issuedOn: day,
});

/** A webhook delivery reached its end (送达, or given up): push's delivery and sync timeliness (同步及时率). */
export const pushDeliveryFinishedV1 = z.strictObject({
  eventId: z.string().uuid(),
  eventType: z.string().max(100),
  subscriptionId: z.string().uuid(),
  /** The subscriber's department (a DEPARTMENTS code), or null for a subscription of no department. */
  subscriberDepartment: z.string().max(40).nullable(),
  outcome: z.enum(['DELIVERED', 'DEAD', 'GONE']),
  attempts: z.number().int().min(1),
  /** From the event's occurrence to the end of its delivery. */
  latencyMs: z.number().int().min(0),
  /** Delivered within the push subgraph's sync deadline (docs/push.md). */
  timely: z.boolean(),
});

/**
 * Every event type with its versions. Keys are the wire names (`type`); each version maps to its payload schema.
 * Helpers building on the backbone add their types here (e.g. `measure.lift.required`).
 */
export const EVENT_CATALOGUE = {
  'list.entry.added': { 1: listEntryAddedV1 },
  'list.entry.removed': { 1: listEntryRemovedV1 },
  'record.published': { 1: recordPublishedV1 },
  'record.publication.ended': { 1: recordPublicationEndedV1 },
  'rating.changed': { 1: ratingChangedV1 },
  'disclosure.record.accepted': { 1: disclosureAcceptedV1 },
  'disclosure.record.revised': { 1: disclosureRevisedV1 },
  'disclosure.record.repaired': { 1: disclosureRepairedV1 },
  'evaluation.grade.changed': { 1: evaluationGradeChangedV1 },
  'credit.check.recorded': { 1: creditCheckRecordedV1 },
  'measure.lift.required': { 1: measureLiftRequiredV1 },
  'metrics.alert.fired': { 1: metricsAlertFiredV1 },
  'commitment.made': { 1: commitmentMadeV1 },
  'commitment.kept': { 1: commitmentKeptV1 },
  'commitment.broken': { 1: commitmentBrokenV1 },
  'repair.approved': { 1: repairApprovedV1 },
  'objection.resolved': { 1: objectionResolvedV1 },
  'repair.case.closed': { 1: repairCaseClosedV1 },
  'state.snapshot': { 1: stateSnapshotV1 },
  'disclosure.decision.received': { 1: disclosureDecisionReceivedV1 },
  'disclosure.decision.declared': { 1: disclosureDecisionDeclaredV1 },
  'disclosure.record.quarantined': { 1: disclosureRecordQuarantinedV1 },
  'disclosure.quarantine.resolved': { 1: disclosureQuarantineResolvedV1 },
  'business.decision.reported': { 1: businessDecisionReportedV1 },
  'credit.measure.overdue': { 1: creditMeasureOverdueV1 },
  'inspection.sample.drawn': { 1: inspectionSampleDrawnV1 },
  'report.issued': { 1: reportIssuedV1 },
  'push.delivery.finished': { 1: pushDeliveryFinishedV1 },
} as const satisfies Record<string, Record<number, z.ZodType>>;

export type EventType = keyof typeof EVENT_CATALOGUE;

/**
 * Types that may be recorded without subjectCode/personKey: a metric's threshold alert, a draw over a population,
 * and intake facts about rows whose subject may not be identifiable (a quarantined row, a declared decision).
 */
export const SUBJECTLESS_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'metrics.alert.fired',
  'disclosure.decision.received',
  'disclosure.decision.declared',
  'disclosure.record.quarantined',
  'disclosure.quarantine.resolved',
  'inspection.sample.drawn',
  'push.delivery.finished',
]);
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/** The newest version of each type: what `recordEvent` writes unless told otherwise. */
export function currentVersion(type: EventType): number {
  return Math.max(...Object.keys(EVENT_CATALOGUE[type]).map(Number));
}

type Versions<T extends EventType> = (typeof EVENT_CATALOGUE)[T];
/** The payload of a type at its current version (all types are at v1 today). */
export type PayloadOf<T extends EventType> = z.infer<Versions<T>[keyof Versions<T>]>;

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, value);
}

/** The schema for a type and version, or null when the catalogue has no such pair. */
export function payloadSchema(type: string, version: number): z.ZodType | null {
  if (!isEventType(type)) return null;
  const versions = EVENT_CATALOGUE[type] as Record<number, z.ZodType>;
  return versions[version] ?? null;
}
