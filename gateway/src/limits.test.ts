import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, parse, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIMITS, limitsPlugin } from './limits.ts';

// The depth, alias and directive verdict is kept per parsed document and schema (Apollo Server hands every request of
// one text the same document): the second request of a document gets the same verdict without a second walk, and a
// new schema (a supergraph reload) is judged afresh.
const schema = buildSchema(`type Query { node(first: Int): Node } type Node { child: Node name: String }`);
const deep = parse(`{ node { child { child { child { name } } } } }`);
const shallow = parse(`{ node { name } }`);

async function run(maxDepth = 3) {
  const plugin = limitsPlugin({ ...DEFAULT_LIMITS, maxDepth });
  const hooks = (await plugin.requestDidStart!({} as never))!;
  return { hooks };
}

function callWith(hooks: any, document: ReturnType<typeof parse>, on = schema) {
  return hooks.didResolveOperation({
    document,
    schema: on,
    operation: document.definitions[0] as OperationDefinitionNode,
    request: { variables: {} },
  });
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as GraphQLError).extensions.code;
  }
};

describe('limitsPlugin', () => {
  it('refuses a document past the depth limit at every request, and passes one within it', async () => {
    const plugin = limitsPlugin({ ...DEFAULT_LIMITS, maxDepth: 3 });
    for (let i = 0; i < 3; i++) {
      const hooks = (await plugin.requestDidStart!({} as never))!;
      assert.equal(await codeOf(callWith(hooks, deep)), 'DEPTH_LIMIT_EXCEEDED');
      assert.equal(await codeOf(callWith(hooks, shallow)), null);
    }
  });

  it('judges a document again against another schema', async () => {
    const { hooks } = await run();
    assert.equal(await codeOf(callWith(hooks, deep)), 'DEPTH_LIMIT_EXCEEDED');
    const reloaded = buildSchema(`type Query { node(first: Int): Node } type Node { child: Node name: String }`);
    assert.equal(await codeOf(callWith(hooks, deep, reloaded)), 'DEPTH_LIMIT_EXCEEDED');
    const flat = buildSchema(`type Query { node: String }`);
    assert.equal(await codeOf(callWith(hooks, parse(`{ node }`), flat)), null);
  });

  it('computes the cost from the variables every time', async () => {
    const plugin = limitsPlugin({ ...DEFAULT_LIMITS, maxCost: 50 });
    const paged = parse(`query($n: Int) { node(first: $n) { name child { name } } }`);
    const call = async (n: number) => {
      const hooks = (await plugin.requestDidStart!({} as never))!;
      return codeOf(
        hooks.didResolveOperation!({
          document: paged,
          schema,
          operation: paged.definitions[0] as OperationDefinitionNode,
          request: { variables: { n } },
        } as never),
      );
    };
    assert.equal(await call(5), null);
    assert.equal(await call(40), 'COST_LIMIT_EXCEEDED');
    assert.equal(await call(5), null);
  });
  it('keeps the cost of an operation no variable decides, per schema, and refuses it at every request', async () => {
    const plugin = limitsPlugin({ ...DEFAULT_LIMITS, maxCost: 30 });
    const listSchema = buildSchema(
      `type Query { nodes: [Node] } type Node { a: String b: String c: String d: String }`,
    );
    const oneSchema = buildSchema(`type Query { nodes: Node } type Node { a: String b: String c: String d: String }`);
    // A list of ten (the default list size) of five: 1 + 10 * 4 = 41 over the list schema, 1 + 4 = 5 over the other.
    const document = parse(`{ nodes { a b c d } }`);
    const call = async (on: typeof schema) => {
      const hooks = (await plugin.requestDidStart!({} as never))!;
      return codeOf(callWith(hooks, document, on));
    };
    for (let i = 0; i < 3; i++) {
      assert.equal(await call(listSchema), 'COST_LIMIT_EXCEEDED');
      assert.equal(await call(oneSchema), null);
    }
    // A page size written into the document is refused at every request too (nothing kept for it).
    const literal = parse(`{ node(first: 500) { name } }`);
    for (let i = 0; i < 2; i++) {
      const hooks = (await plugin.requestDidStart!({} as never))!;
      assert.equal(await codeOf(callWith(hooks, literal)), 'BAD_USER_INPUT');
    }
  });
});
