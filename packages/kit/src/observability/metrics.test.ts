import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import express from 'express';
import { createServiceMetrics, mountMetrics, reportEventBacklog, type MetricsRouteOptions } from './metrics.ts';

const servers: import('node:http').Server[] = [];
after(() => servers.forEach((s) => s.close()));

async function serve(options: MetricsRouteOptions) {
  const app = express();
  const metrics = createServiceMetrics('probe');
  mountMetrics(app, metrics, options);
  app.use((_req, res) => void res.status(404).json({ errors: [{ message: 'not found' }] }));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, metrics };
}

describe('/metrics', () => {
  it('is open outside production and answers the Prometheus text format', async () => {
    const { url, metrics } = await serve({ production: false });
    metrics.httpRequest('/graphql', 200, 0.01);
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    assert.match(text, /credit_hub_http_requests_total\{route="\/graphql",status="200",service="probe"\} 1/);
    assert.match(text, /credit_hub_process_resident_memory_bytes \d+/);
  });

  it('is not served in production without METRICS_TOKEN', async () => {
    const { url } = await serve({ production: true });
    assert.equal((await fetch(url)).status, 404);
  });

  it('asks for the bearer token when one is set', async () => {
    const { url } = await serve({ production: true, token: 'scrape-token-0123456789' });
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
    const ok = await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
    assert.equal(ok.status, 200);
  });

  it('shows the event backlog its sources report, and stops when a source is removed', async () => {
    const { url } = await serve({ production: false });
    let backlog = 7;
    const remove = reportEventBacklog({ service: 'probe', stream: 'subject-changes', read: () => backlog });
    assert.match(
      await (await fetch(url)).text(),
      /credit_hub_event_backlog\{service="probe",stream="subject-changes"\} 7/,
    );
    backlog = 2;
    assert.match(
      await (await fetch(url)).text(),
      /credit_hub_event_backlog\{service="probe",stream="subject-changes"\} 2/,
    );
    remove();
    assert.doesNotMatch(await (await fetch(url)).text(), /stream="subject-changes"/);
  });

  it('bounds the operation names it counts', () => {
    const metrics = createServiceMetrics('names');
    assert.equal(metrics.operationLabel(undefined), '(anonymous)');
    assert.equal(metrics.operationLabel('not a name; DROP'), '(other)');
    for (let i = 0; i < 200; i += 1) assert.equal(metrics.operationLabel(`Op${i}`), `Op${i}`);
    assert.equal(metrics.operationLabel('OneTooMany'), '(other)');
    assert.equal(metrics.operationLabel('Op7'), 'Op7');
  });
});
