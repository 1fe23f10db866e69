/**
 * The subgraphs of the hub, in one place: composition, the all-in-one start and the tests read it.
 * Ports are defaults for local runs; production sets SUBGRAPH_URL_<NAME> for the gateway instead.
 */
export const SUBGRAPHS = [
  { name: 'subject', port: 4101, department: '主体库 (credit platform)' },
  { name: 'tax', port: 4102, department: '税务 (tax)' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export const GATEWAY_PORT = 4000;
export const subgraphSchemaPath = (name: string) => `subgraphs/${name}/schema.graphql`;
