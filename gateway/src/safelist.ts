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

  /** The safelisted text for a request that names an operation by hash or sends its exact text. */
  resolve(body: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }): string | null {
    const hash = body.extensions?.persistedQuery?.sha256Hash;
    if (typeof hash === 'string') return this.byHash.get(hash)?.query ?? null;
    if (typeof body.query === 'string') return this.byHash.get(Safelist.hash(body.query))?.query ?? null;
    return null;
  }

  manifest() {
    return [...this.byHash.entries()].map(([sha256, { name }]) => ({ name, sha256 }));
  }
}
