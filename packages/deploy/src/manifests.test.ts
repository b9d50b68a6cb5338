/**
 * Every deployment file in infra/deploy is parsed by a real parser and checked for what the
 * production topology relies on: Kubernetes objects well formed and cross-referenced (selectors,
 * Services, HPAs, ConfigMaps/Secrets), the API probed on /trpc/health, images pinned, the
 * configuration accepted by the apps' own env schemas, Dockerfiles well formed and non-root, and the
 * Temporal Helm values on PostgreSQL persistence with SQL visibility.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadApiEnv } from '../../../apps/api/src/env.js';
import { loadWorkerEnv } from '../../../apps/worker/src/env.js';

const DEPLOY = fileURLToPath(new URL('../../../infra/deploy/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []);
}

function parseYaml(file: string): Obj[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'), { prettyErrors: true });
  if (!Array.isArray(docs)) throw new Error(`${file}: not a YAML stream`);
  for (const d of docs) {
    expect(d.errors.map(String), `${file}: YAML errors`).toEqual([]);
    expect(d.warnings.map(String), `${file}: YAML warnings`).toEqual([]);
  }
  return docs.map((d) => d.toJS() as Obj).filter((d) => d !== null);
}

const K8S = join(DEPLOY, 'k8s');
const objects = yamlFiles(K8S).filter((f) => !f.endsWith('kustomization.yaml')).flatMap((f) => parseYaml(f).map((o) => ({ file: f, o })));
const byKind = (kind: string) => objects.filter(({ o }) => o.kind === kind).map(({ o }) => o);
const KNOWN: Record<string, string> = {
  Namespace: 'v1', ConfigMap: 'v1', Secret: 'v1', Service: 'v1', Deployment: 'apps/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2', PodDisruptionBudget: 'policy/v1', Job: 'batch/v1',
};

describe('Kubernetes manifests (infra/deploy/k8s)', () => {
  it('parse as YAML and are known kinds with their API version, a name and the namespace', () => {
    expect(objects.length).toBeGreaterThanOrEqual(10);
    for (const { file, o } of objects) {
      expect(KNOWN[o.kind], `${file}: kind ${o.kind}`).toBeDefined();
      expect(o.apiVersion, `${file}: ${o.kind} apiVersion`).toBe(KNOWN[o.kind]);
      expect(o.metadata?.name, `${file}: ${o.kind} metadata.name`).toMatch(/^[a-z0-9-]+$/);
      if (o.kind !== 'Namespace') expect(o.metadata.namespace, `${file}: ${o.metadata.name}`).toBe('improvement-programme');
    }
  });

  it('kustomization lists every manifest file, and each exists', () => {
    const [k] = parseYaml(join(K8S, 'kustomization.yaml'));
    const listed = new Set<string>(k!.resources);
    const files = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...listed].sort()).toEqual(files.sort());
  });

  it('API and worker are Deployments with pinned images, resources, selectors matching their pods, and config from the ConfigMap and Secret', () => {
    const deployments = byKind('Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['ip-api', 'ip-worker']);
    const configMaps = new Set(byKind('ConfigMap').map((c) => c.metadata.name));
    const secrets = new Set(byKind('Secret').map((c) => c.metadata.name));
    for (const d of deployments) {
      const labels = d.spec.template.metadata.labels;
      for (const [k, v] of Object.entries(d.spec.selector.matchLabels)) expect(labels[k], `${d.metadata.name} selector ${k}`).toBe(v);
      expect(d.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      for (const c of d.spec.template.spec.containers) {
        expect(c.image, `${d.metadata.name} image`).toMatch(/^[\w./-]+:\d+\.\d+\.\d+$/);
        expect(c.resources?.requests?.cpu && c.resources?.requests?.memory, `${d.metadata.name} requests`).toBeTruthy();
        expect(c.resources?.limits?.memory, `${d.metadata.name} memory limit`).toBeTruthy();
        for (const from of c.envFrom ?? []) {
          if (from.configMapRef) expect(configMaps.has(from.configMapRef.name), `ConfigMap ${from.configMapRef.name}`).toBe(true);
          if (from.secretRef) expect(secrets.has(from.secretRef.name), `Secret ${from.secretRef.name}`).toBe(true);
        }
      }
    }
  });

  it('the API is probed (readiness and liveness) on /trpc/health at a port it declares, and a Service selects it', () => {
    const api = byKind('Deployment').find((d) => d.metadata.name === 'ip-api')!;
    const c = api.spec.template.spec.containers[0];
    const ports = new Map<string, number>(c.ports.map((p: Obj) => [p.name, p.containerPort]));
    for (const probe of [c.readinessProbe, c.livenessProbe]) {
      expect(probe?.httpGet?.path).toBe('/trpc/health');
      expect(ports.has(probe.httpGet.port) || [...ports.values()].includes(probe.httpGet.port)).toBe(true);
    }
    const env = Object.fromEntries((c.env ?? []).map((e: Obj) => [e.name, e.value]));
    expect(Number(env.API_PORT)).toBe(ports.get('http'));
    const svc = byKind('Service').find((s) => s.metadata.name === 'ip-api')!;
    for (const [k, v] of Object.entries(svc.spec.selector)) expect(api.spec.template.metadata.labels[k]).toBe(v);
    expect(ports.has(svc.spec.ports[0].targetPort)).toBe(true);
  });

  it('the worker is probed on its own /health (which fails when it does not poll), at the port it is told to serve', () => {
    const worker = byKind('Deployment').find((d) => d.metadata.name === 'ip-worker')!;
    const c = worker.spec.template.spec.containers[0];
    const ports = new Map<string, number>(c.ports.map((p: Obj) => [p.name, p.containerPort]));
    for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe]) {
      expect(probe?.httpGet?.path).toBe('/health');
      expect(probe.exec, 'no exec probe: `node -e process.exit(0)` cannot fail').toBeUndefined();
      expect(ports.has(probe.httpGet.port)).toBe(true);
    }
    const env = Object.fromEntries((c.env ?? []).map((e: Obj) => [e.name, e.value]));
    const parsed = loadWorkerEnv({ ...byKind('ConfigMap')[0]!.data, ...byKind('Secret')[0]!.stringData, ...env });
    expect(parsed.WORKER_HEALTH_PORT).toBe(ports.get(c.livenessProbe.httpGet.port));
    expect(parsed.WORKER_HEALTH_HOST).toBe('0.0.0.0');
  });

  it('each Deployment is horizontally scaled by an HPA that targets it, with sane bounds', () => {
    const names = new Set(byKind('Deployment').map((d) => d.metadata.name));
    const hpas = byKind('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual([...names].sort());
    for (const h of hpas) {
      expect(h.spec.scaleTargetRef.kind).toBe('Deployment');
      expect(h.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(h.spec.maxReplicas).toBeGreaterThan(h.spec.minReplicas);
      expect(h.spec.metrics.length).toBeGreaterThan(0);
    }
  });

  it('the ConfigMap + Secret are accepted by the API and worker env schemas (the apps read no other config)', () => {
    const data = { ...byKind('ConfigMap')[0]!.data, ...byKind('Secret')[0]!.stringData };
    expect(() => loadApiEnv({ ...data, API_HOST: '0.0.0.0', API_PORT: '3000' })).not.toThrow();
    const worker = loadWorkerEnv(data);
    expect(worker.WORKER_MAX_CACHED_WORKFLOWS).toBe(Number(data.WORKER_MAX_CACHED_WORKFLOWS));
    expect(worker.WORKER_MAX_CONCURRENT_ACTIVITIES).toBe(Number(data.WORKER_MAX_CONCURRENT_ACTIVITIES));
    expect(worker.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS).toBe(Number(data.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS));
    expect(loadApiEnv(data).COOKIE_SECURE).toBe(true);
    // Email: the worker reads the relay from the ConfigMap and its login from the ip-smtp Secret.
    const smtp = byKind('Secret').find((x) => x.metadata.name === 'ip-smtp')!.stringData;
    const mail = loadWorkerEnv({ ...data, ...smtp });
    expect([mail.SMTP_HOST, mail.SMTP_PORT, mail.SMTP_SECURITY, mail.SMTP_USER]).toEqual([data.SMTP_HOST, Number(data.SMTP_PORT), 'starttls', smtp.SMTP_USER]);
    expect(mail.CONSOLE_URL).toBe(data.CONSOLE_URL);
    expect(loadApiEnv(data).DIGEST_LOCAL_TIME).toBe(data.DIGEST_LOCAL_TIME);
  });

  it('the migration Job runs the idempotent migrate command with the database Secret', () => {
    const job = byKind('Job')[0]!;
    const c = job.spec.template.spec.containers[0];
    expect(c.command.join(' ')).toBe('pnpm db:migrate');
    expect(c.envFrom[0].secretRef.name).toBe('ip-database');
  });
});

describe('Dockerfiles (infra/deploy/docker)', () => {
  const files = readdirSync(join(DEPLOY, 'docker')).filter((f) => f.endsWith('Dockerfile'));
  const KEYWORDS = new Set(['FROM', 'WORKDIR', 'RUN', 'COPY', 'ENV', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ARG', 'LABEL']);

  it('exist for the API and the worker', () => expect(files.sort()).toEqual(['api.Dockerfile', 'worker.Dockerfile']));

  it.each(files)('%s parses, pins its base image, builds in stages and runs as a non-root user', (file) => {
    const df = DockerfileParser.parse(readFileSync(join(DEPLOY, 'docker', file), 'utf8'));
    const ins = df.getInstructions();
    for (const i of ins) expect(KEYWORDS.has(i.getKeyword()), `${file}: ${i.getKeyword()}`).toBe(true);
    const froms = df.getFROMs();
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f.getImageTag() ?? '', `${file}: FROM ${f.getImageName()}`).toMatch(/^\d+\.\d+/);
    const stages = new Set(froms.map((f) => f.getBuildStage()).filter(Boolean));
    for (const c of df.getCOPYs()) {
      const from = c.getFromFlag()?.getValue();
      if (from) expect(stages.has(from), `${file}: COPY --from=${from}`).toBe(true);
    }
    const lastFrom = froms.at(-1)!.getRange().start.line;
    const users = ins.filter((i) => i.getKeyword() === 'USER' && i.getRange().start.line > lastFrom);
    expect(users.map((u) => u.getArgumentsContent())).toEqual(['node']);
    // The built output, as `pnpm test:cluster` starts it: no TypeScript at run time.
    const cmd = df.getCMDs().at(-1)!;
    expect(JSON.parse(cmd.getArgumentsContent()!)).toEqual(['node', 'dist/main.js']);
    const app = file.startsWith('api') ? '@ip/api-server' : '@ip/worker';
    expect(df.getInstructions().some((i) => i.getKeyword() === 'RUN' && i.getArgumentsContent()!.includes(`turbo run build --filter=${app}`)), `${file} builds ${app}`).toBe(true);
  });

  it('the worker image checks the worker\'s own /health on the port it sets', () => {
    const df = DockerfileParser.parse(readFileSync(join(DEPLOY, 'docker', 'worker.Dockerfile'), 'utf8'));
    const env = df.getInstructions().filter((i) => i.getKeyword() === 'ENV').map((i) => i.getArgumentsContent()).join(' ');
    const port = /WORKER_HEALTH_PORT=(\d+)/.exec(env)?.[1];
    expect(port).toBeDefined();
    expect(df.getHEALTHCHECKs()[0]?.getArgumentsContent()).toContain(`127.0.0.1:${port}/health`);
  });

  it('the API image exposes 3000 and checks /trpc/health', () => {
    const text = readFileSync(join(DEPLOY, 'docker', 'api.Dockerfile'), 'utf8');
    const df = DockerfileParser.parse(text);
    expect(df.getInstructions().some((i) => i.getKeyword() === 'EXPOSE' && i.getArgumentsContent() === '3000')).toBe(true);
    expect(df.getHEALTHCHECKs()[0]?.getArgumentsContent()).toContain('/trpc/health');
  });
});

describe('Temporal cluster values (infra/deploy/temporal, for temporalio/helm-charts)', () => {
  const values = parseDocument(readFileSync(join(DEPLOY, 'temporal', 'values.yaml'), 'utf8'));
  it('parse, and put persistence and visibility on PostgreSQL (no Cassandra, no Elasticsearch)', () => {
    expect(values.errors.map(String)).toEqual([]);
    const v = values.toJS() as Obj;
    const p = v.server.config.persistence;
    expect(p.default.driver).toBe('sql');
    expect(p.default.sql.driver).toBe('postgres12');
    expect(p.visibility.driver).toBe('sql');
    expect(p.visibility.sql.driver).toBe('postgres12');
    expect(v.cassandra.enabled).toBe(false);
    expect(v.elasticsearch.enabled).toBe(false);
    expect(v.server.config.numHistoryShards).toBeGreaterThanOrEqual(512);
    expect(p.default.sql.existingSecret).toBeTruthy();
  });

  it('agree with what infra/temporal-server.sh runs locally: version, shards, pools, databases, namespace and retention', () => {
    const v = values.toJS() as Obj;
    const script = readFileSync(join(ROOT, 'infra/temporal-server.sh'), 'utf8');
    const assigned = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(script)?.[1];
    const out = execFileSync('bash', [join(ROOT, 'infra/temporal-server.sh'), 'config', '--data', mkdtempSync(join(tmpdir(), 'ip-deploy-'))], { encoding: 'utf8' });
    const local = parseDocument(out).toJS() as Obj;
    expect(`v${v.server.image.tag}`).toBe(assigned('VERSION'));
    expect(local.persistence.numHistoryShards).toBe(v.server.config.numHistoryShards);
    const chart = v.server.config.persistence;
    for (const [store, helm] of [['default', chart.default.sql], ['visibility', chart.visibility.sql]] as const) {
      const sql = local.persistence.datastores[store].sql;
      expect({ plugin: sql.pluginName, db: sql.databaseName, user: sql.user, maxConns: sql.maxConns, maxIdleConns: sql.maxIdleConns, maxConnLifetime: sql.maxConnLifetime }, store)
        .toEqual({ plugin: helm.driver, db: helm.database, user: helm.user, maxConns: helm.maxConns, maxIdleConns: helm.maxIdleConns, maxConnLifetime: helm.maxConnLifetime });
    }
    const ns = v.server.config.namespaces.namespace[0];
    const configMap = byKind('ConfigMap')[0]!.data;
    expect(ns.name).toBe(configMap.TEMPORAL_NAMESPACE);
    expect(assigned('NS') ?? script).toContain(ns.name);
    expect(assigned('RETENTION')).toBe(ns.retention);
  });
});
