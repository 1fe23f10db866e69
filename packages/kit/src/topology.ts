/**
 * The subgraphs of the hub, in one place: composition, the all-in-one start and the tests read it.
 * Ports are defaults for local runs; production sets SUBGRAPH_URL_<NAME> for the gateway instead.
 */
export const SUBGRAPHS = [
  { name: 'access', port: 4100, department: 'platform' },
  { name: 'subject', port: 4101, department: 'platform' },
  { name: 'tax', port: 4102, department: 'tax' },
  { name: 'court', port: 4103, department: 'court' },
  { name: 'market', port: 4104, department: 'market' },
  { name: 'environment', port: 4105, department: 'environment' },
  { name: 'government', port: 4106, department: 'government' },
  { name: 'disclosure', port: 4107, department: 'platform' },
  { name: 'evaluation', port: 4108, department: 'platform' },
  { name: 'metrics', port: 4120, department: 'platform' },
  { name: 'report', port: 4109, department: 'platform' },
  { name: 'push', port: 4110, department: 'platform' },
  { name: 'commitment', port: 4111, department: 'platform' },
  { name: 'repair', port: 4112, department: 'platform' },
] as const;

/**
 * Departments (部门) that own records. Officers and API keys are bound to one of these codes; the
 * `platform` is the credit platform itself (社会信用体系建设牵头部门, 信用办), owner of the subject register.
 */
export const DEPARTMENTS = {
  platform: '信用办（信用平台）',
  tax: '税务局',
  court: '人民法院',
  market: '市场监督管理局',
  environment: '生态环境局',
  government: '政务诚信牵头部门',
  // Departments without a subgraph of their own: they report 双公示 licences and penalties to the platform.
  transport: '交通运输局',
  housing: '住房和城乡建设局',
  health: '卫生健康委员会',
  emergency: '应急管理局',
} as const;
export type Department = keyof typeof DEPARTMENTS;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export const GATEWAY_PORT = 4000;
export const subgraphSchemaPath = (name: string) => `subgraphs/${name}/schema.graphql`;
