import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH, SAFELIST_DIR } from './index.ts';
import { DEFAULT_LIMITS, operationCost } from './limits.ts';
import { Safelist } from './safelist.ts';

// The public site's persisted operations must stay valid as subgraphs evolve, and within the limits
// anonymous callers get: a broken one would only show as an error on the public site.
describe('safelisted operations', () => {
  const schema = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const safelist = new Safelist(SAFELIST_DIR);

  it('are loaded and addressable by hash', () => {
    assert.ok(safelist.byHash.size >= 5);
    for (const [hash, { query }] of safelist.byHash) assert.equal(Safelist.hash(query), hash);
  });

  for (const { name, query } of new Safelist(SAFELIST_DIR).byHash.values()) {
    it(`${name} validates against the supergraph and stays under the cost limit`, () => {
      const document = parse(query);
      assert.deepEqual(
        validate(schema, document).map((e) => e.message),
        [],
      );
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
      assert.ok(operation && operation.kind === 'OperationDefinition');
      const cost = operationCost(
        schema,
        operation.selectionSet,
        schema.getQueryType()!,
        {},
        { first: 100 },
        DEFAULT_LIMITS,
      );
      assert.ok(cost <= DEFAULT_LIMITS.maxCost, `${name} costs ${cost}`);
    });
  }
});
