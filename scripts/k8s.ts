/**
 * `npm run k8s`: the Kubernetes manifests of a production deployment, generated from the code rather than kept by
 * hand (docs/operations.md, "Kubernetes"; ADR 0086). Typed with kubernetes-models, whose classes also carry the
 * Kubernetes JSON schemas (scripts/k8s.test.ts validates every object offline).
 *
 *   npm run k8s             writes deploy/k8s/credit-hub.yaml (one database behind PgBouncer),
 *                           deploy/k8s/credit-hub-per-department.yaml (a database per department) and the
 *                           Secret each reads, as an example with placeholders (secret*.example.yaml)
 *   npm run k8s -- --check  fails when a committed file differs from what the code generates
 *
 * What each service receives is derived from its env module (the same modules docs/reference/configuration.md is
 * generated from): a variable is wired only if the service reads it, from the ConfigMap when it is configuration,
 * from the Secret when it is a secret. Everything else keeps its documented default.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer, IEnvVar, IProbe } from 'kubernetes-models/v1';
import { describeVariable, GATEWAY_PORT, serviceCommand, SUBGRAPHS, type SubgraphName } from '@credit-hub/kit';
import { repoRoot } from '@credit-hub/kit/db';
import type { z } from 'zod';

export type DatabaseLayout = 'pgbouncer' | 'per-department';

export interface DeploymentOptions {
  namespace: string;
  /** The one image of every service (the repository's Dockerfile). */
  image: string;
  databases: DatabaseLayout;
  gatewayReplicas: number;
  subgraphReplicas: number;
}

export const DEFAULTS: DeploymentOptions = {
  namespace: 'credit-hub',
  image: 'credit-hub:0.1.0',
  databases: 'pgbouncer',
  gatewayReplicas: 2,
  subgraphReplicas: 2,
};

/** Images of the shared services; an operator points them at the registry the cluster pulls from. */
export const IMAGES = { redis: 'redis:7-bookworm', nats: 'nats:2.10-alpine', pgbouncer: 'pgbouncer:1.23' };

const CONFIG = 'credit-hub-config';
const SECRET = 'credit-hub-secrets';
const NATS_PORT = 4222;
const PGBOUNCER_PORT = 6432;

/** Non-secret settings every service may read; a service gets only those its env module declares. */
export const CONFIG_VALUES: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  REDIS_URL: 'redis://redis:6379',
  NATS_URL: `nats://nats:${NATS_PORT}`,
  PUBLIC_ORIGIN: 'https://credit-hub.example',
  // The report service reads subjects through the gateway, as the public; its QR codes point at the public site.
  REPORT_GATEWAY_URL: `http://gateway:${GATEWAY_PORT}/graphql`,
  REPORT_VERIFY_BASE_URL: 'https://credit-hub.example',
  // Set to the collector's OTLP/HTTP address to turn tracing on (docs/operations.md, "Traces").
  OTEL_EXPORTER_OTLP_ENDPOINT: '',
  DEMO_SUBJECTS: '0',
};

/** The Secret's keys, each with what it is (secret.example.yaml carries them as placeholders). */
export function secretKeys(options: DeploymentOptions): Record<string, string> {
  const databases: Record<string, string> =
    options.databases === 'pgbouncer'
      ? {
          DATABASE_URL: `postgresql://credit_hub:<password>@pgbouncer:${PGBOUNCER_PORT}/credit_hub (through PgBouncer)`,
          DATABASE_URL_DIRECT:
            'postgresql://credit_hub:<password>@<postgres-host>:5432/credit_hub (migrations: session advisory lock, not through PgBouncer)',
          PGBOUNCER_DATABASES: 'credit_hub = host=<postgres-host> port=5432 dbname=credit_hub',
          PGBOUNCER_USERLIST: '"credit_hub" "<password or SCRAM secret>"',
        }
      : Object.fromEntries(
          SUBGRAPHS.map((s) => [
            `DATABASE_URL_${s.name.toUpperCase()}`,
            `postgresql://…/credit_hub_${s.name}: the ${s.name} department's own database`,
          ]),
        );
  return {
    INTERNAL_IDENTITY_SECRET: 'at least 32 random characters, the same for the gateway and every subgraph',
    PERSON_KEY_SECRET: "natural persons' key secret (docs/adr/0003), migrations and the disclosure subgraph",
    AUTH_JWT_SECRET: "HS256 secret of people's tokens (or AUTH_JWT_PUBLIC_KEY)",
    AUTH_JWT_PUBLIC_KEY: "the identity provider's RS256 public key (or AUTH_JWT_SECRET)",
    SESSION_SECRET: 'seals console session cookies (at least 32 characters)',
    ALTCHA_HMAC_KEY: 'signs search challenges, the same for every gateway replica',
    OIDC_CLIENT_SECRET: "the console's client secret at the identity provider",
    METRICS_TOKEN: 'bearer token Prometheus sends when scraping /metrics',
    REPORT_SIGNING_KEYS: 'Ed25519 report signing keys, `id:base64(PKCS#8 DER)`, comma-separated, the current one first',
    REPORT_CODE_KEY: "HMAC key of the reports' 查验码 (at least 32 characters)",
    ...databases,
  };
}

