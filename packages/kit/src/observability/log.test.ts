import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { observeRequests } from './http.ts';
import { captureLogs, logger, scrubPersonalData, serviceLogger } from './log.ts';
import { createServiceMetrics } from './metrics.ts';

describe('structured logs', () => {
  it('masks names, ID numbers (18 and 15 digits) and mobile numbers in a line', () => {
    const line = scrubPersonalData(
      '{"msg":"duplicate key: (王建国, 33010619850214217X) also 330106850214217 and 13812345678; code 91330106MA2K00017"}',
    );
    assert.ok(!line.includes('王建国'));
    assert.ok(!line.includes('33010619850214217X'));
    assert.ok(!line.includes('330106850214217'));
    assert.ok(!line.includes('13812345678'));
    // A unified social credit code is no person's: letters in it keep it from looking like an ID number.
    assert.ok(line.includes('91330106MA2K00017'));
  });

  it('masks each kind alone too, and leaves a line without any untouched', () => {
    assert.equal(scrubPersonalData('{"n":"李"}'), '{"n":"[masked]"}');
    assert.equal(scrubPersonalData('{"m":"13812345678"}'), '{"m":"[masked-phone]"}');
    assert.equal(scrubPersonalData('{"i":"330106850214217"}'), '{"i":"[masked-id]"}');
    assert.equal(scrubPersonalData('{"e":"𠀀"}'), '{"e":"[masked]"}');
    // Ten digits are neither a mobile nor an ID number.
    const plain = '{"level":"info","requestId":"4f1c2a9e-1234-4abc-9def-1234567890ab","route":"/graphql","ms":3}';
    assert.equal(scrubPersonalData(plain), plain);
  });

  it("writes a request's access line with its id and service, and a service line without a request id", async () => {
    const app = express();
    app.use(observeRequests('tax', createServiceMetrics('tax')));
    app.get('/graphql', (_req, res) => void res.json({ ok: true }));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const capture = captureLogs();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const answer = await fetch(url, { headers: { 'x-request-id': 'req-1' } });
      assert.equal(answer.headers.get('x-request-id'), 'req-1');
      await answer.text();
      // The access line is written once the answer has left.
      for (let i = 0; i < 50 && capture.lines.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
      serviceLogger('gateway').warn('outside a request');
    } finally {
      capture.stop();
      await new Promise((resolve) => server.close(resolve));
    }
    const [inside, outside] = capture.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(inside!.requestId, 'req-1');
    assert.equal(inside!.service, 'tax');
    assert.equal(inside!.level, 'info');
    assert.equal(inside!.msg, 'request answered');
    assert.equal(inside!.route, '/graphql');
    assert.equal(outside!.requestId, undefined);
    assert.equal(outside!.service, 'gateway');
  });

  it('logs an error by type, code, message and stack only, scrubbed', () => {
    const capture = captureLogs();
    try {
      const error = Object.assign(new Error('value 李秀英 refused'), {
        code: 'P2002',
        meta: { target: ['name'], value: '李秀英' },
      });
      logger.error({ err: error }, 'write failed');
    } finally {
      capture.stop();
    }
    const entry = JSON.parse(capture.lines[0]!) as { err: Record<string, unknown> };
    assert.equal(entry.err.code, 'P2002');
    assert.equal(entry.err.meta, undefined);
    assert.ok(!capture.lines[0]!.includes('李秀英'));
  });
});
