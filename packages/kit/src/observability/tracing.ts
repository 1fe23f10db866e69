import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type pg from 'pg';

/**
 * OpenTelemetry traces, off by default. Nothing is recorded and no connection is opened unless `startTracing` is
 * given an exporter: OTEL_EXPORTER_OTLP_ENDPOINT (each service's env module) for an OTLP/HTTP collector, or a test's
 * in-memory exporter. Then one trace follows a request: the gateway's server span, @apollo/gateway's own spans
 * (plan, execute, one `gateway.fetch` per subgraph fetch), the W3C `traceparent` header on each subgraph request,
 * the subgraph's server span continuing it, and one span per SQL statement on the subgraph's pool.
 *
 * Spans are made here rather than by the contributed auto-instrumentations: those patch modules as they are
 * `require`d, and the services are ES modules, which they reach only with a loader flag on every start. Server spans
 * come from the request middleware (http.ts) and SQL spans from the pool (`traceQueries`), both of which every
 * service already goes through. ADR 0085 records the choice.
 */

const TRACER = 'credit-hub';
let enabled = false;

/** True once a provider is registered: the request middleware and the pool skip all work otherwise. */
export const tracingEnabled = () => enabled;

export interface Tracing {
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of the spans (the all-in-one hub: `credit-hub`; each span also names its service). */
  serviceName: string;
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans are sent to `<endpoint>/v1/traces` in batches. */
  otlpEndpoint?: string | undefined;
  /** An exporter of the caller's (tests: InMemorySpanExporter), each span exported as it ends. */
  exporter?: SpanExporter;
}

/**
 * Registers the process's tracer provider, the W3C trace-context propagator and the AsyncLocalStorage context
 * manager; `null` (and nothing registered) without an endpoint or exporter. Once per process.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | null> {
  if (!options.otlpEndpoint && !options.exporter) return null;
  if (enabled) throw new Error('tracing is already started in this process');
  // Loaded only when tracing is on: a hub without it does not even load the SDK.
  const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const processors = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  if (options.otlpEndpoint) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: processors,
  });
  provider.register();
  enabled = true;
  return {
    shutdown: async () => {
      enabled = false;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

const tracer = () => trace.getTracer(TRACER);

/** The server span of an incoming request, continuing the caller's trace from its `traceparent` header. */
export function startServerSpan(
  service: string,
  method: string,
  route: string,
  headers: Record<string, string | string[] | undefined>,
): { span: Span; context: Context } {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': method, 'http.route': route, 'credit_hub.service': service },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

export function endServerSpan(span: Span, status: number) {
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Writes the active span's `traceparent` (and `tracestate`) into an outgoing request's headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }) {
  if (!enabled) return;
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

const STATEMENT_LIMIT = 2000;
const traced = new WeakSet<object>();

/**
 * One span per SQL statement sent by the pool's connections: `db.query.text` is the statement with its `$n`
 * placeholders, never the values (which may be personal data). Installed on every pool createDb makes; a no-op
 * while tracing is off.
 */
export function traceQueries(pool: pg.Pool, database: string) {
  pool.on('connect', (connection) => {
    if (traced.has(connection)) return;
    traced.add(connection);
    const original = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (!enabled) return original(...args);
      const first = args[0] as string | { text?: string; name?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      const span = tracer().startSpan('pg.query', {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.namespace': database,
          'db.query.text': text.slice(0, STATEMENT_LIMIT),
          ...(typeof first === 'object' && first?.name ? { 'db.query.name': first.name } : {}),
        },
      });
      const finish = (error?: unknown) => {
        if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message?.slice(0, 200) });
        span.end();
      };
      const callbackAt = args.findIndex((a) => typeof a === 'function');
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
        args[callbackAt] = (error: unknown, result: unknown) => {
          finish(error);
          callback(error, result);
        };
        return original(...args);
      }
      const result = original(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function')
        return (result as Promise<unknown>).then(
          (value) => {
            finish();
            return value;
          },
          (error: unknown) => {
            finish(error);
            throw error;
          },
        );
      finish();
      return result;
    };
  });
}
