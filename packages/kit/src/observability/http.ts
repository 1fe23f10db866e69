import type { Span, Context } from '@opentelemetry/api';
import { context as otelContext } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { logger } from './log.ts';
import type { ServiceMetrics } from './metrics.ts';
import { requestIdFrom, type RequestScope } from './scope.ts';
import { endServerSpan, startServerSpan, tracingEnabled } from './tracing.ts';

interface Observed {
  scope: RequestScope;
  traceContext: Context | null;
}

const OBSERVED = Symbol('observed');
type WithObserved = Response & { [OBSERVED]?: Observed };

/**
 * The route a request is logged, counted and traced under: its first path segment only. Paths can carry data
 * (a GET /graphql's query string, a page address naming a subject), and labels must stay few.
 */
export function routeOf(path: string): string {
  const first = path.split('/')[1] ?? '';
  return /^[A-Za-z0-9._-]{1,40}$/.test(first) ? `/${first}` : first === '' ? '/' : '/(other)';
}

/**
 * The first middleware of every service: gives the request its id (answered in `x-request-id`, read back with
 * `requestIdOf`), its server span when tracing is on, and when it ends one access line and its HTTP metrics. The
 * line carries the request id and service, method, route, status and time — never the query string, headers or body.
 */
export function observeRequests(service: string, metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.header('x-request-id'));
    const route = routeOf(req.path);
    res.setHeader('x-request-id', requestId);
    let span: Span | null = null;
    let traceContext: Context | null = null;
    if (tracingEnabled()) {
      ({ span, context: traceContext } = startServerSpan(service, req.method, route, req.headers));
      span.setAttribute('credit_hub.request_id', requestId);
    }
    const observed: Observed = { scope: { requestId, service }, traceContext };
    (res as WithObserved)[OBSERVED] = observed;
    // 'close' comes after the answer is sent and also when the client goes away first; such a request counts as
    // 499 (the client closed it), as proxies report it.
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.httpRequest(route, status, seconds);
      if (span) endServerSpan(span, status);
      logger.info(
        { ...observed.scope, method: req.method, route, status, ms: Math.round(seconds * 1000) },
        'request answered',
      );
    });
    enter(observed, next);
  };
}

function enter(observed: Observed, next: NextFunction) {
  if (observed.traceContext) otelContext.with(observed.traceContext, () => next());
  else next();
}

/**
 * Enters the request's trace context again (tracing on). Body parsers resume the chain from the socket's stream
 * events, outside the context `observeRequests` entered; this goes right after them so that what follows (GraphQL
 * execution, its fetches and statements) is traced as the request's.
 */
export function reenterTraceContext(_req: Request, res: Response, next: NextFunction) {
  const observed = (res as WithObserved)[OBSERVED];
  if (observed) enter(observed, next);
  else next();
}

/** The id `observeRequests` gave this request. */
export function requestIdOf(res: Response): string | undefined {
  return (res as WithObserved)[OBSERVED]?.scope.requestId;
}
