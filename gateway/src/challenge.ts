import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { challengeRequired as refused, type Identity } from '@credit-hub/kit';
import { randomInt } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/sha';
import { create } from 'altcha-lib/frameworks/express';
import type { RequestHandler } from 'express';
import { Kind, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { MemoryState, type SharedState } from './shared-state.ts';

/**
 * The search challenge (人机验证): an anonymous client may run a number of searches per window; after that each
 * further budget costs a solved proof-of-work (ALTCHA, self-hosted: the challenge comes from this gateway, the
 * browser solves it, the gateway checks it — no captcha service outside the network). A person pays a few seconds
 * of their browser's time once in a while; a crawler pays it for every few dozen searches.
 */
export interface ChallengeConfig {
  /** Searches an anonymous client may run per window before a solution is needed. */
  searchesPerWindow: number;
  windowSeconds: number;
  /** Signs challenges (HMAC); unset: a random key per process (challenges die with it, and replicas disagree). */
  hmacKey?: string | undefined;
  /** Key derivation of the puzzle: PBKDF2/SHA-256 (default, costly per try) or SHA-256 (cheap per try). */
  algorithm?: 'PBKDF2/SHA-256' | 'SHA-256';
  /** Iterations per try. */
  cost?: number;
  /** The secret counter the client must find is drawn from [maxNumber / 2, maxNumber]: the expected tries. */
  maxNumber?: number;
  /** How long a challenge may be solved and sent. */
  expiresSeconds?: number;
  /** Root fields that count as a search (the typeahead too: it lists subjects as a search does). */
  searchFields?: readonly string[];
}

export const DEFAULT_CHALLENGE: ChallengeConfig = {
  searchesPerWindow: 30,
  windowSeconds: 600,
  algorithm: 'PBKDF2/SHA-256',
  cost: 5_000,
  maxNumber: 10_000,
  expiresSeconds: 600,
  // verifyReport: the report verification page is rate-limited like a search (numbers must not be probed in bulk);
  // publicCreditReport: each report costs the hub most of a CPU second (docs/reports.md, Figures).
  searchFields: ['searchSubjects', 'suggestSubjects', 'verifyReport', 'publicCreditReport'],
};

/** The header a client sends the solution in (base64 JSON `{ challenge, solution }`, as the ALTCHA widget makes it). */
export const CHALLENGE_HEADER = 'x-altcha';
export const CHALLENGE_PATH = '/auth/altcha/challenge';

/** Real elapsed time: a window is a span of wall-clock seconds, not a legal date. */
const nowMs = () => Date.now();

/**
 * The budgets and the used solutions live in `state` (shared-state.ts): this process's memory by default, Redis with
 * REDIS_URL, so that every gateway replica counts one budget per client and accepts a solution once.
 */
export class SearchChallenge {
  private readonly config: Required<Omit<ChallengeConfig, 'hmacKey'>>;
  private readonly hmacKey: string;
  private readonly altcha: ReturnType<typeof create>;
  private readonly deriveKey: typeof sha;
  /**
   * Ids of the solutions already accepted (single use), kept as long as a challenge can be solved: an older one is
   * refused as expired anyway. `setIfAbsent` makes the check atomic across replicas.
   */
  private readonly used;

  constructor(
    config: ChallengeConfig,
    private readonly state: SharedState = new MemoryState(),
  ) {
    this.config = { ...(DEFAULT_CHALLENGE as Required<ChallengeConfig>), ...stripUndefined(config) };
    this.hmacKey = config.hmacKey ?? randomBytes(32).toString('hex');
    this.deriveKey = this.config.algorithm === 'SHA-256' ? sha : pbkdf2;
    this.altcha = create({
      deriveKey: this.deriveKey,
      hmacSignatureSecret: this.hmacKey,
      createChallengeParameters: () => this.parameters(),
    });
    const keep = this.config.expiresSeconds;
    this.used = {
      get: (id: string) => state.has(`altcha-used:${id}`),
      set: (id: string) => state.claim(`altcha-used:${id}`, keep),
      setIfAbsent: (id: string) => state.claim(`altcha-used:${id}`, keep),
    };
  }

  private parameters() {
    const max = this.config.maxNumber;
    return {
      algorithm: this.config.algorithm,
      cost: this.config.cost,
      counter: randomInt(max, Math.max(1, Math.floor(max / 2))),
      expiresAt: new Date(nowMs() + this.config.expiresSeconds * 1000),
    };
  }

  /** GET /auth/altcha/challenge: the challenge as JSON (never cached). */
  get handler(): RequestHandler {
    return this.altcha.challengeHandler;
  }

  /**
   * Counts a search of an anonymous client and decides whether it may run. A solution, when sent, is checked
   * whatever the count (a wrong or reused one is refused); a good one gives the client a fresh budget.
   */
  async admit(client: string, solution: string | undefined): Promise<void> {
    const key = `search-budget:${client}`;
    if (solution) {
      const reason = await this.check(solution);
      if (reason) throw challengeRequired(reason, this.config.searchesPerWindow, this.config.windowSeconds);
      await this.state.reset(key);
    }
    const used = await this.state.increment(key, this.config.windowSeconds);
    if (used > this.config.searchesPerWindow)
      throw challengeRequired('LIMIT', this.config.searchesPerWindow, this.config.windowSeconds);
  }

  /** null when the solution is good and unused; otherwise why not. */
  private async check(solution: string): Promise<'INVALID' | 'EXPIRED' | 'REPLAYED' | null> {
    const { error, verification } = await this.altcha.verify(
      solution,
      this.deriveKey,
      this.hmacKey,
      undefined,
      this.used,
    );
    if (!error) return null;
    if (/already used/i.test(error)) return 'REPLAYED';
    if (verification && 'expired' in verification && verification.expired) return 'EXPIRED';
    return 'INVALID';
  }

  /** Runs admit() for every anonymous operation that selects a search field. */
  plugin(): ApolloServerPlugin<{ identity: Identity; challengeSolution?: string | undefined }> {
    const fields = new Set(this.config.searchFields);
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ operation, contextValue }) => {
          if (contextValue.identity.role !== 'PUBLIC' || !operation || !selectsAny(operation, fields)) return;
          await this.admit(contextValue.identity.client, contextValue.challengeSolution);
        },
      }),
    };
  }
}

function selectsAny(operation: OperationDefinitionNode, fields: Set<string>): boolean {
  if (operation.operation !== 'query') return false;
  return operation.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && fields.has((s as FieldNode).name.value),
  );
}

function challengeRequired(reason: 'LIMIT' | 'INVALID' | 'EXPIRED' | 'REPLAYED', limit: number, seconds: number) {
  const why = {
    LIMIT: `more than ${limit} searches in ${seconds} s from this client`,
    INVALID: `the \`${CHALLENGE_HEADER}\` solution is not valid`,
    EXPIRED: `the \`${CHALLENGE_HEADER}\` solution's challenge has expired`,
    REPLAYED: `the \`${CHALLENGE_HEADER}\` solution has already been used`,
  }[reason];
  return refused(
    reason,
    `Solve a challenge to search on: ${why}. Get one at ${CHALLENGE_PATH} and send the solution in the \`${CHALLENGE_HEADER}\` header`,
    { challengeUrl: CHALLENGE_PATH, header: CHALLENGE_HEADER },
  );
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
