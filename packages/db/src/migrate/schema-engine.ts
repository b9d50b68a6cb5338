/**
 * Loads Prisma's schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`).
 *
 * Why: every Prisma CLI migrate command wants a native schema-engine binary that it downloads
 * at run time, and our machines reach only package registries. The wasm build of the same engine
 * ships on npm and talks to the database through a JS driver adapter instead of its own driver.
 *
 * The package's entry (`schema_engine.js`) does `import * as wasm from "./schema_engine_bg.wasm"`,
 * which Node only allows behind `--experimental-wasm-modules`, so we instantiate the module
 * ourselves and hand the exports to the generated glue (`__wbg_set_wasm`) — what the entry does.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inspect } from 'node:util';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * The few WebAssembly APIs used here. Node 20 has them, but neither lib ES2023 nor @types/node 20
 * declares the `WebAssembly` namespace (it lives in lib.dom), so we type what we touch.
 */
type WasmImports = Record<string, Record<string, unknown>>;
interface WasmInstance {
  exports: Record<string, unknown>;
}
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: WasmImports): Promise<{ instance: WasmInstance }> };
};

/** The subset of the generated glue module we call. */
interface SchemaEngineGlue {
  __wbg_set_wasm(exports: WasmInstance['exports']): void;
  SchemaEngine: typeof SchemaEngine;
  version(): string;
}

/**
 * The engine races its database calls against timers (e.g. a 10 s timeout) and never clears
 * them (the glue imports no clearTimeout), so each command left Node alive ~10 s after it was
 * done. Unref'd timers still fire while the process is busy; they just do not hold it open.
 */
function withUnrefTimers(glue: Record<string, unknown>): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const key of Object.keys(glue)) {
    if (!key.startsWith('__wbg_setTimeout_')) continue;
    imports[key] = (callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms >>> 0);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

let gluePromise: Promise<SchemaEngineGlue> | undefined;
let lastPanic: string | undefined;

/** Instantiates the wasm module once per process; the glue keeps module-level state. */
function loadGlue(): Promise<SchemaEngineGlue> {
  gluePromise ??= (async () => {
    // On a Rust panic the glue writes the message here, then wasm traps with a bare RuntimeError.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => void (lastPanic = m) };

    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue = (await import(
      '@prisma/schema-engine-wasm/schema_engine_bg'
    )) as unknown as SchemaEngineGlue & Record<string, unknown>;
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': withUnrefTimers(glue),
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

/** Options for {@link openSchemaEngine}. */
export interface OpenSchemaEngineOptions {
  /** Bound (error-capturing) migration-aware adapter factory, see `bindMigrationAwareSqlAdapterFactory`. */
  adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /** Prisma schema files as [path, content]; needed for diffs, optional for deploy. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON strings). Defaults to dropping them. */
  onLog?: (line: string) => void;
}

/** Opens a wasm schema engine over a driver adapter. Call `free()` on it when done. */
export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<SchemaEngine> {
  const glue = await loadGlue();
  const onLog = options.onLog ?? (() => undefined);
  return glue.SchemaEngine.new({ datamodels: options.datamodels }, onLog, options.adapterFactory);
}

/** Version string of the wasm schema engine (the prisma-engines commit it was built from). */
export async function schemaEngineVersion(): Promise<string> {
  return (await loadGlue()).version();
}

/** Options for {@link withSchemaEngine}. */
export interface WithSchemaEngineOptions {
  /** A driver adapter factory (adapter-pg, pglite-prisma-adapter, ...); bound here. */
  adapterFactory: SqlDriverAdapterFactory | SqlMigrationAwareDriverAdapterFactory;
  datamodels?: [string, string][];
  onLog?: (line: string) => void;
}

/**
 * Runs `fn` with a schema engine over the given adapter factory, then frees the engine and
 * disposes every connection it opened. The engine never disposes adapters itself, and an
 * undisposed adapter-pg pool keeps Node alive for its idle timeout (~10 s).
 */
export async function withSchemaEngine<T>(
  options: WithSchemaEngineOptions,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const raw = options.adapterFactory;
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: () => track(() => raw.connect()),
    connectToShadowDb: () =>
      'connectToShadowDb' in raw
        ? track(() => raw.connectToShadowDb())
        : Promise.reject(new Error('This runner never uses a shadow database.')),
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracked);
  let engine: SchemaEngine | undefined;
  try {
    engine = await openSchemaEngine({ adapterFactory: bound, datamodels: options.datamodels, onLog: options.onLog });
    return await fn(engine);
  } catch (error) {
    throw explainEngineError(error, bound.errorRegistry);
  } finally {
    try {
      engine?.free();
    } catch {
      // After a panic the engine is still "borrowed" and cannot be freed; leaking it is harmless.
    }
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * JS errors thrown inside the adapter reach us only as "External error id#N"; the original
 * error waits in the bound factory's registry. Surface it, keeping the engine's message.
 * A Rust panic arrives as a bare `RuntimeError: unreachable`; attach the panic message.
 */
function explainEngineError(error: unknown, registry: ErrorRegistry): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'RuntimeError' && lastPanic !== undefined) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new Error(`Prisma schema engine (wasm) panicked: ${panic}`, { cause: error });
  }
  const match = /External error id#(\d+)/.exec(message);
  const original = match ? registry.consumeError(Number(match[1]))?.error : undefined;
  if (original === undefined) return error;
  const detail = original instanceof Error ? original.message : inspect(original);
  return new Error(`${message.trim()}: ${detail}`, { cause: original });
}

