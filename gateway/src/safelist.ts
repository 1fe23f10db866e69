import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The persisted documents of the web app (web/): written by GraphQL Code Generator's client preset
 * (`persistedDocuments` in web/codegen.ts), one entry per operation the site sends, hash → document text.
 */
export const WEB_PERSISTED_DOCUMENTS = path.resolve(here, '../../web/src/gql/persisted-documents.json');

/**
 * THE hash of a persisted document, for every producer and consumer of one: the SHA-256 (lower-case hex) of the
 * document's text without surrounding white space. The gateway keys gateway/operations/*.graphql with it, and
 * web/codegen.ts hands this very function to the client preset as its `hashAlgorithm`, so the hash the browser
 * sends in `extensions.persistedQuery.sha256Hash` is by construction the one the gateway looks up.
 */
export function persistedDocumentHash(document: string): string {
  return createHash('sha256').update(document.trim()).digest('hex');
}

/**
 * Persisted operations: what anonymous callers may run. Two sources, one hash scheme (persistedDocumentHash):
 * the hand-written operations of gateway/operations/ (one file each, for other clients and the README), and the
 * web app's persisted-documents.json. In production anonymous callers may run only these (a hostile crawler
 * cannot send its own expensive queries); authenticated systems send ad-hoc operations.
 */
export class Safelist {
  readonly byHash = new Map<string, { name: string; query: string }>();

  constructor(dir: string, manifests: readonly string[] = [WEB_PERSISTED_DOCUMENTS]) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort()) {
      const query = readFileSync(path.join(dir, file), 'utf8').trim();
      this.byHash.set(Safelist.hash(query), { name: path.basename(file, '.graphql'), query });
    }
    for (const manifest of manifests) {
      // A checkout without the web app (a gateway-only image) simply has no web documents.
      if (!existsSync(manifest)) continue;
      for (const [hash, document] of Object.entries(readPersistedDocuments(manifest))) {
        // A manifest made with another scheme would publish hashes no client can name: refuse it at start.
        if (Safelist.hash(document) !== hash)
          throw new Error(
            `${manifest}: the entry ${hash} is not the persisted-document hash of its text ` +
              '(sha256 hex of the trimmed document, persistedDocumentHash in gateway/src/safelist.ts); regenerate it',
          );
        this.byHash.set(hash, { name: operationName(document) ?? hash.slice(0, 12), query: document.trim() });
      }
    }
  }

  static hash(query: string): string {
    return persistedDocumentHash(query);
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

function readPersistedDocuments(file: string): Record<string, string> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: expected an object of hash → document`);
  for (const [hash, document] of Object.entries(parsed))
    if (typeof document !== 'string') throw new Error(`${file}: the entry ${hash} is not a document text`);
  return parsed as Record<string, string>;
}

/** The first operation's name in a document (for the manifest and logs), without parsing the whole document. */
function operationName(document: string): string | null {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1] ?? null;
}
