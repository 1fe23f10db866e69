import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { checkArgumentText } from './argument-text.ts';
import { DEFAULT_SUPERGRAPH_PATH } from './index.ts';

const schema = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();

function check(query: string, variables?: Record<string, unknown>, on: GraphQLSchema = schema) {
  const document = parse(query);
  return checkArgumentText(on, document, getOperationAST(document)!, variables)?.extensions ?? null;
}

describe('checkArgumentText', () => {
  it('lets ordinary, Chinese and emoji text through, inline and in variables', () => {
    assert.equal(check(`{ searchSubjects(query: "华创 🍜") { totalCount } }`), null);
    assert.equal(
      check(`query($q: String, $r: String) { searchSubjects(query: $q, regionCode: $r) { totalCount } }`, {
        q: '杭州\n西湖',
        r: '330106',
      }),
      null,
    );
  });

  it('refuses a NUL in an inline literal, naming the argument', () => {
    const found = check(`{ searchSubjects(query: "a\\u0000b") { totalCount } }`);
    assert.equal(found?.code, 'BAD_USER_INPUT');
    assert.equal(found?.field, 'query');
    assert.equal(found?.rule, 'NUL_CHARACTER');
    assert.equal(found?.position, 1);
    assert.equal(found?.argument, 'Query.searchSubjects(query:)');
    assert.equal(found?.variable, undefined);
    assert.deepEqual(found?.http, { status: 400 });
  });

  it('refuses a lone surrogate in a variable, naming the argument it feeds and the variable', () => {
    const found = check(`query($code: ID!) { subject(code: $code) { name } }`, { code: '9133\uD800' });
    assert.equal(found?.field, 'code');
    assert.equal(found?.rule, 'UNPAIRED_SURROGATE');
    assert.equal(found?.argument, 'Query.subject(code:)');
    assert.equal(found?.variable, '$code');
  });

  it('looks inside input objects and lists, inline and in variables, at any depth', () => {
    const mutation = `mutation($i: TaxCreditRatingInput!) { recordTaxCreditRating(input: $i) { level } }`;
    const input = { subjectCode: '91330106MA2K00014X', year: 2024, level: 'A', evaluatedOn: '2025-04-20' };
    const inVariable = check(mutation, { i: { ...input, authority: '国家税务总局\u0000' } });
    assert.equal(inVariable?.field, 'input.authority');
    assert.equal(inVariable?.variable, '$i.authority');
    assert.equal(inVariable?.argument, 'Mutation.recordTaxCreditRating(input:)');

    const decisions = `mutation($d: [BusinessDecisionInput!]!) { reportBusinessDecisions(decisions: $d) { received } }`;
    const decision = { subject: '91330106MA2K00014X', matter: 'LICENSING', decidedOn: '2025-04-20' };
    const listed = check(decisions, {
      d: [
        { ...decision, reference: 'ok' },
        { ...decision, reference: '\uDC00' },
      ],
    });
    assert.equal(listed?.field, 'decisions[1].reference');
    assert.equal(listed?.variable, '$d[1].reference');

    const inline = check(
      `mutation { reportBusinessDecisions(decisions: [{ subject: "91330106MA2K00014X", matter: LICENSING,
        decidedOn: "2025-04-20", reference: "ok" }, { subject: "a\\u0000", matter: LICENSING,
        decidedOn: "2025-04-20", reference: "ok" }]) { received } }`,
    );
    assert.equal(inline?.field, 'decisions[1].subject');
    assert.equal(inline?.argument, 'Mutation.reportBusinessDecisions(decisions:)');

    // A variable used inside an inline object names the position it fills.
    const nested = check(
      `mutation($s: ID!) { reportBusinessDecisions(decisions: [{ subject: $s, matter: LICENSING,
        decidedOn: "2025-04-20", reference: "ok" }]) { received } }`,
      { s: '\u0000' },
    );
    assert.equal(nested?.field, 'decisions[0].subject');
    assert.equal(nested?.variable, '$s');
  });

  it('checks arguments inside fragments and nested fields, and directive arguments', () => {
    const fragment = check(
      `query($c: ID!) { subject(code: $c) { ...F } } fragment F on CreditSubject { taxCreditRatings { year } majorTaxViolations { id } }`,
      { c: 'x' },
    );
    assert.equal(fragment, null);
    const nestedArg = check(
      `query($c: ID!, $r: String) { subject(code: $c) { ...F } } fragment F on CreditSubject {
        creditCheck(matter: LICENSING, reference: $r) { __typename } }`,
      { c: '91330106MA2K00014X', r: '（2025）\u0000' },
    );
    assert.equal(nestedArg?.field, 'reference');
    assert.equal(nestedArg?.argument, 'CreditSubject.creditCheck(reference:)');
    const tagged = buildSchema(`directive @tag(name: String) on FIELD
      type Query { hello(to: [String]): String }`);
    const directive = check(`{ hello(to: ["a"]) @tag(name: "x\\u0000") }`, undefined, tagged);
    assert.equal(directive?.argument, '@tag(name:)');
    assert.equal(directive?.field, 'name');
    const list = check(`{ hello(to: ["a", "b\\u0000"]) }`, undefined, tagged);
    assert.equal(list?.field, 'to[1]');
    assert.equal(list?.argument, 'Query.hello(to:)');
  });

  it('also refuses a variable no argument uses, and one with a bad key', () => {
    const unused = check(`{ regions { code } }`, { stray: 'a\u0000' });
    assert.equal(unused?.field, '$stray');
    assert.equal(unused?.argument, undefined);
    const key = check(`query($i: TaxCreditRatingInput!) { __typename }`, { i: { 'year\u0000': 1 } });
    assert.equal(key?.field, '$i.year\u0000');
  });
});
