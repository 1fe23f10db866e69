import { setLogLevel, type LogLevel } from './log.ts';
import { startTracing, type Tracing } from './tracing.ts';

/** The common variables (kit env.ts, `commonEnv`) this module reads from a service's validated env. */
export interface ObservabilityEnv {
  LOG_LEVEL: LogLevel;
  METRICS_TOKEN?: string | undefined;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}

/**
 * A service's main, once its env is read: sets the log level and starts tracing when a collector is configured
 * (otherwise nothing is loaded and no connection is made). Returns the tracer to shut down, or null.
 */
export function startObservability(env: ObservabilityEnv, serviceName: string): Promise<Tracing | null> {
  setLogLevel(env.LOG_LEVEL);
  return startTracing({ serviceName, otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
}

/** What a service's main passes to its start function: the scrape token of /metrics. */
export const metricsOptionsOf = (env: ObservabilityEnv) => ({ metricsToken: env.METRICS_TOKEN });