type Shape = Record<string, z.ZodType>;

interface NodeService {
  name: string;
  tier: 'gateway' | 'subgraph';
  port: number;
  command: string[];
  shape: Shape;
  /** Variables set for this service alone. */
  fixed: Record<string, string>;
  /** Secret key this service's DATABASE_URL comes from. */
  databaseKey?: string;
}

async function shapeOf(module: string): Promise<Shape> {
  return ((await import(module)) as { envShape: Shape }).envShape;
}

/** Whether a service cannot start in production without the variable (a missing Secret key then stops the pod). */
function requiredInProduction(schema: z.ZodType): boolean {
  const described = describeVariable(schema);
  if (described.secret) return described.secret.alternatives.length === 0 && !described.secret.devDefault;
  return described.required;
}

function envOf(service: Pick<NodeService, 'shape' | 'fixed' | 'databaseKey'>, options: DeploymentOptions): IEnvVar[] {
  const secrets = secretKeys(options);
  const env: IEnvVar[] = [];
  for (const [name, schema] of Object.entries(service.shape)) {
    if (name in service.fixed) env.push({ name, value: service.fixed[name]! });
    else if (name === 'DATABASE_URL' && service.databaseKey)
      env.push({ name, valueFrom: { secretKeyRef: { name: SECRET, key: service.databaseKey } } });
    else if (name in secrets)
      env.push({
        name,
        valueFrom: { secretKeyRef: { name: SECRET, key: name, optional: !requiredInProduction(schema) } },
      });
    else if (name in CONFIG_VALUES)
      env.push({
        name,
        valueFrom: { configMapKeyRef: { name: CONFIG, key: name, optional: CONFIG_VALUES[name] === '' } },
      });
  }
  return env;
}

const labels = (name: string, tier: string) => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'credit-hub',
  'app.kubernetes.io/component': tier,
});

/**
 * Readiness and liveness on /health. A subgraph's /health checks its database: readiness takes a replica out of its
 * Service at once; liveness gives it two minutes before a restart, so a database outage does not restart every pod.
 */
const probes = (port: number): { readinessProbe: IProbe; livenessProbe: IProbe; startupProbe: IProbe } => ({
  readinessProbe: { httpGet: { path: '/health', port }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 },
  livenessProbe: { httpGet: { path: '/health', port }, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 },
  // tsx compiles the service at start: up to two minutes on a busy node.
  startupProbe: { httpGet: { path: '/health', port }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 24 },
});

