import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Supergraph } from '@apollo/federation-internals';
import { writeNationalFile } from '@credit-hub/datagen';
import { DEFAULT_SUPERGRAPH_PATH, SAFELIST_DIR } from '@credit-hub/gateway';
import { Safelist } from '@credit-hub/gateway/safelist';
import { ErrorCode, SUBGRAPHS } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, type TestDatabase } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '@credit-hub/subgraph-disclosure/authorities';
import { getOperationAST, parse, type OperationDefinitionNode } from 'graphql';
import { operationCases, rootFieldAccess, rootFieldCases, UNSTORABLE_SAMPLES } from './support/hostile-input.ts';
import type { Hub } from '@credit-hub/hub';
import { bearer, startTestHub, tokenFor } from './support/hub.ts';

// Hostile input against the real gateway over HTTP, in production and in development mode: for every
// route a table of malformed requests. Each must be refused with a JSON body in GraphQL's error shape and
// a stable code — no 5xx, no HTML, no stack trace or file path, no database error logged — and the hub
// must still answer afterwards. The string cases are generated from the published operations and the
// supergraph, so a new operation or argument is covered without adding a case here.

type Mode = 'production' | 'development';

interface Answer {
  status: number;
  type: string;
  text: string;
  head?: boolean;
}

interface Target {
  mode: Mode;
  hub: Hub;
  origin: string;
  graphql: string;
  port: number;
  /** Headers that reach ad-hoc documents: none in development, an officer's token in production. */
  adHoc: Record<string, string>;
  officer: Record<string, string>;
  /** Tokens by role or department, for calling each field as someone allowed to. */
  callers: Record<string, Record<string, string>>;
}

interface Expect {
  /** Not necessarily a refusal: an answer, whose errors (if any) are the caller's, never an internal failure. */
  answer?: boolean;
  status?: number;
  code?: string;
  /** The refusal's `field` (argument path) and further extensions. */
  extensions?: Record<string, unknown>;
}

interface Case {
  name: string;
  send(t: Target): Promise<Answer>;
  expect?: Expect | ((mode: Mode) => Expect);
  only?: Mode;
}

const STABLE_CODES = new Set<string>(Object.values(ErrorCode));
const INTERNAL_FAILURES = new Set<string>([
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.AUDIT_UNAVAILABLE,
  ErrorCode.SUBGRAPH_UNAVAILABLE,
]);
// What must never reach a caller: stack traces, file paths, library internals, SQL, database errors.
const LEAKS = [
  /stacktrace/i,
  /node_modules/,
  /\/(work|home|root|usr|opt|srv|app|tmp|var)\/[\w.@-]+\//,
  /\.(ts|js|mjs|cjs):\d+/,
  /\bat [\w$.<>]+ \(/,
  /prisma/i,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /invalid byte sequence|22021|22P05/,
];

async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
    head: init.method === 'HEAD',
  };
}

/** Bytes straight onto a socket, for requests fetch will not send; reads the first response. */
function raw(port: number, bytes: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const finish = () => {
      const text = received.toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const type = /\r\ncontent-type: ([^\r]+)/i.exec(head)?.[1] ?? '';
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? -1);
      const body = rest.join('\r\n\r\n');
      resolve({ status, type, text: length >= 0 ? Buffer.from(body).subarray(0, length).toString() : body });
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('utf8');
      const length = /\r\ncontent-length: (\d+)/i.exec(text);
      const headEnd = text.indexOf('\r\n\r\n');
      if (length && headEnd >= 0 && received.length >= headEnd + 4 + Number(length[1])) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('error', (error) => (received.length ? finish() : reject(error)));
    socket.setTimeout(10_000, () => {
      socket.destroy();
      finish();
    });
    socket.write(bytes);
  });
}

const json = { 'content-type': 'application/json' };
const preflight = { 'apollo-require-preflight': '1' };
const post = (t: Target, body: unknown, headers: Record<string, string> = {}) =>
  request(t.graphql, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body),
  });
const get = (t: Target, params: Record<string, unknown>, headers: Record<string, string> = preflight) => {
  const url = new URL(t.graphql);
  for (const [name, value] of Object.entries(params))
    url.searchParams.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  return request(url.toString(), { headers });
};
const adHoc = (t: Target, query: string, variables: Record<string, unknown> = {}, headers = {}) =>
  post(t, { query, variables }, { ...t.adHoc, ...headers });
const upload = (t: Target, pathAndQuery: string, headers: Record<string, string>, body: string | Buffer = 'x') =>
  request(`${t.origin}${pathAndQuery}`, { method: 'POST', headers, body: body as string });

const anonymousInProduction = (code: string, status: number) => (mode: Mode) =>
  mode === 'production' ? { status: 403, code: ErrorCode.PERSISTED_QUERY_REQUIRED } : { status, code };

const schema = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const published = readdirSync(SAFELIST_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .map((file) => {
    const query = readFileSync(path.join(SAFELIST_DIR, file), 'utf8').trim();
    return { name: path.basename(file, '.graphql'), query, operation: getOperationAST(parse(query))! };
  });
const SEARCH = published.find((p) => p.name === 'SearchSubjects')!;
const byHash = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: Safelist.hash(query) } });

