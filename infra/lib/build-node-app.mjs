// Builds a Node app of this workspace (apps/api, apps/worker) into dist/: one ESM file per entry,
// with our own packages (@ip/*, shipped as TypeScript source) compiled in and every other package
// left as an import, resolved at run time from the app's own node_modules. So production runs
// plain `node dist/main.js`: no TypeScript compiler at start.
//
// Usage (from the app's folder): node ../../infra/lib/build-node-app.mjs src/main.ts [more entries]
// Fails, naming them, if the built code imports a package the app cannot resolve itself, or
// resolves to another copy than the package that imports it (pnpm installs each package's
// dependencies beside it, not beside the app): declare it in the app's package.json.
import { createRequire } from 'node:module';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const appDir = process.cwd();
const entries = process.argv.slice(2);
if (!entries.length) {
  console.error('usage: node ../../infra/lib/build-node-app.mjs <entry.ts>...');
  process.exit(2);
}
const requireFromApp = createRequire(join(appDir, 'package.json'));
const esbuild = requireFromApp('esbuild');

/** The package name of a bare import: `@scope/name` or `name`, without a subpath. */
const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Where a package's root is when resolved from `dir` (its package.json's folder, real path). */
function packageRoot(name, dir) {
  const req = createRequire(join(dir, 'noop.js'));
  for (const probe of [`${name}/package.json`, name]) {
    try {
      let p = realpathSync(req.resolve(probe));
      while (!p.endsWith(`/node_modules/${name}`) && p !== dirname(p)) p = dirname(p);
      if (p !== dirname(p)) return p;
    } catch { /* try the next probe */ }
  }
  // ESM-only packages without a require condition: find the folder by walking node_modules.
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    try {
      return realpathSync(join(d, 'node_modules', name));
    } catch { /* keep walking */ }
  }
  return null;
}

const problems = new Map();
const externals = new Set();
const workspacePackages = {
  name: 'workspace-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.path.startsWith('@ip/')) return undefined;
      const name = packageOf(args.path);
      if (requireFromApp('node:module').isBuiltin(name)) return { path: args.path, external: true };
      const wanted = packageRoot(name, args.resolveDir);
      const got = packageRoot(name, appDir);
      if (!got) problems.set(name, `not resolvable from ${relative(process.cwd(), appDir) || '.'} (imported by ${relative(appDir, args.importer)})`);
      else if (wanted && wanted !== got) problems.set(name, `the app resolves ${relative(appDir, got)}, ${relative(appDir, args.importer)} wants ${relative(appDir, wanted)}`);
      externals.add(name);
      return { path: args.path, external: true };
    });
  },
};

// Our packages find files beside their source (migrations, golden histories, fonts through
// createRequire) with import.meta.url. Compiled into dist/main.js that would point into dist/, so in
// their code it becomes the URL of the source file, relative to the built file: the source tree
// ships with the build (it does in the images, which copy the workspace).
const workspaceSource = {
  name: 'workspace-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`) || args.path.startsWith(appDir + sep)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(join(appDir, 'dist'), args.path).split(sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: args.path.endsWith('x') ? 'tsx' : /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};

const t0 = performance.now();
rmSync(join(appDir, 'dist'), { recursive: true, force: true, maxRetries: 3 });
const result = await esbuild.build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  splitting: false,
  logLevel: 'warning',
  metafile: true,
  plugins: [workspacePackages, workspaceSource],
  // Bundled CommonJS dependencies of our packages may call require(); give ESM output one.
  banner: { js: "import { createRequire as __ipCreateRequire } from 'node:module'; const require = __ipCreateRequire(import.meta.url);" },
});
if (problems.size) {
  console.error(`build-node-app: ${problems.size} package(s) the built code imports are not dependencies of ${appDir}:`);
  for (const [name, why] of problems) console.error(`  ${name}: ${why}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`build-node-app: ${entries.join(', ')} -> dist/ (${(bytes / 1024).toFixed(0)} KiB, ${externals.size} external packages) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
