import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode, subgraphUnavailable, z } from '@credit-hub/kit';
import { GraphQLError } from 'graphql';

/**
 * The report service reads the graph as a client of the gateway (docs/adr/0090): the published operation
 * ReportSubject, sent by its hash and run as the public, so that masking and publicity windows are exactly the public
 * site's and no other department's schema is read. The operation's text lives with the gateway's published operations
 * (gateway/operations/ReportSubject.graphql, where the safelist finds it); this service ships a copy
 * (subgraphs/report/operations/) and test/graph.test.ts checks that the two are the same text.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const REPORT_SUBJECT_DOCUMENT = readFileSync(
  path.resolve(here, '../../operations/ReportSubject.graphql'),
  'utf8',
);
/** The gateway's persisted-document hash: SHA-256 hex of the trimmed text (gateway/src/safelist.ts). */
export const REPORT_SUBJECT_HASH = createHash('sha256').update(REPORT_SUBJECT_DOCUMENT.trim()).digest('hex');

const text = z.string().nullish();
const date = z.string().nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

export const graphSubject = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  legalRepresentative: text,
  registrationStatus: text,
  establishedOn: date,
  region: z.object({ code: z.string(), fullName: z.string() }),
  industry: z.object({ name: z.string() }).nullish(),
  isALevelTaxpayer: z.boolean().nullish(),
  isEnvironmentalIntegrityEnterprise: z.boolean().nullish(),
  isOnEnvironmentalBlacklist: z.boolean().nullish(),
  isOnEnvironmentalWatchList: z.boolean().nullish(),
  isHighFrequencyOffender: z.boolean().nullish(),
  registration: z
    .object({
      entityType: text,
      legalRepresentative: text,
      registeredCapital: z.number().nullish(),
      currency: text,
      businessScope: text,
      address: text,
      registrationAuthority: text,
      statusLabel: text,
    })
    .nullish(),
  annualReports: list(z.object({ year: z.number(), filedOn: date, statusLabel: text })),
  administrativeLicences: list(
    z.object({
      documentNumber: text,
      documentName: text,
      content: text,
      decidedOn: date,
      validUntil: date,
      isLongTerm: z.boolean().nullish(),
      authorityName: text,
      sourceName: text,
    }),
  ),
  administrativePenalties: list(
    z.object({
      documentNumber: text,
      violationType: text,
      content: text,
      fineAmount: text,
      decidedOn: date,
      publicityEndsOn: date,
      authorityName: text,
      sourceName: text,
    }),
  ),
  environmentalPenalties: list(
    z.object({
      decisionNumber: text,
      violationType: text,
      fine: z.number().nullish(),
      decidedOn: date,
      authority: text,
    }),
  ),
  majorTaxViolations: list(
    z.object({
      situationLabel: text,
      mainFacts: text,
      inspectingAuthority: text,
      publishedOn: date,
      publicityEndsOn: date,
    }),
  ),
  dishonestDebtorCases: list(
    z.object({
      caseNumber: text,
      courtName: text,
      filedOn: date,
      performanceLabel: text,
      decidedOn: date,
      publishedOn: date,
    }),
  ),
  creditCommitments: list(
    z.object({
      kindLabel: text,
      matter: text,
      summary: text,
      signatory: text,
      state: text,
      stateLabel: text,
      madeOn: date,
      termEndsOn: date,
      checkedOn: date,
      publicityEndsOn: date,
      checkingDepartment: z.object({ label: text }).nullish(),
    }),
  ),
  consumptionRestrictions: list(
    z.object({ caseNumber: text, courtName: text, restrictedPerson: text, issuedOn: date }),
  ),
  seriousIllegalListings: list(
    z.object({ decisionDocument: text, groundLabel: text, listingAuthority: text, listedOn: date, expiresOn: date }),
  ),
  abnormalOperations: list(
    z.object({ kindLabel: text, reasonLabel: text, listingAuthority: text, listedOn: date, statusLabel: text }),
  ),
  environmentalRating: z.object({ year: z.number(), gradeLabel: text, authority: text, validUntil: date }).nullish(),
});
export type GraphSubject = z.infer<typeof graphSubject>;

const answer = z.object({
  data: z.object({ subject: graphSubject.nullable() }).nullish(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).nullish() })).nullish(),
});

/**
 * One subject as the public sees it, or null when the register does not hold it. A department that did not answer
 * makes the report impossible (a report that silently lacks a domain would state "no record" falsely): the error is
 * SUBGRAPH_UNAVAILABLE naming the report service, and nothing is issued.
 */
export async function readSubject(gatewayUrl: string, code: string, requestId: string): Promise<GraphSubject | null> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'accept-language': 'zh-CN' },
      body: JSON.stringify({
        operationName: 'ReportSubject',
        variables: { code },
        extensions: { persistedQuery: { version: 1, sha256Hash: REPORT_SUBJECT_HASH } },
      }),
    });
  } catch (error) {
    throw subgraphUnavailable('report', `the report service could not reach the gateway: ${(error as Error).message}`);
  }
  const body = answer.parse(await response.json());
  const errors = body.errors ?? [];
  const inputError = errors.find((e) => e.extensions?.code === ErrorCode.BAD_USER_INPUT);
  if (inputError)
    throw new GraphQLError(inputError.message, { extensions: { ...inputError.extensions, field: 'subjectCode' } });
  if (errors.length > 0)
    throw subgraphUnavailable(
      'report',
      `the graph answered with errors, so no report is issued: ${errors.map((e) => e.message).join('; ')}`,
      { causes: errors.map((e) => e.extensions?.code ?? null) },
    );
  return body.data?.subject ?? null;
}
