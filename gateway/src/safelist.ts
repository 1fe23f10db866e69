import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Persisted operations: the public site's operations, one file each in gateway/operations/, identified
 * by the SHA-256 of the file's text. In production anonymous callers may run only these (a hostile
 * crawler cannot send its own expensive queries); authenticated systems send ad-hoc operations.
 */
export class Safelist {
  readonly byHash = new Map<string, { name: string; query: string }>();

  constructor(dir: string) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()) {
      const query = readFileSync(path.join(dir, file), 'utf8').trim();
      this.byHash.set(Safelist.hash(query), { name: path.basename(file, '.graphql'), query });
    }
  }

  static hash(query: string): string {
    return createHash('sha256').update(query.trim()).digest('hex');
  }

  /**
   * What a GraphQL request names: a published operation by hash (`extensions.persistedQuery.sha256Hash`,
   * whatever else the request holds — a hash wins over a `query` beside it) or by its exact text, and the
   * hash it named if any. `operation` is null for an unknown hash and for a document of the caller's own.
   */
  lookup(request: { query?: unknown; extensions?: Record<string, unknown> | null }): {
    hash: string | null;
    operation: { name: string; query: string } | null;
  } {
    const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | null | undefined;
    if (persisted !== undefined && persisted !== null) {
      const hash = typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : '';
      return { hash, operation: this.byHash.get(hash) ?? null };
    }
    if (typeof request.query === 'string')
      return { hash: null, operation: this.byHash.get(Safelist.hash(request.query)) ?? null };
    return { hash: null, operation: null };
  }

  manifest() {
    return [...this.byHash.entries()].map(([sha256, { name }]) => ({ name, sha256 }));
  }
}
