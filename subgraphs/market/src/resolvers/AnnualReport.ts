import type { AnnualReportResolvers } from '../__generated__/resolvers-types.ts';
import { ANNUAL_REPORT_STATUS_LABELS, annualReportDeadline, annualReportStatus } from '../rules.ts';

export const AnnualReport: AnnualReportResolvers = {
  subject: (r) => ({ code: r.subjectCode }),
  dueBy: (r) => annualReportDeadline(r.year),
  status: (r, _args, { loaders }) => annualReportStatus(r, loaders.today),
  statusLabel: (r, _args, { loaders }) => ANNUAL_REPORT_STATUS_LABELS[annualReportStatus(r, loaders.today)],
};
