import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAFELIST_DIR } from '@credit-hub/gateway';
import type { Hub } from '@credit-hub/hub';
import { prepareDatabase } from '@credit-hub/hub/prepare';
import { DEV_SECRETS, fixClock } from '@credit-hub/kit';
import { createTestDatabase, initSeed, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// Credit reports (docs/reports.md) through the whole hub: the report service reads the graph through the gateway as
// the public, with the safelist enforced as in production, on demo data for a fixed day plus rows made here.
const DAY = '2026-11-20';
let restoreClock = fixClock(DAY);

let tdb: TestDatabase;
let hub: Hub;
const q = (sql: string) => tdb.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);

// The published operations anonymous callers run (the safelist is enforced).
const operation = (name: string) => readFileSync(path.join(SAFELIST_DIR, `${name}.graphql`), 'utf8');
const PUBLIC_REPORT = operation('PublicCreditReport');
const SPECIAL_REPORT = operation('SpecialCreditReport');
const VERIFY = operation('VerifyReport');

interface Issued {
  number: string;
  subjectName: string;
  verificationCode: string;
  verificationUrl: string;
  pdfSha256: string;
  pdfBase64: string;
  dataJson: string;
}
interface Table {
  key: string;
  title: string;
  rows: string[][];
  empty: string;
}

async function ask<T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  return postGraphQL<T>(hub.gatewayUrl, query, variables, headers);
}
async function publicReport(code: string): Promise<Issued> {
  const { body } = await ask<{ publicCreditReport: Issued }>(PUBLIC_REPORT, { subjectCode: code, purpose: 'TENDER' });
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data!.publicCreditReport;
}
/** The PDF's text, page by page, as a PDF reader extracts it (pdfjs). */
async function pdfText(base64: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}
const tables = (r: Issued) => (JSON.parse(r.dataJson) as { tables: Table[] }).tables;
const table = (r: Issued, key: string) => tables(r).find((t) => t.key === key)!;

const pick = {} as {
  company: { code: string; name: string };
  penalty: { code: string; documentNumber: string; publicityEndsOn: string };
  repaired: { code: string; documentNumber: string };
};

before(async () => {
  tdb = await createTestDatabase();
  await prepareDatabase(
    tdb.url,
    { DEMO_SUBJECTS: 300, DEMO_SEED: 11, PERSON_KEY_SECRET: DEV_SECRETS.PERSON_KEY_SECRET },
    () => undefined,
  );
  hub = await startTestHub(tdb.url, tdb.db, { enforceSafelist: true });
  const [penalty] = await q(`
    SELECT p.subject_code AS code, p.document_number AS "documentNumber", p.publicity_ends_on::text AS "publicityEndsOn"
      FROM disclosure.penalty p JOIN subject.credit_subject s ON s.code = p.subject_code
     WHERE s.kind = 'ENTERPRISE' AND p.repaired_on IS NULL AND p.publicity_ends_on >= DATE '${DAY}'
       AND p.decided_on <= DATE '${DAY}'
     ORDER BY p.publicity_ends_on, p.subject_code LIMIT 1`);
  assert.ok(penalty, 'the demo data holds a published penalty');
  pick.penalty = penalty as typeof pick.penalty;
  const [company] = await q(`SELECT code, name FROM subject.credit_subject WHERE code = '${penalty!.code}'`);
  pick.company = company as typeof pick.company;
  // A penalty repaired (信用修复) inside its window: the public no longer sees it, so no report may show it.
  const [repaired] = await q(`
    SELECT p.subject_code AS code, p.document_number AS "documentNumber", p.id
      FROM disclosure.penalty p JOIN subject.credit_subject s ON s.code = p.subject_code
     WHERE s.kind = 'ENTERPRISE' AND p.repaired_on IS NULL AND p.publicity_ends_on >= DATE '${DAY}'
       AND p.decided_on <= DATE '${DAY}' AND p.subject_code <> '${penalty!.code}'
     ORDER BY p.subject_code LIMIT 1`);
  assert.ok(repaired, 'the demo data holds a second published penalty');
  await q(`UPDATE disclosure.penalty SET repaired_on = DATE '${DAY}' - 1 WHERE id = ${String(repaired!.id)}`);
  pick.repaired = { code: String(repaired!.code), documentNumber: String(repaired!.documentNumber) };
});

