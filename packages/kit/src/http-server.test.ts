import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHttpServer } from './server.ts';

describe('createHttpServer', () => {
  it('holds idle connections longer than the clients in front of it, so the client always closes first', () => {
    const server = createHttpServer(() => undefined);
    // Node's fetch drops idle sockets after 4 s, proxies after about 60 s.
    assert.ok(server.keepAliveTimeout > 60_000);
    assert.ok(server.headersTimeout > server.keepAliveTimeout);
  });
});
