/**
 * Every DataLoader of one request (built fresh per request by the kit). The report service reads the graph through
 * the gateway and its own table by report number, one row per request: it has no batch to make.
 */
export function createLoaders() {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;
