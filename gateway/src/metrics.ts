import type { ServiceMetrics } from '@credit-hub/kit';
import { GraphQLError } from 'graphql';
import client from 'prom-client';

/**
 * The gateway's own series besides the kit's (requests by operation and outcome, HTTP, pool): each subgraph fetch's
 * latency and failures, per department, so an operator sees which department slows or fails an answer.
 */
export interface FetchMetrics {
  /** Runs one subgraph fetch, timing it and counting its failure or the errors in its answer. */
  observe<T>(subgraph: string, fetch: () => Promise<T>): Promise<T>;
  /**
   * Counts one part of a spread entity fetch (ADR 0133) and its representations: executed here, by a peer worker, or
   * here because the peer was gone.
   */
  spreadPart(subgraph: string, where: 'here' | 'peer' | 'fallback', representations: number): void;
}

const SECONDS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createFetchMetrics(metrics: ServiceMetrics): FetchMetrics {
  const registers = [metrics.registry];
  const duration = new client.Histogram({
    name: 'credit_hub_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from the gateway to a subgraph, by subgraph and outcome (ok, graphql_error, failed)',
    labelNames: ['subgraph', 'outcome'],
    buckets: SECONDS,
    registers,
  });
  const failures = new client.Counter({
    name: 'credit_hub_subgraph_fetch_errors_total',
    help: 'Subgraph fetches that failed (no answer, an HTTP failure) or answered with errors, by subgraph and code',
    labelNames: ['subgraph', 'code'],
    registers,
  });
  const spreadParts = new client.Counter({
    name: 'credit_hub_spread_parts_total',
    help: "Parts of large entity fetches spread over the hub's workers, by subgraph and where each ran (here, peer, fallback)",
    labelNames: ['subgraph', 'where'],
    registers,
  });
  const spreadRepresentations = new client.Counter({
    name: 'credit_hub_spread_representations_total',
    help: 'Representations in the parts of spread entity fetches, by subgraph and where each part ran',
    labelNames: ['subgraph', 'where'],
    registers,
  });
  const codeOf = (error: unknown) => {
    const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'UNKNOWN';
  };
  return {
    spreadPart(subgraph, where, representations) {
      spreadParts.inc({ subgraph, where });
      spreadRepresentations.inc({ subgraph, where }, representations);
    },
    async observe(subgraph, fetch) {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const response = await fetch();
        const errors = (response as { errors?: readonly { extensions?: Record<string, unknown> }[] } | undefined)
          ?.errors;
        if (errors?.length) {
          for (const error of errors) {
            const code = error.extensions?.code;
            failures.inc({
              subgraph,
              code: typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,47}$/.test(code) ? code : 'UNKNOWN',
            });
          }
          duration.observe({ subgraph, outcome: 'graphql_error' }, seconds());
        } else duration.observe({ subgraph, outcome: 'ok' }, seconds());
        return response;
      } catch (error) {
        failures.inc({ subgraph, code: codeOf(error) });
        duration.observe({ subgraph, outcome: 'failed' }, seconds());
        throw error;
      }
    },
  };
}