/** A published operation as the public site sends it: by hash in production, as text in development. */
const publishedRequest = (t: Target, query: string, variables: Record<string, unknown>) =>
  t.mode === 'production' ? { variables, extensions: byHash(query) } : { query, variables };

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

// ---- The table ----------------------------------------------------------------------------------------

const bodyCases: Case[] = [
  ...(
    [
      ['truncated JSON', '{"query":'],
      ['trailing garbage', '{"query":"{ regions { code } }"} x'],
      ['single quotes', "{'query': '{ regions { code } }'}"],
      ['trailing comma', '{"query":"{ regions { code } }",}'],
      ['JSON null', 'null'],
      ['JSON string', '"{ regions { code } }"'],
      ['JSON number', '123'],
      ['JSON true', 'true'],
      ['a raw NUL byte', '\u0000'],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ] as const
  ).map(([name, body]): Case => ({
    name: `POST /graphql: ${name}`,
    send: (t) => post(t, body),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  })),
  ...(
    [
      ['an empty array', '[]'],
      ['a batch', [{ query: '{ regions { code } }' }, { query: '{ regions { name } }' }]],
      ['50,000 nested arrays', '['.repeat(50_000) + ']'.repeat(50_000)],
    ] as const
  ).map(([name, body]): Case => ({
    name: `POST /graphql: ${name} (batching off)`,
    send: (t) => post(t, body),
    expect: { status: 400, code: ErrorCode.BATCHING_DISABLED },
  })),
  ...(
    [
      ['an empty object', {}],
      ['query a number', { query: 5 }],
      ['query an object', { query: { a: 1 } }],
      ['query a list', { query: ['{ regions { code } }'] }],
      ['variables a string', { query: '{ regions { code } }', variables: '{}' }],
      ['variables a list', { query: '{ regions { code } }', variables: [1] }],
      ['variables a number', { query: '{ regions { code } }', variables: 7 }],
      ['extensions a string', { query: '{ regions { code } }', extensions: 'x' }],
      ['extensions a list', { query: '{ regions { code } }', extensions: [] }],
      ['operationName a number', { query: '{ regions { code } }', operationName: 5 }],
      ['operationName an object', { query: '{ regions { code } }', operationName: {} }],
    ] as const
  ).map(([name, body]): Case => ({
    name: `POST /graphql: ${name}`,
    send: (t) => post(t, body),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  })),
  ...(
    [
      ['no query', { variables: {} }],
      ['an empty query', { query: '' }],
      ['query null', { query: null }],
      ['only a documentId', { documentId: `sha256:${Safelist.hash(SEARCH.query)}` }],
    ] as const
  ).map(([name, body]): Case => ({
    name: `POST /graphql: ${name}`,
    send: (t) => post(t, body),
    expect: anonymousInProduction(ErrorCode.BAD_REQUEST, 400),
  })),
  ...(
    [
      ['an unknown hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }],
      [
        'an unknown hash beside a document',
        { query: '{ regions { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      ],
      ['persistedQuery a string', { query: '{ regions { code } }', extensions: { persistedQuery: 'yes' } }],
      ['sha256Hash a number', { extensions: { persistedQuery: { version: 1, sha256Hash: 5 } } }],
    ] as const
  ).map(([name, body]): Case => ({
    name: `POST /graphql: ${name}`,
    send: (t) => post(t, body),
    expect: { status: 400, code: ErrorCode.PERSISTED_QUERY_NOT_FOUND },
  })),
];

const transportCases: Case[] = [
  ...[
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/xml',
    'text/json',
    'application/json-patch+json',
  ].map((type): Case => ({
    name: `POST /graphql as ${type}`,
    send: (t) => post(t, JSON.stringify({ query: '{ regions { code } }' }), { 'content-type': type }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  })),
  {
    name: 'POST /graphql without a content type',
    send: (t) =>
      request(t.graphql, { method: 'POST', body: new TextEncoder().encode('{"query":"{ regions { code } }"}') }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  },
  {
    name: 'POST /graphql with an empty body',
    send: (t) => post(t, ''),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  },
  ...['latin1', 'utf-16', 'gbk', 'x-unknown'].map((charset): Case => ({
    name: `POST /graphql in charset ${charset}`,
    send: (t) =>
      post(t, '{"query":"{ regions { code } }"}', { 'content-type': `application/json; charset=${charset}` }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  })),
  ...['gzip', 'deflate', 'br'].map((encoding): Case => ({
    name: `POST /graphql claiming Content-Encoding ${encoding} for plain bytes`,
    send: (t) => post(t, '{"query":"{ regions { code } }"}', { 'content-encoding': encoding }),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  })),
  ...['zstd', 'gzip, gzip', 'compress'].map((encoding): Case => ({
    name: `POST /graphql in Content-Encoding ${encoding}`,
    send: (t) => post(t, '{"query":"{ regions { code } }"}', { 'content-encoding': encoding }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  })),
  {
    name: 'POST /graphql: a gzip bomb (10 MB of JSON in 10 KB)',
    send: (t) =>
      post(t, gzipSync(Buffer.from(`{"query":"{ regions { code } }","x":"${' '.repeat(10_000_000)}"}`)), {
        'content-encoding': 'gzip',
      }),
    expect: { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE },
  },
  {
    name: 'POST /graphql: a body over 100 KiB',
    send: (t) => post(t, { query: `{ regions { code } } # ${'x'.repeat(110_000)}` }),
    expect: { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, extensions: { limit: 102400 } },
  },
  ...['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'].map((method): Case => ({
    name: `${method} /graphql`,
    send: (t) => request(t.graphql, { method, headers: json, body: method === 'HEAD' ? undefined : '{}' }),
    expect: { status: 405, code: ErrorCode.METHOD_NOT_ALLOWED },
  })),
  ...['text/html', 'image/png', 'application/json;q=0, text/html'].map((accept): Case => ({
    name: `POST /graphql accepting only ${accept}`,
    send: (t) => post(t, { query: '{ regions { code } }' }, { accept }),
    expect: { status: 406, code: ErrorCode.NOT_ACCEPTABLE },
  })),
  {
    name: 'GET /graphql without parameters',
    send: (t) => get(t, {}),
    expect: anonymousInProduction(ErrorCode.BAD_REQUEST, 400),
  },
  {
    name: 'GET /graphql with the query twice',
    send: requestTwice,
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  },
  {
    name: 'GET /graphql with variables that are not JSON',
    send: (t) => get(t, { query: SEARCH.query, variables: '{"query":' }),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  },
  {
    name: 'GET /graphql with extensions that are not JSON',
    send: (t) => get(t, { query: SEARCH.query, extensions: '[[' }),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  },
  {
    name: 'GET /graphql without a preflight header (cross-site request forgery)',
    send: (t) => get(t, { query: SEARCH.query }, {}),
    expect: { status: 400, code: ErrorCode.BAD_REQUEST },
  },
  {
    name: 'GET /graphql with a text/plain content type',
    send: (t) => get(t, { query: SEARCH.query }, { ...preflight, 'content-type': 'text/plain' }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  },
  {
    name: 'GET /graphql running a mutation',
    send: (t) => get(t, { query: 'mutation { __typename }' }),
    expect: anonymousInProduction(ErrorCode.BAD_REQUEST, 405),
  },
  {
    name: 'GET /graphql with 2,500 tokens in the URL',
    send: (t) => get(t, { query: `{ regions { ${'code '.repeat(2500)} } }` }),
    expect: anonymousInProduction(ErrorCode.TOKEN_LIMIT_EXCEEDED, 400),
  },
  {
    name: 'GET /graphql with a 20 KB URL',
    send: (t) => get(t, { query: `{ regions { code } } #${'x'.repeat(20_000)}` }),
    expect: { status: 431, code: ErrorCode.HEADERS_TOO_LARGE },
  },
];

function requestTwice(t: Target) {
  const url = new URL(t.graphql);
  url.searchParams.append('query', SEARCH.query);
  url.searchParams.append('query', '{ regions { code } }');
  return request(url.toString(), { headers: preflight });
}

const deep = (levels: number) =>
  `{ majorTaxViolations { nodes { ${'subject { majorTaxViolations { '.repeat(levels)}id${' } }'.repeat(levels)} } } }`;

const documentCases: Case[] = [
  ...(
    [
      ['a depth bomb', deep(6), ErrorCode.DEPTH_LIMIT_EXCEEDED, 400],
      [
        'an alias bomb',
        `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`,
        ErrorCode.ALIAS_LIMIT_EXCEEDED,
        400,
      ],
      [
        '1,000 aliases',
        `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
        ErrorCode.TOKEN_LIMIT_EXCEEDED,
        400,
      ],
      // graphql-js meters the field-merging check, which is quadratic in repeated fields.
      [
        'a wide document (1,900 fields)',
        `{ regions { ${'code '.repeat(1900)} } }`,
        ErrorCode.GRAPHQL_VALIDATION_FAILED,
        400,
      ],
      [
        'a directive flood',
        `{ regions { ${'code @include(if: true) '.repeat(12)} } }`,
        ErrorCode.DIRECTIVE_LIMIT_EXCEEDED,
        400,
      ],
      [
        'a costly document',
        `{ searchSubjects(first: 100) { nodes { code name region { name fullName } industry { name }
          majorTaxViolations { id taxpayerName mainFacts subject { code name } } } } }`,
        ErrorCode.COST_LIMIT_EXCEEDED,
        400,
      ],
      [
        'a fragment cycle',
        `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
        ErrorCode.GRAPHQL_VALIDATION_FAILED,
        400,
      ],
      ['an unknown field', `{ regions { code password } }`, ErrorCode.GRAPHQL_VALIDATION_FAILED, 400],
      ['@defer', `{ regions { ... @defer { code } } }`, ErrorCode.GRAPHQL_VALIDATION_FAILED, 400],
      ['an unterminated string', `{ searchSubjects(query: "abc) { totalCount } }`, ErrorCode.GRAPHQL_PARSE_FAILED, 400],
      ['an unclosed selection', `{ regions { code `, ErrorCode.GRAPHQL_PARSE_FAILED, 400],
      ['only a comment', `# nothing here`, ErrorCode.GRAPHQL_PARSE_FAILED, 400],
      ['a raw NUL in the document', `{ regions { code } }\u0000`, ErrorCode.GRAPHQL_PARSE_FAILED, 400],
      [
        'a raw lone surrogate in a string',
        `{ searchSubjects(query: "\uD800") { totalCount } }`,
        ErrorCode.GRAPHQL_PARSE_FAILED,
        400,
      ],
      [
        'an escaped lone surrogate',
        `{ searchSubjects(query: "\\uD800") { totalCount } }`,
        ErrorCode.GRAPHQL_PARSE_FAILED,
        400,
      ],
      [
        'an Int beyond 32 bits',
        `{ searchSubjects(first: 99999999999) { totalCount } }`,
        ErrorCode.GRAPHQL_VALIDATION_FAILED,
        400,
      ],
      ['an unknown operationName', null, ErrorCode.OPERATION_RESOLUTION_FAILURE, 400],
      [
        'two operations and no name',
        `query A { regions { code } } query B { regions { name } }`,
        ErrorCode.OPERATION_RESOLUTION_FAILURE,
        400,
      ],
      ['a subscription', `subscription { regions { code } }`, ErrorCode.OPERATION_NOT_SUPPORTED, 400],
      ['only a fragment', `fragment F on Region { code }`, ErrorCode.GRAPHQL_VALIDATION_FAILED, 400],
    ] as const
  ).map(([name, query, code, status]): Case => ({
    name: `document: ${name}`,
    send: (t) =>
      query === null
        ? post(t, { query: 'query A { regions { code } }', operationName: 'B' }, t.adHoc)
        : adHoc(t, query),
    expect: code === null ? { status } : { status, code },
  })),
  {
    name: 'document: introspection in production',
    only: 'production',
    send: (t) => adHoc(t, '{ __schema { types { name } } }'),
    expect: { status: 400, code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
  },
  {
    name: 'document: an anonymous write',
    only: 'development',
    send: (t) =>
      adHoc(
        t,
        `mutation { removeMajorTaxViolation(id: "1", input: { ground: DECISION_REVOKED, reason: "匿名尝试" }) { id } }`,
      ),
    expect: { status: 200, code: ErrorCode.FORBIDDEN },
  },
  {
    name: 'document: an anonymous ad-hoc query in production',
    only: 'production',
    send: (t) => post(t, { query: '{ regions { code } }' }),
    expect: { status: 403, code: ErrorCode.PERSISTED_QUERY_REQUIRED },
  },
];

const VARS =
  'query($first: Int, $q: String, $kind: SubjectKind) { searchSubjects(query: $q, first: $first, kind: $kind) { totalCount } }';
const variableCases: Case[] = [
  ...(
    [
      ['first a string', { first: 'ten' }, 400],
      ['first a fraction', { first: 1.5 }, 400],
      ['first beyond 32 bits', { first: 2_147_483_648 }, 400],
      ['first over the page limit', { first: 101 }, 400],
      ['first negative', { first: -1 }, 200],
      ['first zero', { first: 0 }, 200],
      ['q an object', { q: { a: 1 } }, 400],
      ['q a list', { q: ['a'] }, 400],
      ['an unknown enum value', { kind: 'ROBOT' }, 400],
      [
        'an object with 5,000 keys for a string',
        { q: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) },
        400,
      ],
    ] as const
  ).map(([name, variables, status]): Case => ({
    name: `variables: ${name}`,
    send: (t) => adHoc(t, VARS, variables),
    expect: { status, code: ErrorCode.BAD_USER_INPUT },
  })),
  {
    name: 'variables: a required one missing',
    send: (t) => adHoc(t, 'query($c: ID!) { subject(code: $c) { name } }', {}),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT },
  },
  {
    name: 'variables: null for a required one',
    send: (t) => adHoc(t, 'query($c: ID!) { subject(code: $c) { name } }', { c: null }),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT },
  },
  {
    name: 'variables: an undeclared one nested 30,000 deep with a NUL at the bottom',
    // Written out by hand: JSON.stringify itself overflows the stack at this depth.
    send: (t) =>
      post(
        t,
        `{"query":${JSON.stringify(VARS)},"variables":{"stray":${'['.repeat(30_000)}"x\\u0000"${']'.repeat(30_000)}}}`,
        t.adHoc,
      ),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT, extensions: { rule: 'NUL_CHARACTER' } },
  },
];

/** Forged cursors on every published list that pages with `after`. */
const cursorCases: Case[] = published
  .filter((p) => p.operation.variableDefinitions?.some((d) => d.variable.name.value === 'after'))
  .flatMap(({ name, query }) =>
    (
      [
        ['not base64', '!!!'],
        ['base64 of nothing useful', Buffer.from('hello').toString('base64url')],
        ['a number', cursor(42)],
        ['an object', cursor({ offset: -1 })],
        ['a NUL in the key', cursor('91330106\u0000')],
        ['a lone surrogate in the key', Buffer.from('"\\ud800"').toString('base64url')],
        ['an impossible date', cursor(['2025-13-45', '1'])],
        ['an id beyond 64 bits', cursor(['2025-01-01', '9'.repeat(30)])],
        ['20 KB long', 'A'.repeat(20_000)],
      ] as const
    ).map(([label, after]): Case => ({
      name: `cursor on ${name}: ${label}`,
      send: (t) => post(t, publishedRequest(t, query, { year: 2024, first: 5, after })),
      expect: { code: ErrorCode.BAD_USER_INPUT, extensions: { field: 'after', rule: 'CURSOR' } },
    })),
  );

const headerCases: Case[] = [
  ...(
    [
      ['x-purpose not URL-encoded UTF-8', { 'x-purpose': '%E0%A4%A' }, 400, ErrorCode.BAD_USER_INPUT],
      [
        'x-purpose of 201 characters',
        { 'x-purpose': encodeURIComponent('查'.repeat(201)) },
        400,
        ErrorCode.BAD_USER_INPUT,
      ],
      ['x-request-id with a space', { 'x-request-id': 'a b' }, 400, ErrorCode.BAD_USER_INPUT],
      ['x-request-id of 200 characters', { 'x-request-id': 'r'.repeat(200) }, 400, ErrorCode.BAD_USER_INPUT],
      ['Basic authorization', { authorization: 'Basic dXNlcjpwYXNz' }, 401, ErrorCode.UNAUTHENTICATED],
      ['an empty bearer token', { authorization: 'Bearer ' }, 401, ErrorCode.UNAUTHENTICATED],
      ['a malformed bearer token', { authorization: 'Bearer a.b.c' }, 401, ErrorCode.UNAUTHENTICATED],
      [
        'a token with alg none',
        { authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.` },
        401,
        ErrorCode.UNAUTHENTICATED,
      ],
      ['a malformed API key', { 'x-api-key': 'letmein' }, 401, ErrorCode.UNAUTHENTICATED],
      [
        'an unknown API key',
        { authorization: `ApiKey chk_AAAAAAAAAAAA_${'x'.repeat(43)}` },
        401,
        ErrorCode.UNAUTHENTICATED,
      ],
    ] as const
  ).map(([name, headers, status, code]): Case => ({
    name: `header: ${name}`,
    send: (t) => post(t, publishedRequest(t, SEARCH.query, { query: '安信' }), headers),
    expect: { status, code },
  })),
];

const routeCases: Case[] = [
  ...[
    '/nope',
    '/graphql/x',
    '/.env',
    '/%00',
    '/%E0%A4%A',
    '/..%2f..%2fpackage.json',
    '/operations/manifest.json/x',
    '/imports',
    `/${'a'.repeat(5000)}`,
    '/index.html/x',
  ].map((route): Case => ({
    name: `GET ${route.slice(0, 40)}`,
    send: (t) => request(`${t.origin}${route}`),
    expect: { status: 404, code: ErrorCode.ROUTE_NOT_FOUND },
  })),
  ...['/explorer/assets/..%2f..%2fpackage.json', '/explorer/assets/%2e%2e/auth.ts', '/auth/nope'].map(
    (route): Case => ({
      name: `GET ${route}`,
      send: (t) => request(`${t.origin}${route}`),
      expect: { status: 404, code: ErrorCode.ROUTE_NOT_FOUND },
    }),
  ),
  {
    name: 'GET /auth/dev in production (no development sign-in)',
    only: 'production',
    send: (t) => request(`${t.origin}/auth/dev`),
    expect: { status: 404, code: ErrorCode.ROUTE_NOT_FOUND },
  },
  {
    name: 'GET /auth/callback with no sign-in configured',
    send: (t) => request(`${t.origin}/auth/callback?code=x&state=y`),
    expect: { status: 404, code: ErrorCode.ROUTE_NOT_FOUND },
  },
  {
    name: 'GET /explorer/schema.json anonymously in production',
    only: 'production',
    send: (t) => request(`${t.origin}/explorer/schema.json`),
    expect: { status: 401, code: ErrorCode.UNAUTHENTICATED },
  },
  {
    name: 'POST /graphql with a forged session cookie',
    send: (t) =>
      request(t.graphql, {
        method: 'POST',
        headers: { ...json, cookie: `${t.mode === 'production' ? '__Host-' : ''}credit-hub-session=forged` },
        body: '{"query":"{ __typename }"}',
      }),
    expect: { status: 401, code: ErrorCode.UNAUTHENTICATED },
  },
  // GET / is the public site in production too (issue 14; e2e/web/site.test.ts); any other path stays a JSON 404.
  {
    name: 'GET /admin (not a page of the site)',
    send: (t) => request(`${t.origin}/admin`, { headers: { accept: 'text/html' } }),
    expect: { status: 404, code: ErrorCode.ROUTE_NOT_FOUND },
  },
  ...(
    [
      ['POST', '/health'],
      ['DELETE', '/health'],
      ['PUT', '/operations/manifest.json'],
      ['GET', '/imports/disclosure'],
      ['PUT', '/imports/disclosure'],
      ['POST', '/auth/me'],
      ['GET', '/auth/logout'],
      ['POST', '/auth/login'],
      ['POST', '/auth/altcha/challenge'],
      ['DELETE', '/explorer'],
    ] as const
  ).map(([method, route]): Case => ({
    name: `${method} ${route}`,
    send: (t) => request(`${t.origin}${route}`, { method }),
    expect: { status: 405, code: ErrorCode.METHOD_NOT_ALLOWED },
  })),
  {
    name: 'GET /health with a malformed x-request-id',
    send: (t) => request(`${t.origin}/health`, { headers: { 'x-request-id': '\t' } }),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT },
  },
  // A subgraph is reached only by the gateway, but answers refusals the same way.
  ...(
    [
      ['bad JSON', 'POST', '/graphql', '{"query":', 400, ErrorCode.BAD_REQUEST],
      ['an unknown route', 'GET', '/nope', undefined, 404, ErrorCode.ROUTE_NOT_FOUND],
      [
        'a call without the signed identity',
        'POST',
        '/graphql',
        '{"query":"{ regions { code } }"}',
        401,
        ErrorCode.UNAUTHENTICATED,
      ],
    ] as const
  ).map(([name, method, route, body, status, code]): Case => ({
    name: `subject subgraph: ${name}`,
    send: (t) =>
      request(new URL(route, t.hub.subgraphs.subject.service.url).toString(), { method, headers: json, body }),
    expect: { status, code },
  })),
  // The development query page and its files.
  ...(
    [
      ['POST /index.html', 'POST', '/index.html', {}],
      ['GET /index.html with an unsatisfiable range', 'GET', '/index.html', { range: 'bytes=999999-' }],
      ['GET /index.html%00', 'GET', '/index.html%00', {}],
      ['GET /%2e%2e/package.json', 'GET', '/%2e%2e/package.json', {}],
      ['GET /.gitignore', 'GET', '/.gitignore', {}],
    ] as const
  ).map(([name, method, route, headers]): Case => ({
    name: `site: ${name}`,
    send: (t) => request(`${t.origin}${route}`, { method, headers }),
  })),
];

const uploadCases: Case[] = [
  {
    name: 'upload: anonymous',
    send: (t) => upload(t, '/imports/disclosure?kind=CF', { 'content-type': 'text/csv' }),
    expect: { status: 401, code: ErrorCode.UNAUTHENTICATED },
  },
  {
    name: 'upload: a forged token',
    send: (t) => upload(t, '/imports/disclosure', { 'content-type': 'text/csv', authorization: 'Bearer x.y.z' }),
    expect: { status: 401, code: ErrorCode.UNAUTHENTICATED },
  },
  ...['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'].map(
    (type): Case => ({
      name: `upload: as ${type}`,
      send: (t) => upload(t, '/imports/disclosure', { 'content-type': type, ...t.officer }),
      expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
    }),
  ),
  {
    name: 'upload: without a content type',
    send: (t) =>
      request(`${t.origin}/imports/disclosure`, { method: 'POST', headers: t.officer, body: new Uint8Array([1]) }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  },
  {
    name: 'upload: a GBK file',
    send: (t) => upload(t, '/imports/disclosure', { 'content-type': 'text/csv; charset=gbk', ...t.officer }),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  },
  {
    name: 'upload: a gzip-compressed file',
    send: (t) =>
      upload(
        t,
        '/imports/disclosure',
        { 'content-type': 'text/csv', 'content-encoding': 'gzip', ...t.officer },
        gzipSync('CF_XDR_MC\n甲\n'),
      ),
    expect: { status: 415, code: ErrorCode.UNSUPPORTED_MEDIA_TYPE },
  },
  {
    name: 'upload: a NUL in the file name',
    send: (t) =>
      upload(t, '/imports/disclosure?kind=CF&fileName=a%00.csv', { 'content-type': 'text/csv', ...t.officer }),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT, extensions: { field: 'fileName', rule: 'NUL_CHARACTER' } },
  },
  {
    name: 'upload: an unknown kind',
    send: (t) => upload(t, '/imports/disclosure?kind=ZZ', { 'content-type': 'text/csv', ...t.officer }),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT, extensions: { field: 'kind' } },
  },
  {
    name: 'upload: for another department',
    send: (t) => upload(t, '/imports/disclosure?department=tax', { 'content-type': 'text/csv', ...t.officer }),
    expect: { status: 403, code: ErrorCode.FORBIDDEN },
  },
  {
    name: 'upload: over the size limit',
    send: (t) =>
      upload(t, '/imports/disclosure?kind=CF', { 'content-type': 'text/csv', ...t.officer }, 'x'.repeat(100_000)),
    expect: { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE },
  },
  {
    name: 'upload: a file that is not the national format',
    send: (t) => upload(t, '/imports/disclosure?kind=CF', { 'content-type': 'text/csv', ...t.officer }, 'a,b\n1,2\n'),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT },
  },
  {
    name: 'upload: JSON that does not parse',
    send: (t) =>
      upload(t, '/imports/disclosure?kind=CF', { 'content-type': 'application/json', ...t.officer }, '{"rows": ['),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT },
  },
];

const rawCases: Case[] = (
  [
    ['not HTTP at all', 'GARBAGE\r\n\r\n', 400],
    ['a header without a colon', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400],
    ['a NUL in a header', 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n', 400],
    ['headers over 16 KB', `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    [
      'both Content-Length and Transfer-Encoding (request smuggling)',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
    ],
    ['a Content-Length that is not a number', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400],
    ['TRACE /graphql', 'TRACE /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
    [
      'a body shorter than its Content-Length claims, then another request',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"query":"{ regions { code } }"}',
      400,
    ],
  ] as const
).map(([name, bytes, status]): Case => ({
  name: `raw HTTP: ${name}`,
  send: (t) => raw(t.port, bytes),
  expect: { status },
}));

/** Unstorable strings in every string slot of every published operation, by every transport. */
function publishedTextCases(): Case[] {
  const cases: Case[] = [];
  for (const { name, query, operation } of published) {
    for (const [label, text] of Object.entries(UNSTORABLE_SAMPLES)) {
      for (const c of operationCases(schema, operation as OperationDefinitionNode, text)) {
        const expect = { status: 400, code: ErrorCode.BAD_USER_INPUT, extensions: { field: c.field } };
        const title = `${name} ${c.slot}: ${label}`;
        cases.push(
          { name: `${title} (POST)`, send: (t) => post(t, publishedRequest(t, query, c.variables)), expect },
          {
            name: `${title} (GET)`,
            send: (t) =>
              get(
                t,
                t.mode === 'production'
                  ? { variables: c.variables, extensions: byHash(query) }
                  : { query, variables: c.variables },
              ),
            expect,
          },
        );
        if (c.inlineQuery && text.includes('\u0000'))
          cases.push({
            name: `${title} (inline literal)`,
            send: (t) => adHoc(t, c.inlineQuery!),
            expect: { ...expect, extensions: { field: c.field, rule: 'NUL_CHARACTER' } },
          });
      }
    }
  }
  return cases;
}

/** Unstorable strings in every string slot of every argument of every query and mutation. */
function schemaTextCases(): Case[] {
  return [...rootFieldCases(schema, 'a\u0000', true), ...rootFieldCases(schema, '\uDBFF', false)].map((c): Case => ({
    name: `schema: ${c.name}${c.variables.v !== undefined && JSON.stringify(c.variables).includes('\\udbff') ? ' (lone surrogate)' : ''}`,
    send: (t) => adHoc(t, c.query, c.variables),
    expect: { status: 400, code: ErrorCode.BAD_USER_INPUT, extensions: { field: c.field, argument: c.coordinate } },
  }));
}

/**
 * Text far longer than any column holds, in every string slot of every query and mutation, sent by a
 * caller allowed to call the field (so it reaches the resolvers): answered or refused as the caller's
 * mistake, never an internal failure (a `character varying(n)` overflow, an audit entry that cannot be
 * written).
 */
function overlongTextCases(): Case[] {
  const access = rootFieldAccess(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));
  const callerFor = (coordinate: string, t: Target) => {
    const field = coordinate.slice(0, coordinate.indexOf('('));
    const { graph, level } = access.get(field) ?? { graph: 'subject', level: 'PUBLIC' };
    const owner = SUBGRAPHS.find((s) => s.name === graph)?.department ?? 'platform';
    const isMutation = field.startsWith('Mutation.');
    if (level === 'ADMIN') return t.callers.admin!;
    if (level === 'DEPARTMENT' && isMutation) return t.callers[owner]!;
    if (level === 'SHARED' && isMutation) return t.callers.market!;
    return t.callers.supervisor!;
  };
  return rootFieldCases(schema, 'x'.repeat(5_000), false).map((c): Case => ({
    name: `overlong: ${c.name}`,
    only: 'development',
    send: (t) =>
      adHoc(t, c.query, c.variables, {
        ...callerFor(c.coordinate, t),
        'x-purpose': encodeURIComponent('恶意输入测试'),
      }),
    expect: { answer: true },
  }));
}

// ---- The run ------------------------------------------------------------------------------------------

function assertRefused(answer: Answer, c: Case, mode: Mode) {
  const label = `${mode}: ${c.name} → ${answer.status} ${answer.text.slice(0, 300)}`;
  assert.ok(answer.status >= 200 && answer.status < 500, label);
  assert.match(answer.type, /^application\/(graphql-response\+)?json/, label);
  for (const leak of LEAKS) assert.doesNotMatch(answer.text, leak, label);
  const expect = typeof c.expect === 'function' ? c.expect(mode) : (c.expect ?? {});
  if (expect.status !== undefined) assert.equal(answer.status, expect.status, label);
  if (answer.head) return;
  const body = JSON.parse(answer.text) as {
    data?: Record<string, unknown> | null;
    errors?: { message: unknown; extensions?: Record<string, unknown> }[];
  };
  if (expect.answer) {
    for (const error of body.errors ?? []) {
      assert.ok(STABLE_CODES.has(String(error.extensions?.code)), `unstable code in ${label}`);
      assert.ok(!INTERNAL_FAILURES.has(String(error.extensions?.code)), `internal failure in ${label}`);
    }
    return;
  }
  if (expect.status === 200 && !expect.code) return; // an answer, not a refusal: checked for leaks above
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0, label);
  for (const error of body.errors) {
    assert.equal(typeof error.message, 'string', label);
    assert.ok(STABLE_CODES.has(String(error.extensions?.code)), `unstable code in ${label}`);
  }
  assert.ok(body.data == null || Object.values(body.data).every((v) => v === null), `data leaked in ${label}`);
  if (expect.code) assert.equal(body.errors[0]!.extensions?.code, expect.code, label);
  for (const [key, value] of Object.entries(expect.extensions ?? {}))
    assert.deepEqual(body.errors[0]!.extensions?.[key], value, `${key} in ${label}`);
}

let tdb: TestDatabase;
const company = makeUscc('91', '330106', 'MA2H0001');

before(async () => {
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.create({
    data: { code: company, name: '杭州安信网络科技有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
  });
});
after(async () => tdb.drop());

for (const mode of ['production', 'development'] as const) {
  describe(`hostile input, ${mode} mode`, () => {
    let t: Target;
    const logged: unknown[][] = [];
    const originalError = console.error;
    before(async () => {
      const hub = await startTestHub(tdb.url, tdb.db, {
        production: mode === 'production',
        uploadLimitBytes: 64 * 1024,
      });
      const officer = bearer(await tokenFor({ role: 'officer', department: 'market', sub: 'officer-market-9' }));
      const callers: Target['callers'] = {
        supervisor: bearer(await tokenFor({ role: 'supervisor', sub: 'supervisor-9' })),
        admin: bearer(await tokenFor({ role: 'admin', sub: 'admin-9' })),
      };
      for (const { department } of SUBGRAPHS)
        callers[department] ??= bearer(await tokenFor({ role: 'officer', department, sub: `officer-${department}-9` }));
      t = {
        mode,
        hub,
        origin: new URL(hub.gatewayUrl).origin,
        graphql: hub.gatewayUrl,
        port: Number(new URL(hub.gatewayUrl).port),
        adHoc: mode === 'production' ? officer : {},
        officer,
        callers,
      };
      console.error = (...args: unknown[]) => void logged.push(args);
    });
    after(async () => {
      console.error = originalError;
      await t.hub.close();
    });

    const tables: [string, Case[]][] = [
      ['bodies', bodyCases],
      ['transport', transportCases],
      ['documents', documentCases],
      ['variables', variableCases],
      ['cursors', cursorCases],
      ['headers', headerCases],
      ['routes and site files', routeCases],
      ['upload', uploadCases],
      ['raw HTTP', rawCases],
      ['unstorable text in published operations', publishedTextCases()],
      ['unstorable text in every argument of the schema', schemaTextCases()],
      ['overlong text in every argument of the schema, by callers allowed to call it', overlongTextCases()],
    ];
    let total = 0;
    for (const [table, cases] of tables) {
      it(`refuses ${table} with a JSON error and a stable code`, async () => {
        const run = cases.filter((c) => !c.only || c.only === mode);
        if (table.startsWith('unstorable')) t.hub.resetStatements();
        for (const c of run) assertRefused(await c.send(t), c, mode);
        total += run.length;
        console.log(`# ${mode}, ${table}: ${run.length} cases`);
        if (table.startsWith('unstorable'))
          assert.deepEqual(
            Object.entries(t.hub.statements()).filter(([, n]) => n > 0),
            [],
            'refused before any subgraph ran a statement',
          );
      });
    }

    it('quarantines the rows of an uploaded file holding a NUL, naming the column; the other rows are stored', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'credit-hub-hostile-'));
      try {
        const market = AUTHORITIES.filter((a) => a.department === 'market');
        const file = await writeNationalFile(path.join(dir, 'nul.csv'), 'CSV', {
          kind: 'CF',
          rows: 4,
          authorities: market,
          foreignAuthority: AUTHORITIES.find((a) => a.department !== 'market')!,
          invalidShare: 0,
          seed: mode === 'production' ? 12 : 13,
        });
        const [header, ...rows] = (await readFile(file.path, 'utf8')).trimEnd().split('\n');
        const column = header!.split(',').indexOf('CF_WSH');
        let documentNumber = '';
        const poisoned = rows.map((row, i) => {
          if (i !== 1) return row;
          const cells = row.split(',');
          documentNumber = cells[column]!;
          cells[column] = `${documentNumber}\u0000`;
          return cells.join(',');
        });
        const answer = await upload(
          t,
          `/imports/disclosure?kind=CF&progress=ndjson&fileName=${mode}.csv`,
          { 'content-type': 'text/csv', ...t.officer },
          [header, ...poisoned].join('\n'),
        );
        assert.equal(answer.status, 202, answer.text);
        const done = JSON.parse(answer.text.trimEnd().split('\n').at(-1)!);
        assert.equal(done.event, 'done', answer.text);
        assert.deepEqual([done.job.received, done.job.accepted, done.job.quarantined], [4, 3, 1]);
        const held = await tdb.db.prisma.$queryRaw<{ reasons: { field: string; rule: string }[] }[]>`
          SELECT reasons FROM disclosure.quarantine WHERE original->>'CF_WSH' = ${`${documentNumber}\uFFFD`}`;
        assert.deepEqual(
          held.map((q) => q.reasons.map((r) => [r.field, r.rule])),
          [[['CF_WSH', 'NUL_CHARACTER']]],
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('is still healthy afterwards, answers the public site, and logged no internal error', async () => {
      console.log(`# hostile cases run in ${mode} mode: ${total}`);
      const health = await request(`${t.origin}/health`);
      assert.equal(health.status, 200);
      const answer = await post(t, publishedRequest(t, SEARCH.query, { query: '安信', first: 5 }));
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(
        (JSON.parse(answer.text) as any).data.searchSubjects.nodes.map((n: { code: string }) => n.code),
        [company],
      );
      assert.deepEqual(
        logged.map((args) => args.map(String).join(' ').slice(0, 300)),
        [],
        'nothing was logged as an internal error',
      );
    });
  });
}
