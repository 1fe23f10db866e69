/** Reads a Prometheus text exposition: the value of one series, or the sum of every series matching the labels. */
export interface Scrape {
  /** Sum of the samples of `name` whose labels include every given label (0 when none). */
  sum(name: string, labels?: Record<string, string>): number;
  /** The samples of `name`, each with its labels. */
  samples(name: string): { labels: Record<string, string>; value: number }[];
}

export function parseExposition(text: string): Scrape {
  const rows: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    rows.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  const samples = (name: string) => rows.filter((r) => r.name === name);
  return {
    samples,
    sum: (name, labels = {}) =>
      samples(name)
        .filter((r) => Object.entries(labels).every(([k, v]) => r.labels[k] === v))
        .reduce((total, r) => total + r.value, 0),
  };
}

/** Scrapes a service's /metrics (its GraphQL URL with /graphql replaced). */
export async function scrape(graphqlUrl: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return parseExposition(await response.text());
}