after(async () => {
  restoreClock();
  await hub?.close();
  await tdb?.drop();
});

describe('公共信用信息报告', () => {
  it('renders every section from known data, and the PDF says what the JSON says', async () => {
    const report = await publicReport(pick.company.code);
    assert.match(report.number, /^XY\d{6}20261120\d{6}$/);
    assert.match(report.verificationCode, /^[0-9A-HJKMNP-TV-Z]{8}$/);
    assert.equal(report.subjectName, pick.company.name);
    assert.deepEqual(
      tables(report).map((t) => t.title),
      [
        '一、基础信息',
        '年度报告',
        '二、行政许可',
        '三、行政处罚',
        '四、守信激励',
        '五、严重失信主体名单',
        '六、经营异常名录及重点关注',
        '七、信用承诺',
        '八、信用评价',
      ],
    );
    assert.ok(table(report, 'penalties').rows.some((r) => r[0] === pick.penalty.documentNumber));
    assert.equal(table(report, 'basic').rows.find((r) => r[0] === '统一社会信用代码')?.[1], pick.company.code);

    const pdf = Buffer.from(report.pdfBase64, 'base64');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(createHash('sha256').update(pdf).digest('hex'), report.pdfSha256);
    const pages = await pdfText(report.pdfBase64);
    const all = pages.join('\n');
    for (const text of [
      '公共信用信息报告',
      '报告说明',
      '一、基础信息',
      '三、行政处罚',
      '八、信用评价',
      '刑事裁判',
      pick.company.name,
      pick.penalty.documentNumber,
    ])
      assert.ok(all.includes(text), `the PDF text holds ${text}`);
    const printed = `${report.verificationCode.slice(0, 4)}-${report.verificationCode.slice(4)}`;
    pages.forEach((page, i) => {
      assert.ok(page.includes(report.number), `page ${i + 1} carries the report number`);
      assert.ok(page.includes(printed), `page ${i + 1} carries the 查验码`);
      assert.ok(
        page.includes(`第 ${i + 1} 页 / 共 ${pages.length} 页`),
        `page ${i + 1} says 第 ${i + 1} 页 / 共 ${pages.length} 页`,
      );
    });
    assert.equal(report.verificationUrl, `http://localhost:4000/verify?no=${report.number}&c=${printed}`);
  });

  it('for a subject with nothing on record states the empty sections', async () => {
    const seed = initSeed(tdb.db);
    const firm = await seed.subject({ name: '杭州无记录科技有限公司', regionCode: '330106' });
    const report = await publicReport(firm.code);
    assert.deepEqual(table(report, 'penalties').rows, []);
    assert.deepEqual(table(report, 'black').rows, []);
    const all = (await pdfText(report.pdfBase64)).join('\n');
    assert.ok(all.includes('暂无处于公示期内的行政处罚信息'));
    assert.ok(all.includes('未被列入严重失信主体名单'));
    assert.deepEqual(table(report, 'commitment').rows, []);
    assert.ok(all.includes('暂无公开的信用承诺信息'), 'a subject without commitments says so');
  });

  it('shows a broken, published commitment in 七、信用承诺 as the public site does (signatory masked)', async () => {
    const firm = await initSeed(tdb.db).subject({ name: '杭州失诺餐饮管理有限公司', regionCode: '330106' });
    const market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
    const recorded = await ask<{ recordCreditCommitment: { id: string } }>(
      `mutation ($i: CreditCommitmentInput!) { recordCreditCommitment(input: $i) { id } }`,
      {
        i: {
          subjectCode: firm.code,
          kind: 'APPROVAL_NOTIFICATION',
          matter: '食品经营许可',
          content: '本公司承诺在取得食品经营许可后三个月内补交经营场所合法使用证明，逾期未补交自愿接受撤销许可。',
          signatory: '李明华',
          checkingDepartment: 'market',
          madeOn: '2026-07-01',
          termEndsOn: '2026-10-01',
        },
      },
      market,
    );
    assert.equal(recorded.body.errors, undefined, JSON.stringify(recorded.body.errors));
    const checked = await ask<{ checkCreditCommitment: { state: string; publicityEndsOn: string } }>(
      `mutation ($i: CommitmentCheckInput!) { checkCreditCommitment(input: $i) { state publicityEndsOn } }`,
      {
        i: {
          commitmentId: recorded.body.data!.recordCreditCommitment.id,
          outcome: 'BROKEN',
          checkedOn: DAY,
          finding: '逾期未补交经营场所证明',
          tier: 'GENERAL',
        },
      },
      market,
    );
    assert.equal(checked.body.errors, undefined, JSON.stringify(checked.body.errors));
    const { state, publicityEndsOn } = checked.body.data!.checkCreditCommitment;
    assert.equal(state, 'BROKEN');

    const report = await publicReport(firm.code);
    const section = table(report, 'commitment');
    assert.equal(section.title, '七、信用承诺');
    assert.deepEqual(section.rows, [
      [
        '告知承诺',
        '食品经营许可',
        '本公司承诺在取得食品经营许可后三个月内补交经营场所合法使用证明，逾期未补交自愿接受撤销许可。',
        '李*华',
        '2026-07-01',
        '2026-10-01',
        '未践诺',
        DAY,
        publicityEndsOn,
        '市场监督管理局',
      ],
    ]);
    const data = JSON.parse(report.dataJson) as { covered: string[]; notCovered: string[] };
    assert.ok(data.covered.includes('信用承诺'));
    assert.ok(!data.notCovered.some((line) => line.startsWith('信用承诺')));
    const all = (await pdfText(report.pdfBase64)).join('\n');
    for (const text of ['七、信用承诺', '食品经营许可', '李*华', '未践诺', publicityEndsOn, '市场监督管理局'])
      assert.ok(all.includes(text), `the PDF holds ${text}`);
    assert.ok(!all.includes('李明华'), "the signatory's full name never appears");
  });

  it('masks a natural person as the public site does, and renders rare name characters (淏, 䶮)', async () => {
    const seed = initSeed(tdb.db, { personKeySecret: DEV_SECRETS.PERSON_KEY_SECRET });
    const person = await seed.person({ name: '欧阳淏䶮', regionCode: '330106', birthDate: '19860412' });
    const report = await publicReport(person.code);
    assert.notEqual(report.subjectName, '欧阳淏䶮');
    assert.match(report.subjectName, /\*/);
    const all = (await pdfText(report.pdfBase64)).join('\n');
    assert.ok(!all.includes('欧阳淏䶮'), 'the full name never appears');
    assert.ok(all.includes(report.subjectName));
    assert.ok(!all.includes(person.idNumber));

    const firm = await seed.subject({ name: '杭州淏䶮贸易有限公司', regionCode: '330106' });
    const text = (await pdfText((await publicReport(firm.code)).pdfBase64)).join('\n');
    assert.ok(text.includes('杭州淏䶮贸易有限公司'), 'the rare characters are drawn and extractable');
  });

  it('refuses a character the font lacks with REPORT_GLYPH_MISSING, issuing nothing', async () => {
    const firm = await initSeed(tdb.db).subject({ name: '杭州𠀾记商行有限公司', regionCode: '330106' });
    const before = await q(`SELECT count(*)::int AS n FROM report.issued_report WHERE subject_code = '${firm.code}'`);
    const { body } = await ask(PUBLIC_REPORT, { subjectCode: firm.code });
    assert.equal(body.errors?.[0]?.extensions?.code, 'REPORT_GLYPH_MISSING');
    assert.deepEqual(body.errors?.[0]?.extensions?.characters, ['𠀾']);
    const after = await q(`SELECT count(*)::int AS n FROM report.issued_report WHERE subject_code = '${firm.code}'`);
    assert.deepEqual(after, before);
  });

  it('shows a record inside its publicity window and not the day after; a repaired record never', async () => {
    const end = pick.penalty.publicityEndsOn;
    restoreClock();
    restoreClock = fixClock(end);
    const onLastDay = await publicReport(pick.penalty.code);
    assert.ok(table(onLastDay, 'penalties').rows.some((r) => r[0] === pick.penalty.documentNumber));
    const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    restoreClock();
    restoreClock = fixClock(next);
    const dayAfter = await publicReport(pick.penalty.code);
    assert.ok(!table(dayAfter, 'penalties').rows.some((r) => r[0] === pick.penalty.documentNumber));
    // The report issued on the last day is still genuine, and says the record has changed since.
    const { body } = await ask<{ verifyReport: { signatureValid: boolean; changedSinceIssue: boolean } }>(VERIFY, {
      number: onLastDay.number,
      code: onLastDay.verificationCode,
    });
    assert.equal(body.data?.verifyReport.signatureValid, true);
    assert.equal(body.data?.verifyReport.changedSinceIssue, true);
    restoreClock();
    restoreClock = fixClock(DAY);

    const repaired = await publicReport(pick.repaired.code);
    assert.ok(!table(repaired, 'penalties').rows.some((r) => r[0] === pick.repaired.documentNumber));
    assert.ok(!(await pdfText(repaired.pdfBase64)).join('').includes(pick.repaired.documentNumber));
  });
});

