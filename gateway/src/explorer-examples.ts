/**
 * The explorer's opening tabs: one example per kind of public question, each answered anonymously with data
 * by the demo hub (e2e/readme-examples.test.ts runs every one). The first is the one shown first.
 */
export interface ExplorerExample {
  /** Short name (tests). */
  name: string;
  /** What it shows, in Chinese, as a comment at the top of the tab. */
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

export const EXPLORER_EXAMPLES: readonly ExplorerExample[] = [
  {
    name: 'profile',
    title: '主体公开信用画像（主体 + 各部门）',
    query: `query Profile($code: ID!) {
  subject(code: $code) {
    code name kindLabel legalRepresentative
    region { fullName } industry { name }
    isALevelTaxpayer isMajorTaxViolator isDishonestDebtor
    isInAbnormalOperationList publishedPenaltyCount
  }
}`,
    variables: { code: '91330781523973012C' },
  },
  {
    name: 'search',
    title: '按名称检索主体',
    query: `query Search($q: String) {
  searchSubjects(query: $q, first: 20) {
    totalCount
    nodes { code name kindLabel region { name } isALevelTaxpayer isMajorTaxViolator }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { q: '科技' },
  },
  {
    name: 'redlist',
    title: 'A级纳税人名单（红名单）',
    query: `{
  aLevelTaxpayers(year: 2024, regionCode: "330100", first: 20) {
    totalCount
    nodes { subject { code name } level authority }
  }
}`,
    variables: {},
  },
  {
    name: 'blacklist',
    title: '重大税收违法失信主体名单（黑名单）',
    query: `{
  majorTaxViolations(first: 20) {
    totalCount
    nodes { taxpayerName situationLabel mainFacts publishedOn inspectingAuthority }
  }
}`,
    variables: {},
  },
];
