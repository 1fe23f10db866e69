import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH, SAFELIST_DIR } from './index.ts';
import { DEFAULT_LIMITS, operationCost } from './limits.ts';
import { persistedDocumentHash, Safelist, WEB_PERSISTED_DOCUMENTS } from './safelist.ts';

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

// One hash scheme for the hand-written operations and the web app's persisted documents (docs/web.md).
describe('persisted documents of the web app', () => {
  it('are published under the hash the client preset computed, with their operation name', () => {
    const documents = JSON.parse(readFileSync(WEB_PERSISTED_DOCUMENTS, 'utf8')) as Record<string, string>;
    const safelist = new Safelist(SAFELIST_DIR);
    assert.ok(Object.keys(documents).length >= 5);
    for (const [hash, document] of Object.entries(documents)) {
      assert.equal(persistedDocumentHash(document), hash);
      const found = safelist.lookup({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      assert.equal(found.operation?.query, document.trim());
      assert.match(found.operation?.name ?? '', /^Web[A-Z]/);
    }
  });

  it('refuse a manifest keyed by another scheme, naming the entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safelist-'));
    const manifest = path.join(dir, 'persisted-documents.json');
    const document = 'query Other { regions { code } }';
    // The same document keyed by "sha256:<hex>" (another common convention) is not this hub's scheme.
    writeFileSync(manifest, JSON.stringify({ [`sha256:${persistedDocumentHash(document)}`]: document }));
    assert.throws(
      () => new Safelist(SAFELIST_DIR, [manifest]),
      /sha256:[0-9a-f]{64} is not the persisted-document hash/,
    );
    writeFileSync(manifest, JSON.stringify({ [persistedDocumentHash(document)]: document }));
    assert.equal(new Safelist(SAFELIST_DIR, [manifest]).lookup({ query: document }).operation?.name, 'Other');
  });
});
