import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  IDENTITY_HEADER,
  injectTraceContext,
  PUBLIC_IDENTITY,
  requestDigest,
  signIdentity,
  type Identity,
} from '@credit-hub/kit';
import { GraphQLError } from 'graphql';
import { SubgraphClient, timeoutOf, type SubgraphAnswer, type TimeoutConfig } from './fetcher.ts';
import type { FetchMetrics } from './metrics.ts';
import { subgraphFailure } from './subgraph-failure.ts';

/** What the gateway's request context carries to the subgraph fetches. */
export interface SubgraphFetchContext {
  requestId: string;
  identity: Identity;
  /** Caller headers the subgraphs need, forwarded on every subgraph request. */
  forward: Record<string, string>;
}

/** `cache-control` of a subgraph's answer, as Apollo Gateway's own data source reads it. */
export function cacheHint(header: string | null): { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } {
  const hint: { maxAge: number; scope?: 'PRIVATE' | 'PUBLIC' } = { maxAge: 0 };
  if (!header) return hint;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [key, value] = part.split(/\s*=\s*/, 2);
    if (key === 'max-age' && value && /^[0-9]+$/.test(value.replace(/^"|"$/g, ''))) hint.maxAge = Number(value);
    if (key === 'private') hint.scope = 'PRIVATE';
    if (key === 'public') hint.scope = 'PUBLIC';
  }
  return hint;
}

function parse(answer: SubgraphAnswer): unknown {
  const json =
    answer.contentType.startsWith('application/json') ||
    answer.contentType.startsWith('application/graphql-response+json');
  return json ? JSON.parse(answer.text) : answer.text;
}

/**
 * One subgraph, as the gateway's query plan calls it: the operation with the caller's identity signed for exactly this
 * request (the subgraph recomputes the digest and spends the signature's one-time value), sent over the shared
 * keep-alive pool (fetcher.ts) within the subgraph's deadline.
 *
 * It implements Apollo Gateway's data-source interface itself rather than extending RemoteGraphQLDataSource, whose
 * fetch path builds node-fetch Request and Headers objects per subgraph request even with another fetcher.
 *
 * A department that is down, failing or late costs only its own fields; the error says which one, with a stable code
 * clients can branch on (subgraph-failure.ts), instead of a bare connection error.
 */
export class SubgraphDataSource<C extends Partial<SubgraphFetchContext>> implements GraphQLDataSource<C> {
  private readonly timeoutMs: number;

  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly internalSecret: string,
    private readonly client: SubgraphClient,
    timeouts: TimeoutConfig,
    private readonly fetchMetrics?: FetchMetrics,
  ) {
    this.timeoutMs = timeoutOf(timeouts, subgraph);
  }

  // Each fetch is timed and its failures counted per department (metrics.ts).
  process(options: GraphQLDataSourceProcessOptions<C>) {
    return this.fetchMetrics ? this.fetchMetrics.observe(this.subgraph, () => this.send(options)) : this.send(options);
  }

  private async send(options: GraphQLDataSourceProcessOptions<C>) {
    const { request, context } = options;
    const query = request.query;
    if (!query) throw new Error('Missing query');
    // The gateway's own calls (none today) would carry no caller and go out as the public.
    const identity = context?.identity ?? PUBLIC_IDENTITY;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    // The trace continues in the subgraph: W3C traceparent of this fetch's span (only while tracing is on).
    injectTraceContext({ set: (name, value) => (headers[name] = value) });
    for (const [name, value] of Object.entries(context?.forward ?? {})) headers[name] = String(value);
    // Signed for this exact subgraph request: it cannot be replayed with another operation.
    headers[IDENTITY_HEADER] = await signIdentity(
      identity,
      this.internalSecret,
      requestDigest(query, request.variables),
    );
    const body = JSON.stringify({
      query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });

    let answer: SubgraphAnswer;
    let parsed: unknown;
    try {
      answer = await this.client.post(this.subgraph, this.url, headers, body, this.timeoutMs);
      parsed = parse(answer);
    } catch (error) {
      throw subgraphFailure(this.subgraph, error as Error);
    }
    if (answer.status < 200 || answer.status > 299) {
      // The shape Apollo Gateway gives a non-2xx answer, which subgraphFailure reads (a refusal of ours passes on).
      const error = new GraphQLError(`${answer.status}: ${answer.status === 503 ? 'Service Unavailable' : 'Error'}`, {
        extensions: { response: { url: this.url, status: answer.status, body: parsed } },
      });
      throw subgraphFailure(this.subgraph, error, { status: answer.status });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw subgraphFailure(this.subgraph, new Error(`Expected JSON response body, but received: ${String(parsed)}`));

    // The answer's cache-control restricts the whole response's, as in Apollo Gateway's own data source.
    if ('incomingRequestContext' in options) {
      const policy = options.incomingRequestContext.overallCachePolicy;
      if (policy && 'restrict' in policy) policy.restrict(cacheHint(answer.headers.get('cache-control')));
    }
    return parsed as Awaited<ReturnType<GraphQLDataSource<C>['process']>>;
  }
}