describe('verification', () => {
  it('verifies number and code, compares a PDF hash, refuses a wrong code and a tampered PDF', async () => {
    const report = await publicReport(pick.company.code);
    const good = await ask<{ verifyReport: Record<string, unknown> }>(VERIFY, {
      number: report.number,
      code: `${report.verificationCode.slice(0, 4).toLowerCase()}-${report.verificationCode.slice(4)}`,
      pdfSha256: report.pdfSha256,
    });
    assert.equal(good.body.errors, undefined, JSON.stringify(good.body.errors));
    const v = good.body.data!.verifyReport;
    assert.equal(v.signatureValid, true);
    assert.equal(v.pdfMatches, true);
    assert.equal(v.changedSinceIssue, false);
    assert.equal(v.subjectName, pick.company.name);
    assert.match(String(v.statement), /真实有效.*未发生变化/);

    const pdf = Buffer.from(report.pdfBase64, 'base64');
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Producer');
    tampered[at + 2] = tampered[at + 2]! ^ 1;
    const bad = await ask<{ verifyReport: { pdfMatches: boolean } }>(VERIFY, {
      number: report.number,
      code: report.verificationCode,
      pdfSha256: createHash('sha256').update(tampered).digest('hex'),
    });
    assert.equal(bad.body.data?.verifyReport.pdfMatches, false);

    const wrongCode = report.verificationCode.startsWith('A')
      ? `B${report.verificationCode.slice(1)}`
      : `A${report.verificationCode.slice(1)}`;
    const wrong = await ask(VERIFY, { number: report.number, code: wrongCode });
    assert.equal(wrong.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const unknown = await ask(VERIFY, { number: 'XY330106202611209999999', code: report.verificationCode });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(
      unknown.body.errors?.[0]?.message,
      wrong.body.errors?.[0]?.message.replace(report.number, 'XY330106202611209999999'),
    );
  });

  it('refuses a malformed hash, a malformed subject code and an unknown subject, naming the field', async () => {
    const report = await publicReport(pick.company.code);
    const badHash = await ask(VERIFY, {
      number: report.number,
      code: report.verificationCode,
      pdfSha256: 'not-a-hash',
    });
    assert.deepEqual(
      [
        badHash.body.errors?.[0]?.extensions?.code,
        badHash.body.errors?.[0]?.extensions?.field,
        badHash.body.errors?.[0]?.extensions?.rule,
      ],
      ['BAD_USER_INPUT', 'pdfSha256', 'FORMAT'],
    );
    const malformed = await ask(PUBLIC_REPORT, { subjectCode: '91330106MA2H0000' });
    assert.equal(malformed.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(malformed.body.errors?.[0]?.extensions?.field, 'subjectCode');
    // A well-formed USCC (check character right) that the register does not hold.
    const unknown = await ask(PUBLIC_REPORT, { subjectCode: makeUscc('91', '330106', 'MA2H0999') });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(unknown.body.errors?.[0]?.extensions?.field, 'subjectCode');
  });

  it('stores the report immutably', async () => {
    const report = await publicReport(pick.company.code);
    await assert.rejects(
      q(`UPDATE report.issued_report SET pdf_sha256 = repeat('0', 64) WHERE number = '${report.number}'`),
      /immutable/,
    );
  });
});

describe('专项信用报告', () => {
  const period = { from: '2024-01-01', to: DAY };

  it('is refused to the public, to another enterprise and to an officer without a purpose', async () => {
    const anonymous = await ask(SPECIAL_REPORT, { subjectCode: pick.company.code, purpose: 'FINANCING', ...period });
    assert.equal(anonymous.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const other = await tokenFor({ role: 'enterprise', sub: 'ent-other', uscc: pick.repaired.code });
    const stranger = await ask(
      SPECIAL_REPORT,
      { subjectCode: pick.company.code, purpose: 'FINANCING', ...period },
      bearer(other),
    );
    assert.equal(stranger.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const officer = await tokenFor({ role: 'officer', department: 'market' });
    const noPurpose = await ask(
      SPECIAL_REPORT,
      { subjectCode: pick.company.code, purpose: 'FINANCING', ...period },
      bearer(officer),
    );
    assert.equal(noPurpose.body.errors?.[0]?.extensions?.reason, 'PURPOSE_REQUIRED');
  });

  it('is issued to an officer with a stated purpose (audited), with a line per domain and the uncovered domains', async () => {
    const officer = await tokenFor({ role: 'officer', department: 'market', sub: 'officer-reports' });
    const { body } = await ask<{ specialCreditReport: Issued }>(
      SPECIAL_REPORT,
      { subjectCode: pick.company.code, purpose: 'FINANCING', ...period },
      { ...bearer(officer), 'x-purpose': encodeURIComponent('政府采购资格审查 2026-088') },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const report = body.data!.specialCreditReport;
    const data = JSON.parse(report.dataJson) as {
      domains: { domain: string; count: number; statement: string }[];
      notCovered: string[];
    };
    const penalties = data.domains.filter((d) => d.domain.startsWith('行政处罚'));
    assert.ok(penalties.some((d) => d.count > 0 && d.statement === `有 ${d.count} 条（见附表）`));
    assert.ok(data.domains.some((d) => d.statement === '报告期内无违法违规记录'));
    assert.ok(data.notCovered.some((line) => line.startsWith('刑事裁判（犯罪记录）')));
    const text = (await pdfText(report.pdfBase64)).join('\n');
    for (const t of ['专项信用报告', '报告期内无违法违规记录', '见附表', '刑事裁判', `${period.from} 至 ${period.to}`])
      assert.ok(text.includes(t), `the PDF holds ${t}`);
    const audit = await q(
      `SELECT actor, purpose, detail FROM audit.entry WHERE fields::text LIKE '%Query.specialCreditReport%' ORDER BY seq DESC LIMIT 1`,
    );
    assert.equal(audit[0]?.actor, 'officer-reports');
    assert.equal(audit[0]?.purpose, '政府采购资格审查 2026-088');
    assert.match(String(audit[0]?.detail), new RegExp(report.number));
  });

  it('has a 信用承诺 line: a broken commitment checked in the period is counted and listed in its annex', async () => {
    const market = bearer(await tokenFor({ role: 'officer', department: 'market' }));
    const own = await tokenFor({ role: 'enterprise', sub: 'ent-self', uscc: pick.company.code });
    const special = async () => {
      const { body } = await ask<{ specialCreditReport: Issued }>(
        SPECIAL_REPORT,
        { subjectCode: pick.company.code, purpose: 'FINANCING', ...period },
        bearer(own),
      );
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return JSON.parse(body.data!.specialCreditReport.dataJson) as {
        domains: { key: string; domain: string; count: number; statement: string }[];
        tables: Table[];
        notCovered: string[];
      };
    };
    const line = (data: Awaited<ReturnType<typeof special>>) =>
      data.domains.find((d) => d.key === 'special.commitment');
    const before = line(await special());
    assert.equal(before?.domain, '信用承诺（未践诺）');
    const made = await ask<{ recordCreditCommitment: { id: string } }>(
      `mutation ($i: CreditCommitmentInput!) { recordCreditCommitment(input: $i) { id } }`,
      {
        i: {
          subjectCode: pick.company.code,
          kind: 'APPROVAL_NOTIFICATION',
          matter: '专项报告测试许可事项',
          content: '本单位承诺在许可后六十日内补交消防验收合格证明。',
          checkingDepartment: 'market',
          madeOn: '2026-03-02',
          termEndsOn: '2026-05-01',
        },
      },
      market,
    );
    assert.equal(made.body.errors, undefined, JSON.stringify(made.body.errors));
    const checked = await ask(
      `mutation ($i: CommitmentCheckInput!) { checkCreditCommitment(input: $i) { state } }`,
      {
        i: {
          commitmentId: made.body.data!.recordCreditCommitment.id,
          outcome: 'BROKEN',
          checkedOn: '2026-11-02',
          finding: '逾期未补交消防验收合格证明',
          tier: 'GENERAL',
        },
      },
      market,
    );
    assert.equal(checked.body.errors, undefined, JSON.stringify(checked.body.errors));
    const data = await special();
    const after = line(data)!;
    assert.equal(after.count, before!.count + 1);
    assert.equal(after.statement, `有 ${after.count} 条（见附表）`);
    const annex = data.tables.find((t) => t.key === 'special.commitment')!;
    assert.ok(annex.rows.some((r) => r.includes('专项报告测试许可事项') && r.includes('2026-11-02')));
    assert.equal(
      data.notCovered.some((l) => l.startsWith('信用承诺：')),
      false,
    );
  });

  it('is issued to the enterprise itself, and refuses a period that ends after today', async () => {
    const own = await tokenFor({ role: 'enterprise', sub: 'ent-self', uscc: pick.company.code });
    const ok = await ask<{ specialCreditReport: Issued }>(
      SPECIAL_REPORT,
      { subjectCode: pick.company.code, purpose: 'FINANCING', ...period },
      bearer(own),
    );
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
    const late = await ask(
      SPECIAL_REPORT,
      { subjectCode: pick.company.code, purpose: 'FINANCING', from: '2026-01-01', to: '2026-12-31' },
      bearer(own),
    );
    assert.equal(late.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(late.body.errors?.[0]?.extensions?.field, 'to');
  });
});

describe('statistics', () => {
  it('counts reports by kind and purpose for the supervisors only', async () => {
    const STATS = `{ reportStatistics { kind purpose count } }`;
    const supervisor = await tokenFor({ role: 'supervisor' });
    const { body } = await ask<{ reportStatistics: { kind: string; purpose: string; count: number }[] }>(
      STATS,
      {},
      bearer(supervisor),
    );
    const counts = body.data!.reportStatistics;
    const [issued] = await q(
      `SELECT count(*)::int AS n FROM report.issued_report WHERE kind = 'PUBLIC_INFORMATION' AND purpose = 'TENDER'`,
    );
    assert.equal(counts.find((c) => c.kind === 'PUBLIC_INFORMATION' && c.purpose === 'TENDER')?.count, issued!.n);
    assert.ok(counts.some((c) => c.kind === 'SPECIAL_NO_VIOLATION' && c.purpose === 'FINANCING' && c.count >= 2));
    const officer = await tokenFor({ role: 'officer', department: 'market' });
    const refused = await ask(STATS, {}, bearer(officer));
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
