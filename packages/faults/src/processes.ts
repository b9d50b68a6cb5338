/**
 * The processes a fault scenario owns, so it can kill them: its own PostgreSQL cluster (initdb into a
 * temporary directory, never the machine's shared cluster), its own Temporal dev server (own port,
 * own SQLite file), and the worker and API as child processes started exactly as in production.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { inheritedEnv } from './env.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Every process a scenario killed, for the closing figures. */
export const killed: { what: string; pid: number; signal: string }[] = [];

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((ok, fail) => {
      const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    // The Temporal dev server also takes port + 1000 for its UI.
    if (port + 1000 < 65_000 && (await portFree(port + 1000))) return port;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer().once('error', () => ok(false)).listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

function run(cmd: string, args: string[], opts: { asPostgres?: boolean } = {}): string {
  const [c, a] = opts.asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { encoding: 'utf8', cwd: '/' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last instanceof Error ? String(last) : inspect(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A PostgreSQL cluster of our own: superuser ip/ip, trust auth on 127.0.0.1, a port of its own. */
export class PostgresCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'ip-faults-pg-'));
  private readonly bin: string;
  /** `settings`: extra server settings (-c name=value), e.g. max_connections for a Temporal cluster's pools. */
  constructor(readonly port: number, private readonly settings: string[] = []) {
    const versions = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1'], { encoding: 'utf8' }).stdout.trim();
    if (!versions) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql/*/bin (run infra/postgres.sh ensure once)');
    this.bin = versions;
    chownSync(this.dir, Number(run('id', ['-u', 'postgres']).trim()), Number(run('id', ['-g', 'postgres']).trim()));
    run(join(this.bin, 'initdb'), ['-D', join(this.dir, 'data'), '-U', 'ip', '-A', 'trust', '--no-sync', '-E', 'UTF8'], { asPostgres: true });
  }
  get url(): string {
    return `postgresql://ip:ip@127.0.0.1:${this.port}/postgres`;
  }
  start(): void {
    run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-t', '60',
      '-o', [`-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, ...this.settings.map((s) => `-c ${s}`)].join(' '), 'start'], { asPostgres: true });
  }
  /** A fast shutdown (what an operator's restart does): clients are disconnected at once. */
  stop(): void {
    const pid = this.pid();
    run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop'], { asPostgres: true });
    killed.push({ what: 'postgres', pid: pid ?? -1, signal: 'pg_ctl stop -m fast' });
  }
  private pid(): number | null {
    const f = join(this.dir, 'data', 'postmaster.pid');
    return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
  }
  destroy(): void {
    try {
      if (this.pid()) run(join(this.bin, 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop'], { asPostgres: true });
    } catch { /* already stopped */ }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Temporal dev server of our own (infra/temporal-dev.sh), on its own port and SQLite file. */
export class TemporalServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'ip-faults-temporal-'));
  constructor(readonly port: number) {}
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }
  start(): void {
    run('bash', [join(ROOT, 'infra/temporal-dev.sh'), 'start', '--port', String(this.port), '--data', this.dir]);
  }
  kill9(): void {
    const pid = Number(readFileSync(join(this.dir, 'temporal.pid'), 'utf8').trim());
    process.kill(pid, 'SIGKILL');
    killed.push({ what: 'temporal dev server', pid, signal: 'SIGKILL' });
  }
  destroy(): void {
    spawnSync('bash', [join(ROOT, 'infra/temporal-dev.sh'), 'stop', '--data', this.dir]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * apps/worker or apps/api as a child process, by default from source through tsx; `args` gives the
 * node arguments instead (the cluster suite runs the built output as the images do: dist/main.js).
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  output = '';
  constructor(readonly what: 'worker' | 'api', private readonly env: Record<string, string>, private readonly args = ['--import', 'tsx', 'src/main.ts']) {}

  /** Starts it and waits for `ready` to hold (the worker's "polling" line; the API's port answering). */
  async start(ready: () => Promise<boolean>): Promise<void> {
    const cwd = join(ROOT, 'apps', this.what);
    const child = spawn(process.execPath, this.args, {
      cwd,
      // Quiet unless a process asks otherwise (the worker's readiness is its info line "worker: polling").
      env: { ...inheritedEnv(), LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (d: Buffer) => { this.output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { this.output += d.toString(); });
    await until(`${this.what} to be ready (output: ${this.output.slice(-500)})`, async () => {
      if (child.exitCode !== null) throw new Error(`${this.what} exited ${child.exitCode}: ${this.output.slice(-2000)}`);
      return ready();
    }, 240_000, 200); // the worker bundles its workflows at start: slow on a busy 2-core machine
  }
  get pid(): number {
    return this.child?.pid ?? -1;
  }
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child?.pid) throw new Error(`${this.what} is not running`);
    const exited = new Promise((ok) => child.once('exit', ok));
    process.kill(child.pid, 'SIGKILL');
    killed.push({ what: this.what, pid: child.pid, signal: 'SIGKILL' });
    await exited;
    this.child = null;
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || !this.running) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.child = null;
  }
}

/** The SMTP server as a child process (smtp-sink.child.ts): kill -9 it, start it again on the same port and directory. */
export class SmtpSink {
  readonly dir = mkdtempSync(join(tmpdir(), 'ip-faults-smtp-'));
  private child: ChildProcess | null = null;
  /** Every line the sink printed, across restarts ("smtp: kept <key>", "smtp: duplicate <key>"). */
  output = '';
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./smtp-sink.child.ts', import.meta.url))], {
      env: { ...inheritedEnv(), SMTP_SINK_PORT: String(this.port), SMTP_SINK_DIR: this.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const seen = this.output.length;
    child.stdout.on('data', (d: Buffer) => { this.output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { this.output += d.toString(); });
    await until('the SMTP sink to listen', async () => {
      if (child.exitCode !== null) throw new Error(`smtp sink exited ${child.exitCode}: ${this.output.slice(-1000)}`);
      return this.output.slice(seen).includes('smtp: listening');
    }, 60_000, 100);
  }
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child?.pid) throw new Error('smtp sink is not running');
    const exited = new Promise((ok) => child.once('exit', ok));
    process.kill(child.pid, 'SIGKILL');
    killed.push({ what: 'smtp server', pid: child.pid, signal: 'SIGKILL' });
    await exited;
    this.child = null;
  }
  count(what: 'kept' | 'duplicate'): number {
    return this.output.split('\n').filter((l) => l.startsWith(`smtp: ${what} `)).length;
  }
  destroy(): void {
    if (this.child?.pid) this.child.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
