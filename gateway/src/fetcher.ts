import { SUBGRAPHS } from '@credit-hub/kit';
import { Agent, request } from 'undici';

/**
 * How the gateway talks to its subgraphs (ADR 0081): one keep-alive connection pool (undici's Agent) shared by every
 * subgraph fetch, and a deadline per subgraph.
 *
 * Node's built-in fetch was about 45 % of the gateway's CPU under load (issue 19's profile): it builds WHATWG
 * Request, Headers and Response objects and a web stream for every body. undici's `request` sends the same HTTP/1.1
 * over the same kind of pooled connections and hands back the body as a Node stream, read once as text.
 *
 * The deadline: a department answering slowly costs only its own fields. When a subgraph has not answered in its
 * time, the request is aborted and the gateway answers with everything else, and an error naming the department.
 */

/** A subgraph that did not answer within its deadline. */
export class SubgraphTimeout extends Error {
  override readonly name = 'SubgraphTimeout';
  constructor(
    readonly subgraph: string,
    readonly timeoutMs: number,
  ) {
    super(`the ${subgraph} subgraph did not answer within ${timeoutMs} ms`);
  }
}

/** A subgraph's HTTP answer, as much of it as the gateway reads. */
export interface SubgraphAnswer {
  status: number;
  /** The header lookup Apollo Gateway uses on a fetch Response (cache-control), case-insensitive. */
  headers: { get(name: string): string | null };
  contentType: string;
  text: string;
}

export interface TimeoutConfig {
  /** Deadline of a subgraph fetch, in milliseconds (default for every subgraph). */
  defaultMs: number;
  /** Per-subgraph deadlines overriding the default (the evaluation runs the longest chain). */
  bySubgraph?: Partial<Record<string, number>>;
}

/**
 * Defaults: a department's entity fetch is a single statement, answered in milliseconds; 4 s leaves room for a loaded
 * machine. The evaluation (a batch credit check of 1,000 subjects computes across every department's facts) and the
 * disclosure (双公示 lists with full-text filters) get longer.
 */
export const DEFAULT_TIMEOUTS: TimeoutConfig = {
  defaultMs: 4_000,
  bySubgraph: { evaluation: 15_000, disclosure: 10_000 },
};

export const timeoutOf = (config: TimeoutConfig, subgraph: string) => config.bySubgraph?.[subgraph] ?? config.defaultMs;

/** The department a subgraph belongs to (for the error that names what is missing). */
export const departmentOf = (subgraph: string) => SUBGRAPHS.find((s) => s.name === subgraph)?.department;

class HeaderLookup {
  constructor(private readonly headers: Record<string, string | string[] | undefined>) {}
  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

export class SubgraphClient {
  private readonly agent = new Agent({
    // Subgraphs keep idle connections for 65 s (kit createHttpServer); the client closes first, so a request never
    // races the server's close on an idle socket.
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connect: { noDelay: true },
  });

  async post(
    subgraph: string,
    url: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
  ): Promise<SubgraphAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new SubgraphTimeout(subgraph, timeoutMs)), timeoutMs);
    try {
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        signal: controller.signal,
      });
      const text = await response.body.text();
      const type = response.headers['content-type'];
      return {
        status: response.statusCode,
        headers: new HeaderLookup(response.headers),
        contentType: (Array.isArray(type) ? type[0] : type) ?? '',
        text,
      };
    } catch (error) {
      if (controller.signal.aborted) throw new SubgraphTimeout(subgraph, timeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
