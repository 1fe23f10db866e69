import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { trace } from '@opentelemetry/api';
import { startTracing, tracingEnabled } from './tracing.ts';

describe('tracing', () => {
  it('is off without an exporter or endpoint: nothing is registered', async () => {
    assert.equal(await startTracing({ serviceName: 'probe' }), null);
    assert.equal(tracingEnabled(), false);
    const span = trace.getTracer('probe').startSpan('noop');
    assert.equal(span.isRecording(), false);
    span.end();
  });

  it('sends spans to the configured OTLP/HTTP endpoint (a collector on loopback here)', async () => {
    const received: { path: string; type: string | undefined; bytes: number }[] = [];
    const collector = http.createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: req.headers['content-type'], bytes });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    const tracing = await startTracing({ serviceName: 'probe', otlpEndpoint: `http://127.0.0.1:${port}` });
    try {
      assert.equal(tracingEnabled(), true);
      trace.getTracer('probe').startSpan('work').end();
    } finally {
      // Shutting down flushes the batch.
      await tracing!.shutdown();
      collector.close();
    }
    assert.equal(received.length, 1);
    assert.equal(received[0]!.path, '/v1/traces');
    assert.ok(received[0]!.bytes > 0);
  });
});