function nodeWorkload(service: NodeService, options: DeploymentOptions, replicas: number) {
  const meta = { name: service.name, namespace: options.namespace, labels: labels(service.name, service.tier) };
  const container: IContainer = {
    name: service.name,
    image: options.image,
    command: service.command,
    ports: [{ name: 'http', containerPort: service.port }],
    env: envOf(service, options),
    ...probes(service.port),
    // Measured: a gateway or subgraph idles at 150–250 MB RSS; docs/operations.md ("Sizing") gives the CPU per request.
    resources: {
      requests: { cpu: service.tier === 'gateway' ? '500m' : '250m', memory: '256Mi' },
      limits: { memory: '768Mi' },
    },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    },
    // tsx's compile cache and the disclosure subgraph's upload spool live in /tmp.
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
  return [
    new Deployment({
      metadata: meta,
      spec: {
        replicas,
        selector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: {
            labels: labels(service.name, service.tier),
            annotations: {
              'prometheus.io/scrape': 'true',
              'prometheus.io/path': '/metrics',
              'prometheus.io/port': String(service.port),
            },
          },
          spec: {
            // Services stop on SIGTERM after draining (Apollo's drain plugin); the Service stops routing first.
            terminationGracePeriodSeconds: 30,
            containers: [container],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: service.name === 'disclosure' ? '2Gi' : '256Mi' } }],
          },
        },
      },
    }),
    new Service({
      metadata: meta,
      spec: {
        selector: { 'app.kubernetes.io/name': service.name },
        ports: [{ name: 'http', port: service.port, targetPort: 'http' }],
      },
    }),
    new PodDisruptionBudget({
      metadata: meta,
      spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': service.name } } },
    }),
  ];
}

function redis(options: DeploymentOptions) {
  const meta = { name: 'redis', namespace: options.namespace, labels: labels('redis', 'shared') };
  return [
    // Rate-limit counters and used identity headers: short-lived, so no persistence; one replica.
    new Deployment({
      metadata: meta,
      spec: {
        replicas: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'redis' } },
        template: {
          metadata: { labels: labels('redis', 'shared') },
          spec: {
            containers: [
              {
                name: 'redis',
                image: IMAGES.redis,
                args: ['redis-server', '--save', '', '--appendonly', 'no', '--maxmemory', '256mb'],
                ports: [{ name: 'redis', containerPort: 6379 }],
                readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: 6379 }, periodSeconds: 20 },
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '384Mi' } },
              },
            ],
          },
        },
      },
    }),
    new Service({
      metadata: meta,
      spec: { selector: { 'app.kubernetes.io/name': 'redis' }, ports: [{ name: 'redis', port: 6379 }] },
    }),
  ];
}

function nats(options: DeploymentOptions) {
  const meta = { name: 'nats', namespace: options.namespace, labels: labels('nats', 'shared') };
  return [
    // NATS with JetStream (durable event streams) on a persistent volume; one server (three with cluster routes
    // for a province or the nation, docs/operations.md).
    new StatefulSet({
      metadata: meta,
      spec: {
        serviceName: 'nats',
        replicas: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'nats' } },
        template: {
          metadata: { labels: labels('nats', 'shared') },
          spec: {
            containers: [
              {
                name: 'nats',
                image: IMAGES.nats,
                args: ['--jetstream', '--store_dir', '/data', '--http_port', '8222'],
                ports: [
                  { name: 'client', containerPort: NATS_PORT },
                  { name: 'monitor', containerPort: 8222 },
                ],
                readinessProbe: { httpGet: { path: '/healthz?js-enabled-only=true', port: 8222 }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: '/healthz', port: 8222 }, periodSeconds: 20 },
                resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } },
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
          },
        ],
      },
    }),
    new Service({
      metadata: meta,
      spec: {
        selector: { 'app.kubernetes.io/name': 'nats' },
        ports: [
          { name: 'client', port: NATS_PORT },
          { name: 'monitor', port: 8222 },
        ],
      },
    }),
  ];
}

/**
 * PgBouncer in transaction mode in front of the one PostgreSQL: the replicas' pools (9 subgraphs × 2 replicas × 8)
 * become a few server connections. Prepared statements are kept per server connection (max_prepared_statements).
 */
