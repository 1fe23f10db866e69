import { appendAudit, badInput, clock, forbidden, toIsoDate } from '@credit-hub/kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { departmentName, queue, statistics } from '../reads.ts';
import { isPlatform, maySee, RECORD_KIND_LABELS, type RecordKind } from '../rules.ts';
import { checkCaseId, checkRecordId } from '../writes.ts';

export const Query: QueryResolvers = {
  repairProgress: async (_p, { queryCode }, { db }) => {
    const code = queryCode.trim().toUpperCase();
    if (!/^[2-9A-Z]{12}$/.test(code))
      throw badInput('queryCode', 'FORMAT', '`queryCode` is the 12-character 查询码 of a case');
    const c = await db.prisma.repairCase.findUnique({ where: { queryCode: code } });
    if (!c || c.state === 'DRAFT') return null;
    return {
      kind: c.kind as never,
      recordKind: c.recordKind as never,
      departmentName: departmentName(c.department),
      state: c.state as never,
      dueOn: c.dueOn ? toIsoDate(c.dueOn) : null,
      decisionReason: c.decidedAt ? c.decisionReason : null,
      submittedAt: c.submittedAt,
      closedAt: c.closedAt,
    };
  },
  myRepairCases: async (_p, _a, { db, identity }) => {
    if (identity.role !== 'ENTERPRISE' || !identity.subjectCode) return [];
    return db.prisma.repairCase.findMany({
      where: { subjectCode: identity.subjectCode },
      orderBy: { id: 'desc' },
      take: 200,
    });
  },
  repairCase: async (_p, { id }, { db, identity }) => {
    const c = await db.prisma.repairCase.findUnique({ where: { id: checkCaseId(id) } });
    return c && maySee(identity, c) ? c : null;
  },
  repairQueue: async (_p, { filter }, { db, identity }) => {
    // Department officers: their department's cases; the platform and supervisors: every department's.
    const department = identity.role === 'SUPERVISOR' || isPlatform(identity) ? null : identity.department;
    if (identity.role !== 'SUPERVISOR' && !department && !isPlatform(identity))
      throw forbidden('The work queue is for officers of a department, the platform and supervisors');
    return queue(db, department, filter ?? {});
  },
  repairFile: async (_p, { id }, ctx) => {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` must be a numeric file id');
    const file = await ctx.db.prisma.repairFile.findUnique({ where: { id: BigInt(id) }, include: { case: true } });
    if (!file || !maySee(ctx.identity, file.case)) return null;
    // Every download audited, with the file's hash, before the content leaves.
    await appendAudit(ctx.db, ctx.identity, { requestId: ctx.requestId, subgraph: 'repair' }, [
      {
        action: 'READ',
        subjectCode: file.case.subjectCode,
        fields: ['Query.repairFile'],
        detail: `case ${file.caseId} file ${file.id} ${file.purpose} sha256 ${file.sha256}`,
      },
    ]);
    const { content, case: _c, ...meta } = file;
    return { file: meta, contentBase64: Buffer.from(content).toString('base64') };
  },
  repairCommitmentTemplate: (_p, { kind, recordKind, recordId }, { identity }) => {
    checkRecordId(recordId, 'recordId', recordKind as RecordKind);
    const who =
      identity.role === 'ENTERPRISE' && identity.subjectCode
        ? identity.subjectCode
        : '＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿';
    const record = `${RECORD_KIND_LABELS[recordKind as RecordKind]}（记录编号 ${recordId}）`;
    const today = toIsoDate(clock.today());
    return kind === 'REPAIR'
      ? [
          '信用修复承诺书',
          '',
          `本单位（统一社会信用代码：${who}）就${record}申请信用修复，郑重承诺：`,
          '一、已履行行政处罚决定或列入决定所确定的法定义务，已纠正失信行为、消除不良影响；',
          '二、所提交的材料真实、准确、完整，如有虚假，愿承担相应法律责任，并同意将虚假承诺记入信用记录；',
          '三、修复后严格遵守法律法规，诚信经营，自觉接受监督。',
          '本承诺书将依法公示。信用修复不收取任何费用。',
          '',
          '承诺单位（盖章）：              法定代表人（签字）：',
          `日期：${today}`,
        ].join('\n')
      : [
          '异议申诉信用承诺书',
          '',
          `本单位（统一社会信用代码：${who}）对${record}提出异议，郑重承诺：`,
          '一、所述异议事实及提交的证明材料真实、准确、完整；',
          '二、如有虚假，愿承担相应法律责任，并同意将虚假承诺记入信用记录。',
          '',
          '承诺单位（盖章）：              法定代表人（签字）：',
          `日期：${today}`,
        ].join('\n');
  },
  repairStatistics: async (_p, { from, to }, { db }) => {
    if (from > to) throw badInput('to', 'ORDER', '`to` must not be before `from`');
    const s = await statistics(db, from, to);
    return { ...s, from: toIsoDate(s.from)!, to: toIsoDate(s.to)! } as never;
  },
};
