/**
 * `npm run evaluate -- --region 3301 [--gateway http://127.0.0.1:4000/graphql] [--api-key KEY | --token JWT]`
 *
 * Refreshes the stored evaluations of a region (the population of 双随机 draws) through the graph: pages
 * through searchSubjects(regionCode) at the gateway asking each subject's creditEvaluation — the evaluation
 * subgraph computes it from the departments' facts and stores it when its inputs changed — then records the
 * run (recordEvaluationRefresh) so that draws can say how many registered subjects have no evaluation.
 * Identity: a platform system's API key with scopes READ and WRITE (CREDIT_HUB_API_KEY), or a platform
 * officer's token (CREDIT_HUB_TOKEN; `npm run token -- --role officer --department platform`).
 *
 * At the end it prints the grade distribution of the region by subject kind, with the tax level behind each grade
 * and how many evaluations a 过惩相当 group changed: the figures of docs/evaluation.md are measured with it.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    region: { type: 'string' },
    gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    'api-key': { type: 'string' },
    token: { type: 'string' },
    'page-size': { type: 'string', default: '50' },
  },
});
if (!values.region || !/^\d{2}(\d{2}){0,2}$/.test(values.region)) {
  console.error(
    'usage: npm run evaluate -- --region 3301 (2, 4 or 6 digits) [--gateway URL] [--api-key KEY | --token JWT]',
  );
  process.exit(2);
}
const regionCode = values.region.padEnd(6, '0');
const apiKey = values['api-key'] ?? process.env.CREDIT_HUB_API_KEY;
const token = values.token ?? process.env.CREDIT_HUB_TOKEN;
if (!apiKey && !token) {
  console.error('needs a platform identity: --api-key (or CREDIT_HUB_API_KEY) or --token (or CREDIT_HUB_TOKEN)');
  process.exit(2);
}
const headers: Record<string, string> = {
  'content-type': 'application/json',
  ...(apiKey ? { 'x-api-key': apiKey } : { authorization: `Bearer ${token}` }),
};

async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(values.gateway!, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (!body.data) throw new Error(`gateway refused: ${JSON.stringify(body.errors)}`);
  for (const e of body.errors ?? []) console.warn(`  ${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  return body.data;
}

const PAGE = `query($region: String!, $first: Int!, $after: String) {
  searchSubjects(regionCode: $region, first: $first, after: $after) {
    totalCount nodes { code kind creditEvaluation { grade explanation { input value groupNote } } }
    pageInfo { hasNextPage endCursor } } }`;
interface Evaluated {
  grade: string;
  explanation: { input: string; value: string | null; groupNote: string | null }[];
}
type Page = {
  searchSubjects: {
    totalCount: number;
    nodes: { code: string; kind: string; creditEvaluation: Evaluated | null }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

let after: string | null = null;
let registered = 0;
let evaluated = 0;
let seen = 0;
const started = Date.now();
/** kind → grade → subjects; grade → tax level → subjects; subjects whose points a 过惩相当 group changed. */
const byKind = new Map<string, Map<string, number>>();
const taxByGrade = new Map<string, Map<string, number>>();
let grouped = 0;
const bump = (map: Map<string, Map<string, number>>, a: string, b: string) => {
  const inner = map.get(a) ?? new Map<string, number>();
  inner.set(b, (inner.get(b) ?? 0) + 1);
  map.set(a, inner);
};
do {
  const data: Page = await call<Page>(PAGE, { region: regionCode, first: Number(values['page-size']), after });
  registered = data.searchSubjects.totalCount;
  seen += data.searchSubjects.nodes.length;
  evaluated += data.searchSubjects.nodes.filter((n) => n.creditEvaluation).length;
  for (const n of data.searchSubjects.nodes) {
    const e = n.creditEvaluation;
    if (!e) continue;
    bump(byKind, n.kind, e.grade);
    const tax = e.explanation.find((i) => i.input === 'taxCreditLevel');
    if (tax) bump(taxByGrade, e.grade, tax.value ?? 'none');
    if (e.explanation.some((i) => i.groupNote)) grouped++;
  }
  after = data.searchSubjects.pageInfo.hasNextPage ? data.searchSubjects.pageInfo.endCursor : null;
  process.stdout.write(`\r${seen}/${registered} subjects, ${evaluated} evaluated`);
} while (after);
await call(
  `mutation($r: String!, $n: Int!, $e: Int!) { recordEvaluationRefresh(regionCode: $r, registeredSubjects: $n, evaluatedSubjects: $e) { id } }`,
  { r: regionCode, n: registered, e: evaluated },
);
console.log(
  `\nregion ${regionCode}: ${evaluated} of ${registered} subjects evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// The distribution, as docs/evaluation.md reports it: shares per kind, then what lies behind each grade.
const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
const share = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
console.log(`\n| kind | subjects | ${GRADES.join(' | ')} |`);
for (const [kind, grades] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const total = [...grades.values()].reduce((a, b) => a + b, 0);
  console.log(`| ${kind} | ${total} | ${GRADES.map((g) => share(grades.get(g) ?? 0, total)).join(' | ')} |`);
}
for (const grade of GRADES) {
  const levels = [...(taxByGrade.get(grade) ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1));
  console.log(`${grade}: tax level ${levels.map(([level, n]) => `${level} ${n}`).join(', ') || '–'}`);
}
console.log(`过惩相当 groups changed the points of ${grouped} evaluations`);