function pgbouncer(options: DeploymentOptions) {
  const meta = { name: 'pgbouncer', namespace: options.namespace, labels: labels('pgbouncer', 'shared') };
  const ini = [
    '[databases]',
    '%include /etc/pgbouncer/secret/databases.ini',
    '[pgbouncer]',
    `listen_addr = 0.0.0.0`,
    `listen_port = ${PGBOUNCER_PORT}`,
    'auth_type = scram-sha-256',
    'auth_file = /etc/pgbouncer/secret/userlist.txt',
    'pool_mode = transaction',
    'max_client_conn = 2000',
    'default_pool_size = 40',
    'max_prepared_statements = 200',
    'server_reset_query_always = 0',
    'ignore_startup_parameters = extra_float_digits,options',
    '',
  ].join('\n');
  return [
    new ConfigMap({ metadata: meta, data: { 'pgbouncer.ini': ini } }),
    new Deployment({
      metadata: meta,
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': 'pgbouncer' } },
        template: {
          metadata: { labels: labels('pgbouncer', 'shared') },
          spec: {
            containers: [
              {
                name: 'pgbouncer',
                image: IMAGES.pgbouncer,
                command: ['pgbouncer', '/etc/pgbouncer/pgbouncer.ini'],
                ports: [{ name: 'postgres', containerPort: PGBOUNCER_PORT }],
                readinessProbe: { tcpSocket: { port: PGBOUNCER_PORT }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: PGBOUNCER_PORT }, periodSeconds: 20 },
                resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
                volumeMounts: [
                  { name: 'config', mountPath: '/etc/pgbouncer/pgbouncer.ini', subPath: 'pgbouncer.ini' },
                  { name: 'secret', mountPath: '/etc/pgbouncer/secret', readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'config', configMap: { name: 'pgbouncer' } },
              {
                name: 'secret',
                secret: {
                  secretName: SECRET,
                  items: [
                    { key: 'PGBOUNCER_DATABASES', path: 'databases.ini' },
                    { key: 'PGBOUNCER_USERLIST', path: 'userlist.txt' },
                  ],
                },
              },
            ],
          },
        },
      },
    }),
    new Service({
      metadata: meta,
      spec: {
        selector: { 'app.kubernetes.io/name': 'pgbouncer' },
        ports: [{ name: 'postgres', port: PGBOUNCER_PORT }],
      },
    }),
  ];
}

/** Migrations (and reference data) before a rollout: one Job per database. */
function migrations(options: DeploymentOptions, shape: Shape) {
  const targets =
    options.databases === 'pgbouncer'
      ? [{ name: 'migrate', key: 'DATABASE_URL_DIRECT' }]
      : SUBGRAPHS.map((s) => ({ name: `migrate-${s.name}`, key: `DATABASE_URL_${s.name.toUpperCase()}` }));
  return targets.map(
    (target) =>
      new Job({
        metadata: { name: target.name, namespace: options.namespace, labels: labels(target.name, 'migration') },
        spec: {
          backoffLimit: 3,
          template: {
            metadata: { labels: labels(target.name, 'migration') },
            spec: {
              restartPolicy: 'OnFailure',
              containers: [
                {
                  name: 'migrate',
                  image: options.image,
                  command: serviceCommand('scripts/migrate.ts'),
                  env: envOf({ shape, fixed: {}, databaseKey: target.key }, options),
                  securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false },
                },
              ],
            },
          },
        },
      }),
  );
}

