import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  IDENTITY_HEADER,
  PUBLIC_IDENTITY,
  requestDigest,
  signIdentity,
  type InProcessAnswer,
  type InProcessSubgraph,
} from '@credit-hub/kit';
import { GraphQLError } from 'graphql';
import type { SubgraphFetchContext } from './datasource.ts';
import { cacheHint } from './datasource.ts';
import { SubgraphTimeout, timeoutOf, type SubgraphClient, type TimeoutConfig } from './fetcher.ts';
import type { FetchMetrics } from './metrics.ts';
import { mergeEntityAnswers, splitRepresentations, type PeerAnswer, type SpreadOptions } from './spread.ts';
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
 *
 * With `spread` (a hub of several workers), an entity fetch of many representations is cut into one part per worker
 * and the other workers execute theirs (spread.ts, ADR 0133); the answer is the same, only sooner.
 */
export class InProcessDataSource<C extends Partial<SubgraphFetchContext>> implements GraphQLDataSource<C> {
  private readonly timeoutMs: number;

  constructor(
    private readonly subgraph: string,
    private readonly target: InProcessSubgraph,
    private readonly internalSecret: string,
    timeouts: TimeoutConfig,
    private readonly fetchMetrics?: FetchMetrics,
    private readonly spread?: SpreadOptions & { client: SubgraphClient },
  ) {
    this.timeoutMs = timeoutOf(timeouts, subgraph);
  }

  process(options: GraphQLDataSourceProcessOptions<C>) {
    return this.fetchMetrics ? this.fetchMetrics.observe(this.subgraph, () => this.send(options)) : this.send(options);
  }

  private async send(options: GraphQLDataSourceProcessOptions<C>) {
    const { request } = options;
    const query = request.query;
    if (!query) throw new Error('Missing query');
    const representations = request.variables?.representations;
    const peers = this.spread?.peers.list() ?? [];
    let answer: InProcessAnswer;
    try {
      answer = await this.withDeadline(
        Array.isArray(representations) && peers.length > 0 && representations.length >= this.spread!.minRepresentations
          ? this.executeSpread(query, representations, peers, options)
          : this.executeHere(query, request.variables, options),
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

  /**
   * The fetch (or one part of it) executed by this process's subgraph, under an identity signed for exactly it; a
   * part's trail is left for executeSpread to write.
   */
  private async executeHere(
    query: string,
    variables: Record<string, unknown> | undefined,
    { request, context }: GraphQLDataSourceProcessOptions<C>,
    deferTrail = false,
  ): Promise<InProcessAnswer> {
    const identity = context?.identity ?? PUBLIC_IDENTITY;
    return this.target.execute({
      query,
      variables,
      operationName: request.operationName,
      extensions: request.extensions,
      identity: await signIdentity(identity, this.internalSecret, requestDigest(query, variables)),
      requestId: context?.requestId,
      deferTrail,
    });
  }

  /**
   * One part per worker, side by side: the first here, the others at the peers. The merged answer carries the
   * status and the strictest cache-control of its parts; a part that failed fails the fetch, as a whole fetch would.
   *
   * Every part leaves its audit trail unwritten and the trails are appended here together once all parts have answered
   * (ADR 0136): each part appending its own, the second waited on the chain's lock for the first one's insert and
   * commit. Nothing of the answer leaves before that commit; if it fails, the fetch answers AUDIT_UNAVAILABLE as a
   * whole fetch would. The trails of the parts that answered are written even when another part failed.
   */
  private async executeSpread(
    query: string,
    representations: unknown[],
    peers: readonly string[],
    options: GraphQLDataSourceProcessOptions<C>,
  ): Promise<InProcessAnswer> {
    const { request, context } = options;
    const groups = splitRepresentations(representations, peers.length + 1);
    const partVariables = (indices: number[]) => ({
      ...request.variables,
      representations: indices.map((i) => representations[i]),
    });
    const settled = await Promise.allSettled(
      groups.map(async (indices, g): Promise<InProcessAnswer> => {
        const variables = partVariables(indices);
        if (g === 0) {
          this.fetchMetrics?.spreadPart(this.subgraph, 'here', indices.length);
          return this.executeHere(query, variables, options, true);
        }
        const identity = context?.identity ?? PUBLIC_IDENTITY;
        const body = JSON.stringify({
          query,
          variables,
          operationName: request.operationName,
          extensions: request.extensions,
          requestId: context?.requestId,
        });
        let reply;
        try {
          reply = await this.spread!.client.post(
            this.subgraph,
            `${peers[g - 1]}/peer/${this.subgraph}`,
            {
              'content-type': 'application/json',
              [IDENTITY_HEADER]: await signIdentity(identity, this.internalSecret, requestDigest(query, variables)),
            },
            body,
            this.timeoutMs,
          );
        } catch (error) {
          // A worker that is gone (replaced after a crash) was never reached: its part is executed here instead. Any
          // other failure may have come after the part ran, and running it twice could record twice: it fails.
          if ((error as { code?: string }).code === 'ECONNREFUSED') {
            this.fetchMetrics?.spreadPart(this.subgraph, 'fallback', indices.length);
            return this.executeHere(query, variables, options, true);
          }
          throw error;
        }
        this.fetchMetrics?.spreadPart(this.subgraph, 'peer', indices.length);
        if (reply.status !== 200) throw new Error(`worker peer ${peers[g - 1]} answered ${reply.status}`);
        return JSON.parse(reply.text) as PeerAnswer;
      }),
    );
    // Without a rejected part, `answers` holds every part in the order of `groups`.
    const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const unwritten = await this.target.commitTrails(answers.flatMap((a) => (a.trail ? [a.trail] : [])));
    const rejected = settled.find((s) => s.status === 'rejected');
    if (rejected) throw rejected.reason;
    const failed = answers.find((a) => a.status < 200 || a.status > 299) ?? unwritten;
    if (failed) return failed;
    return {
      status: answers[0]!.status,
      body: mergeEntityAnswers(
        representations.length,
        groups.map((indices, g) => ({ indices, body: answers[g]!.body })),
      ),
      cacheControl: strictest(answers.map((a) => a.cacheControl)),
    };
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

/** The cache-control of parts put together: the shortest max-age, private if any part is (none: not cacheable). */
function strictest(headers: readonly (string | null)[]): string | null {
  if (headers.some((h) => !h)) return null;
  const hints = headers.map(cacheHint);
  const maxAge = Math.min(...hints.map((h) => h.maxAge));
  return `max-age=${maxAge}${hints.some((h) => h.scope === 'PRIVATE') ? ', private' : ''}`;
}
