import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { directRoute, graphqlHandler, isGraphqlPost, jsonBody } from './graphql-http.ts';
import { jsonErrorHandler } from './http-errors.ts';

/**
 * The lean body reader and GraphQL handler against what they replace (express.json and expressMiddleware): the same
 * request to both must get the same status, the same answer and the same JSON refusal.
 */
const LIMIT = 1024;

interface Answer {
  status: number;
  type: string | null;
  length: string | null;
  body: string;
}

function listen(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}

/** A raw HTTP request, so that Content-Length, chunking and encodings are exactly as written here. */
function send(url: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? null,
          length: res.headers['content-length'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

const echo = (reader: express.RequestHandler) => {
  const app = express();
  app.post('/echo', reader, (req, res) => void res.json({ body: req.body as unknown }));
  app.use(jsonErrorHandler(() => undefined));
  return app;
};

describe('jsonBody', () => {
  let lean: Awaited<ReturnType<typeof listen>>;
  let parser: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    lean = await listen(echo(jsonBody(LIMIT)));
    parser = await listen(echo(express.json({ limit: LIMIT })));
  });
  after(async () => {
    await lean.close();
    await parser.close();
  });

  const json = { 'content-type': 'application/json' };
  const cases: [string, Record<string, string>, Buffer | string][] = [
    ['an object', json, '{"query":"{ a }","variables":{"code":"9131"}}'],
    ['an array (a batch)', json, '[{"query":"{ a }"}]'],
    ['blanks before the object', json, ' \n\t{"a":1}'],
    ['a UTF-8 byte order mark', json, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"信用"}')])],
    ['charset utf-8 spelled out', { 'content-type': 'application/json; charset=UTF-8' }, '{"a":"信用"}'],
    ['a string, not an object', json, '"text"'],
    ['a number', json, '42'],
    ['broken JSON', json, '{"query": '],
    ['an empty body', json, ''],
    ['over the limit', json, JSON.stringify({ query: 'x'.repeat(LIMIT) })],
    ['another charset', { 'content-type': 'application/json; charset=latin1' }, '{"a":1}'],
    ['gzip', { ...json, 'content-encoding': 'gzip' }, gzipSync('{"a":1}')],
    ['chunked', { ...json, 'transfer-encoding': 'chunked' }, '{"a":1}'],
    ['another type', { 'content-type': 'text/plain' }, '{"a":1}'],
  ];
  for (const [name, headers, body] of cases) {
    it(`answers ${name} exactly as express.json does`, async () => {
      const [a, b] = [await send(lean.url, '/echo', headers, body), await send(parser.url, '/echo', headers, body)];
      assert.deepEqual(a, b);
    });
  }

  it('reads the common request itself and parses it', async () => {
    const answer = await send(lean.url, '/echo', json, '{"a":[1,2,{"b":null}]}');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { body: { a: [1, 2, { b: null }] } });
  });
});

describe('graphqlHandler', () => {
  let server: ApolloServer<{ who: string }>;
  let lean: Awaited<ReturnType<typeof listen>>;
  let reference: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    server = new ApolloServer({
      typeDefs: 'type Query { hello(name: String!): String, fails: String }',
      resolvers: {
        Query: {
          hello: (_: unknown, { name }: { name: string }, context: { who: string }) => `你好 ${name} (${context.who})`,
          fails: () => {
            throw new Error('boom');
          },
        },
      },
      includeStacktraceInErrorResponses: false,
    });
    await server.start();
    const app = (handler: express.RequestHandler) => {
      const a = express();
      a.use('/graphql', express.json(), handler);
      return a;
    };
    const context = async ({ req }: { req: express.Request }) => ({ who: req.header('x-who') ?? '?' });
    lean = await listen(app(graphqlHandler(server, context)));
    reference = await listen(app(expressMiddleware(server, { context })));
  });
  after(async () => {
    await lean.close();
    await reference.close();
    await server.stop();
  });

  const post = { 'content-type': 'application/json', 'x-who': 'gateway' };
  const cases: [string, string, Record<string, string>, string | undefined][] = [
    [
      'a query',
      '/graphql',
      post,
      JSON.stringify({ query: 'query Q($n: String!) { hello(name: $n) }', variables: { n: '甲' } }),
    ],
    ['a resolver error', '/graphql', post, JSON.stringify({ query: '{ fails }' })],
    ['a validation error', '/graphql', post, JSON.stringify({ query: '{ nothing }' })],
    ['a syntax error', '/graphql', post, JSON.stringify({ query: '{' })],
    ['missing variables', '/graphql', post, JSON.stringify({ query: 'query Q($n: String!) { hello(name: $n) }' })],
    [
      'a GET',
      `/graphql?query=${encodeURIComponent('{ hello(name: "乙") }')}`,
      { 'apollo-require-preflight': '1' },
      undefined,
    ],
    ['a GET without preflight header', `/graphql?query=${encodeURIComponent('{ hello(name: "乙") }')}`, {}, undefined],
  ];
  for (const [name, path, headers, body] of cases) {
    it(`answers ${name} as expressMiddleware does, with its length`, async () => {
      const [a, b] = [await send(lean.url, path, headers, body), await send(reference.url, path, headers, body)];
      assert.deepEqual({ ...a, length: null }, { ...b, length: null });
      assert.equal(Number(a.length), Buffer.byteLength(a.body));
    });
  }
});

describe('directRoute', () => {
  let direct: Awaited<ReturnType<typeof listen>>;
  let routed: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    const make = (bypass: boolean) => {
      const app = express();
      app.disable('x-powered-by');
      const mark: express.RequestHandler = (_req, res, next) => {
        res.setHeader('x-seen', 'yes');
        next();
      };
      const route: express.RequestHandler[] = [
        jsonBody(LIMIT),
        (req, res) => {
          const body = req.body as { fail?: string };
          if (body.fail === 'throw') throw new Error('thrown');
          if (body.fail === 'reject') return Promise.reject(new Error('rejected'));
          res.json({ ip: typeof req.ip, header: req.header('x-who') ?? null, body });
        },
      ];
      app.use(mark);
      app.post('/graphql', ...route);
      const errors = jsonErrorHandler(() => undefined);
      app.use(errors);
      const fast = directRoute(app, [mark, ...route], errors);
      const server = http.createServer((req, res) => (bypass && isGraphqlPost(req) ? fast(req, res) : app(req, res)));
      return new Promise<Awaited<ReturnType<typeof listen>>>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          resolve({
            url: `http://127.0.0.1:${port}`,
            close: () => new Promise<void>((done) => server.close(() => done())),
          });
        }),
      );
    };
    direct = await make(true);
    routed = await make(false);
  });
  after(async () => {
    await direct.close();
    await routed.close();
  });

  const json = { 'content-type': 'application/json', 'x-who': 'gateway' };
  for (const [name, body] of [
    ['an answer', '{"a":1}'],
    ['broken JSON', '{'],
    ['a thrown error', '{"fail":"throw"}'],
    ['a rejected promise', '{"fail":"reject"}'],
  ] as const) {
    it(`answers ${name} as the app's router does`, async () => {
      const [a, b] = [await send(direct.url, '/graphql', json, body), await send(routed.url, '/graphql', json, body)];
      assert.deepEqual(a, b);
    });
  }
});
