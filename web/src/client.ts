import { cacheExchange, Client, CombinedError, fetchExchange, mapExchange, type Operation } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { reactive } from 'vue';

/**
 * The proof-of-work step (ALTCHA, served by the gateway): after a number of searches in a window the gateway
 * answers CHALLENGE_REQUIRED with where to fetch a challenge and which header carries the solution. The page
 * shows the step (components/ChallengeStep.vue); the solution is sent once, on the next request.
 */
export const challenge = reactive({
  required: false,
  challengeUrl: '/auth/altcha/challenge',
  header: 'x-altcha',
  solution: null as string | null,
  /** Bumped when a solution arrives, so pages run their query again. */
  solved: 0,
});

/** The gateway's own rate limit (HTTP 429): shown as a friendly notice, never a raw error. */
export const limits = reactive({ rateLimited: false, retryAfterSeconds: 60 });

function onError(error: CombinedError, _operation: Operation) {
  for (const e of error.graphQLErrors) {
    const code = e.extensions?.code;
    if (code === 'CHALLENGE_REQUIRED') {
      challenge.required = true;
      if (typeof e.extensions.challengeUrl === 'string') challenge.challengeUrl = e.extensions.challengeUrl;
      if (typeof e.extensions.header === 'string') challenge.header = e.extensions.header;
    }
    if (code === 'RATE_LIMITED') limits.rateLimited = true;
  }
  const status = (error.response as Response | undefined)?.status;
  if (status === 429) {
    limits.rateLimited = true;
    const after = Number((error.response as Response).headers.get('retry-after'));
    if (Number.isFinite(after) && after > 0) limits.retryAfterSeconds = after;
  }
}

/** A fetch that adds the challenge solution, once, to the next request after the step was passed. */
const fetchWithSolution: typeof fetch = (input, init) => {
  if (!challenge.solution) return fetch(input, init);
  const headers = new Headers(init?.headers);
  headers.set(challenge.header, challenge.solution);
  challenge.solution = null;
  return fetch(input, { ...init, headers });
};

export function errorCodeOf(error: CombinedError | undefined): string | null {
  if (!error) return null;
  const code = error.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions.code;
  if (typeof code === 'string') return code;
  return (error.response as Response | undefined)?.status === 429
    ? 'RATE_LIMITED'
    : error.networkError
      ? 'NETWORK'
      : null;
}

/**
 * The GraphQL client. Every operation is a persisted document: the browser sends only its hash
 * (`extensions.persistedQuery.sha256Hash`, embedded in the document by the client preset), never the text, so
 * the gateway's safelist is the only list of queries the public site can run.
 */
export const client = new Client({
  url: '/graphql',
  // Same-origin cookies (the console's session) travel; nothing else is configured per request.
  fetchOptions: { credentials: 'same-origin' },
  fetch: fetchWithSolution,
  preferGetMethod: false,
  requestPolicy: 'cache-first',
  exchanges: [
    mapExchange({ onError }),
    cacheExchange,
    persistedExchange({
      enforcePersistedQueries: true,
      preferGetForPersistedQueries: false,
      generateHash: async (_query, document) => {
        const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
        if (!hash) throw new Error('A document without a persisted hash: run `npm run codegen -w web`');
        return hash;
      },
    }),
    fetchExchange,
  ],
});
