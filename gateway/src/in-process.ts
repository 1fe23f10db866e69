import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  PUBLIC_IDENTITY,
  requestDigest,
  signIdentity,
  type InProcessAnswer,
  type InProcessSubgraph,
} from '@credit-hub/kit';
import { GraphQLError } from 'graphql';
import type { SubgraphFetchContext } from './datasource.ts';
import { cacheHint } from './datasource.ts';
import { SubgraphTimeout, timeoutOf, type TimeoutConfig } from './fetcher.ts';
import type { FetchMetrics } from './metrics.ts';
import { subgraphFailure } from './subgraph-failure.ts';

/**
 * One subgraph executed in the gateway's own process (the all-in-one hub's workers; ADR 0114): the query plan's fetch
 * goes to the subgraph's Apollo Server as values — no HTTP request, no JSON body written or parsed — and everything
 * else is as over HTTP:
 * - the caller's identity is signed for exactly this request and the subgraph verifies it (digest, expiry, one-time
 *   value) before anything runs; a refusal is the same 401 answer;
 * - the same deadline per subgraph (a late department costs only its own fields), the same failure vocabulary
 *   (subgraph-failure.ts), the same fetch metrics and cache-control restriction.
 *
 * A late subgraph cannot be aborted in-process: its work finishes in the background and its answer is dropped.
 */
export class InProcessDataSource<C extends Partial<SubgraphFetchContext>> implements GraphQLDataSource<C> {
  private readonly timeoutMs: number;

  constructor(
    private readonly subgraph: string,
    private readonly target: InProcessSubgraph,
    private readonly internalSecret: string,
    timeouts: TimeoutConfig,
    private readonly fetchMetrics?: FetchMetrics,
  ) {
    this.timeoutMs = timeoutOf(timeouts, subgraph);
  }

  process(options: GraphQLDataSourceProcessOptions<C>) {
    return this.fetchMetrics ? this.fetchMetrics.observe(this.subgraph, () => this.send(options)) : this.send(options);
  }

  private async send(options: GraphQLDataSourceProcessOptions<C>) {
    const { request, context } = options;
    const query = request.query;
    if (!query) throw new Error('Missing query');
    const identity = context?.identity ?? PUBLIC_IDENTITY;
    const header = await signIdentity(identity, this.internalSecret, requestDigest(query, request.variables));
    let answer: InProcessAnswer;
    try {
      answer = await this.withDeadline(
        this.target.execute({
          query,
          variables: request.variables,
          operationName: request.operationName,
          extensions: request.extensions,
          identity: header,
          requestId: context?.requestId,
        }),
      );
    } catch (error) {
      throw subgraphFailure(this.subgraph, error as Error);
    }
    if (answer.status < 200 || answer.status > 299) {
      // The shape subgraphFailure reads from an HTTP failure (a refusal of ours passes on with its code).
      const error = new GraphQLError(`${answer.status}: ${answer.status === 503 ? 'Service Unavailable' : 'Error'}`, {
        extensions: { response: { url: `in-process:${this.subgraph}`, status: answer.status, body: answer.body } },
      });
      throw subgraphFailure(this.subgraph, error, { status: answer.status });
    }
    if ('incomingRequestContext' in options) {
      const policy = options.incomingRequestContext.overallCachePolicy;
      if (policy && 'restrict' in policy) policy.restrict(cacheHint(answer.cacheControl));
    }
    return answer.body as Awaited<ReturnType<GraphQLDataSource<C>['process']>>;
  }

  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SubgraphTimeout(this.subgraph, this.timeoutMs)), this.timeoutMs);
    });
    // The late answer, if it ever comes, is dropped; its failure must not surface as an unhandled rejection.
    work.catch(() => undefined);
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}
