import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small round-robin HTTP load balancer on loopback, standing for the Service or ingress in front of replicas
 * (tests of several replicas on one machine). Like a real one it takes a backend that refuses connections out of
 * rotation and sends the request to the next (nothing was sent yet, so that is safe for any method); a request
 * whose backend dies while answering gets 502, as behind a real balancer — the client decides whether to retry.
 */
export interface Balancer {
  url: string;
  /** Requests each backend answered, in backend order. */
  served: number[];
  close(): Promise<void>;
}

export async function startBalancer(backends: string[]): Promise<Balancer> {
  const targets = backends.map((b) => new URL(b));
  const served = targets.map(() => 0);
  const downUntil = targets.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let next = 0;

  const forward = (
    index: number,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
    tried: number,
  ): void => {
    const target = targets[index]!;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
        agent,
      },
      (answer) => {
        served[index]! += 1;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && tried + 1 < targets.length) {
        downUntil[index] = performance.now() + 5000;
        return forward(pick(), req, body, res, tried + 1);
      }
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"bad gateway: the backend failed while answering"}]}');
    });
    upstream.end(body);
  };

  const pick = (): number => {
    for (let i = 0; i < targets.length; i += 1) {
      const index = next++ % targets.length;
      if (downUntil[index]! <= performance.now()) return index;
    }
    return next++ % targets.length;
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    forward(pick(), req, Buffer.concat(chunks), res, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
