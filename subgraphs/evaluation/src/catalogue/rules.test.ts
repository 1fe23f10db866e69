import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUSINESS_MATTERS, CREDIT_LISTS, LIST_INFO, MEASURE_KINDS } from './rules.ts';
import { citation, sameDefinition, validateMeasure } from './rules.ts';
import { starterCatalogue } from './writes.ts';

const valid = {
  code: 'TEST-MEASURE',
  name: '测试措施',
  kind: 'RESTRICT',
  lists: ['DISHONEST_DEBTOR'],
  matters: ['SUBSIDY'],
  content: '限制申请政府补贴资金。',
  basisTitle: '《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》',
  basisNumber: '中办发〔2016〕64号',
  basisArticle: ' ',
};
const rule = (field: string, r: string) => (e: any) => e.extensions.field === field && e.extensions.rule === r;

describe('measure definitions', () => {
  it('normalises a valid definition (code upper case, book-title marks and blank article removed)', () => {
    const m = validateMeasure({ ...valid, code: 'test-measure' });
    assert.equal(m.code, 'TEST-MEASURE');
    assert.equal(m.basisTitle, '关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见');
    assert.equal(m.basisArticle, null);
    assert.equal(citation(m), '《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）');
  });

  it('names the field and rule of each mistake', () => {
    assert.throws(() => validateMeasure({ ...valid, code: '1-BAD' }), rule('input.code', 'FORMAT'));
    assert.throws(() => validateMeasure({ ...valid, name: ' ' }), rule('input.name', 'REQUIRED'));
    assert.throws(() => validateMeasure({ ...valid, kind: 'BAN' }), rule('input.kind', 'ENUM'));
    assert.throws(() => validateMeasure({ ...valid, lists: [] }), rule('input.lists', 'REQUIRED'));
    assert.throws(
      () => validateMeasure({ ...valid, lists: ['DISHONEST_DEBTOR', 'DISHONEST_DEBTOR'] }),
      rule('input.lists[1]', 'REPEATED'),
    );
    assert.throws(() => validateMeasure({ ...valid, matters: ['LOANS'] }), rule('input.matters[0]', 'ENUM'));
    assert.throws(() => validateMeasure({ ...valid, content: 'x'.repeat(2001) }), rule('input.content', 'LENGTH'));
    assert.throws(() => validateMeasure({ ...valid, basisTitle: '' }), rule('input.basisTitle', 'REQUIRED'));
  });

  it('keeps incentives to red lists and disciplinary measures off them', () => {
    assert.throws(
      () => validateMeasure({ ...valid, kind: 'INCENTIVE', lists: ['DISHONEST_DEBTOR'] }),
      rule('input.lists[0]', 'LIST_TYPE'),
    );
    assert.throws(
      () => validateMeasure({ ...valid, lists: ['DISHONEST_DEBTOR', 'A_LEVEL_TAXPAYER'] }),
      rule('input.lists[1]', 'LIST_TYPE'),
    );
    assert.equal(validateMeasure({ ...valid, kind: 'INCENTIVE', lists: ['A_LEVEL_TAXPAYER'] }).kind, 'INCENTIVE');
  });

  it('keeps a verification status on every citation: VERIFIED needs the sources read', () => {
    assert.equal(validateMeasure(valid).basisVerification, 'TO_VERIFY', 'not verified unless said so');
    assert.throws(
      () => validateMeasure({ ...valid, basisVerification: 'VERIFIED' }),
      rule('input.basisSources', 'SOURCE_REQUIRED'),
    );
    assert.throws(
      () => validateMeasure({ ...valid, basisVerification: 'PROBABLY' }),
      rule('input.basisVerification', 'ENUM'),
    );
    const verified = validateMeasure({ ...valid, basisVerification: 'VERIFIED', basisSources: ['http://81.cn/x.htm'] });
    assert.deepEqual([verified.basisVerification, verified.basisSources], ['VERIFIED', ['http://81.cn/x.htm']]);
    assert.ok(!sameDefinition(validateMeasure(valid), verified), 'verifying a citation is a revision');
  });

  it('tells a real revision from a repeat', () => {
    const a = validateMeasure(valid);
    assert.ok(sameDefinition(a, validateMeasure({ ...valid })));
    assert.ok(!sameDefinition(a, validateMeasure({ ...valid, content: '取消政府补贴资金。' })));
  });
});

describe('starter catalogue (data/measures.json)', () => {
  const measures = starterCatalogue();

  it('is valid, with unique codes and a legal basis on every measure', () => {
    assert.ok(measures.length >= 20);
    assert.equal(new Set(measures.map((m) => m.code)).size, measures.length);
    for (const m of measures) assert.ok(m.basisTitle && (m.basisNumber || m.basisArticle), m.code);
  });

  it('covers every list, matter and kind', () => {
    for (const list of CREDIT_LISTS)
      assert.ok(
        measures.some((m) => m.lists.includes(list)),
        `no measure for ${list}`,
      );
    for (const matter of BUSINESS_MATTERS)
      assert.ok(
        measures.some((m) => m.matters.includes(matter)),
        `no measure in ${matter}`,
      );
    for (const kind of MEASURE_KINDS) assert.ok(measures.some((m) => m.kind === kind));
  });

  it('marks every citation VERIFIED with its sources, or TO_VERIFY with what is still open', () => {
    for (const m of measures) {
      assert.ok(['VERIFIED', 'TO_VERIFY'].includes(m.basisVerification), m.code);
      if (m.basisVerification === 'VERIFIED') assert.ok(m.basisSources.length > 0, `${m.code} names its sources`);
      else assert.ok(m.basisNote && m.basisNote.length > 10, `${m.code} says what remains to verify`);
    }
    assert.ok(measures.some((m) => m.basisVerification === 'VERIFIED'));
  });

  it('carries the corrected citations of the review', () => {
    const byCode = new Map(measures.map((m) => [m.code, m]));
    assert.deepEqual(
      ['DD-SUBSIDY-RESTRICT', 'DD-HONOURS-RESTRICT', 'DD-LAND-RESTRICT'].map((c) => byCode.get(c)!.basisArticle),
      ['二（二）', '二（五）', '二（六）'],
      '中办发〔2016〕64号: the measures are under 二、加强联合惩戒',
    );
    for (const c of ['TAX-BID-RESTRICT', 'TAX-SUBSIDY-RESTRICT', 'TAX-LAND-RESTRICT'])
      assert.equal(byCode.get(c)!.basisNumber, '发改财金〔2016〕2798号', c);
    assert.equal(byCode.get('A-LEVEL-INVOICE')!.basisTitle, '纳税缴费信用管理办法');
    assert.ok(measures.every((m) => !/3062号/.test(m.basisNumber ?? '') && !/^三（/.test(m.basisArticle ?? '')));
  });

  it('intercepts only where its basis bars the subject outright', () => {
    const intercepts = measures.filter((m) => m.kind === 'INTERCEPT').map((m) => m.code);
    assert.deepEqual(intercepts.sort(), ['CR-REAL-ESTATE-BAN', 'CS-HIRING-BAN', 'PROC-CREDIT-EXCLUDE']);
    for (const m of measures.filter((x) => x.kind === 'INCENTIVE'))
      assert.ok(m.lists.every((l) => LIST_INFO[l].type === 'RED'));
  });
});