export async function manifests(options: DeploymentOptions = DEFAULTS): Promise<{ toJSON(): unknown }[]> {
  const databaseKey = (name: SubgraphName | 'gateway') =>
    options.databases === 'pgbouncer'
      ? 'DATABASE_URL'
      : `DATABASE_URL_${(name === 'gateway' ? 'access' : name).toUpperCase()}`;
  const subgraphs: NodeService[] = [];
  for (const s of SUBGRAPHS) {
    const upper = s.name.toUpperCase();
    subgraphs.push({
      name: s.name,
      tier: 'subgraph',
      port: s.port,
      command: serviceCommand(`subgraphs/${s.name}/src/main.ts`),
      shape: await shapeOf(path.join(repoRoot, 'subgraphs', s.name, 'src', 'env.ts')),
      fixed: { [`${upper}_HOST`]: '0.0.0.0', [`${upper}_PORT`]: String(s.port) },
      databaseKey: databaseKey(s.name),
    });
  }
  const gateway: NodeService = {
    name: 'gateway',
    tier: 'gateway',
    port: GATEWAY_PORT,
    command: serviceCommand('gateway/src/main.ts'),
    shape: await shapeOf(path.join(repoRoot, 'gateway', 'src', 'env.ts')),
    fixed: {
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_PORT: String(GATEWAY_PORT),
      // One proxy (the ingress) in front: the client address is the last X-Forwarded-For entry.
      TRUST_PROXY: '1',
      ...Object.fromEntries(
        SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, `http://${s.name}:${s.port}/graphql`]),
      ),
    },
    // API keys live in the access department's schema.
    databaseKey: databaseKey('gateway'),
  };
  const hubShape = await shapeOf(path.join(repoRoot, 'apps', 'hub', 'src', 'env.ts'));
  const configKeys = new Set(
    [gateway, ...subgraphs].flatMap((s) => Object.keys(s.shape)).concat(Object.keys(hubShape)),
  );
  return [
    new Namespace({ metadata: { name: options.namespace } }),
    new ConfigMap({
      metadata: { name: CONFIG, namespace: options.namespace, labels: labels(CONFIG, 'config') },
      // Only settings some service reads (NATS_URL waits for the first service that declares it).
      data: Object.fromEntries(Object.entries(CONFIG_VALUES).filter(([k, v]) => configKeys.has(k) && v !== '')),
    }),
    ...redis(options),
    ...nats(options),
    ...(options.databases === 'pgbouncer' ? pgbouncer(options) : []),
    ...migrations(options, hubShape),
    ...subgraphs.flatMap((s) => nodeWorkload(s, options, options.subgraphReplicas)),
    ...nodeWorkload(gateway, options, options.gatewayReplicas),
    new HorizontalPodAutoscaler({
      metadata: { name: 'gateway', namespace: options.namespace, labels: labels('gateway', 'gateway') },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        minReplicas: options.gatewayReplicas,
        maxReplicas: options.gatewayReplicas * 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      },
    }),
  ];
}

/** The Secret an operator fills in and applies first (never committed with real values). */
export function secretExample(options: DeploymentOptions): Secret {
  return new Secret({
    metadata: { name: SECRET, namespace: options.namespace },
    type: 'Opaque',
    // Placeholders: every service refuses a `replace-with-…` value in production, naming the variable.
    stringData: Object.fromEntries(
      Object.keys(secretKeys(options)).map((key) => [key, `replace-with-${key.toLowerCase()}`]),
    ),
  });
}

export async function render(objects: { toJSON(): unknown }[], title: string): Promise<string> {
  const { stringify } = await import('yaml');
  const header = `# ${title}\n# Generated by \`npm run k8s\` (scripts/k8s.ts) from the services' env modules; do not edit by hand.\n`;
  return header + objects.map((o) => `---\n${stringify(o.toJSON(), { lineWidth: 0 })}`).join('');
}

export const OUTPUTS = {
  'credit-hub.yaml': async () =>
    render(await manifests(DEFAULTS), 'credit-hub on Kubernetes: one PostgreSQL behind PgBouncer'),
  'credit-hub-per-department.yaml': async () =>
    render(
      await manifests({ ...DEFAULTS, databases: 'per-department' }),
      "credit-hub on Kubernetes: each department's subgraph on its own database",
    ),
  'secret.example.yaml': async () =>
    render([secretExample(DEFAULTS)], 'The Secret credit-hub.yaml reads: fill in real values and apply it first'),
  'secret.per-department.example.yaml': async () =>
    render(
      [secretExample({ ...DEFAULTS, databases: 'per-department' })],
      'The Secret credit-hub-per-department.yaml reads: fill in real values and apply it first',
    ),
};

export const K8S_DIR = path.join(repoRoot, 'deploy', 'k8s');

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, make] of Object.entries(OUTPUTS)) {
    const target = path.join(K8S_DIR, file);
    const text = await make();
    if (check) {
      const current = (() => {
        try {
          return readFileSync(target, 'utf8');
        } catch {
          return '';
        }
      })();
      if (current !== text) {
        console.error(`deploy/k8s/${file} is stale: run npm run k8s`);
        stale += 1;
      }
    } else writeFileSync(target, text);
  }
  process.exit(stale ? 1 : 0);
}
