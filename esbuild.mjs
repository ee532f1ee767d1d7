// Bundles the extension, and beside it what it loads only when used: the emulator ("Start Local
// Emulator" requires dist/emulator.js, see src/localEmulator/emulatorHost.ts), the identity SDK
// (dist/identitySdk.js), the CSV library (dist/csv.js) and the sign-in to Azure (dist/azureSignIn.js,
// required by src/extension.ts, see src/commands/flows/lazySignIn.ts).
//
// Options: --production (minified)  --watch  --only=<build>
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readOptions() {
  try {
    return parseArgs({
      options: {
        production: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        only: { type: 'string' },
      },
    }).values;
  } catch (err) {
    console.error(`esbuild.mjs: ${err.message}`);
    process.exit(2);
  }
}
const { production, watch, only } = readOptions();

/** Prints errors in the `file:line:col: error: message` form that VS Code's esbuild problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
};

/**
 * Packages that are bundles of their own, required at their first use from next to dist/extension.js
 * (activation loads neither): the SDK, and the CSV library of Import/Export Users.
 */
const LAZY_BUNDLES = { '@azure/communication-identity': 'identitySdk', papaparse: 'csv' };

const lazyBundlesPlugin = {
  name: 'lazy-bundles',
  setup(build) {
    const names = Object.keys(LAZY_BUNDLES).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: `./${LAZY_BUNDLES[args.path]}.js`, external: true }));
  },
};

/** The sign-in to Azure (src/signIn, with src/azure) is a bundle of its own too, required at its first use. */
const lazyAzureSignInPlugin = {
  name: 'lazy-azure-sign-in',
  setup(build) {
    build.onResolve({ filter: /^\.\/signIn$/ }, (args) => (args.kind === 'require-call' ? { path: './azureSignIn.js', external: true } : undefined));
  },
};

const builds = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    // The emulator bundle is loaded at run time from next to this file, never bundled into it.
    external: ['vscode', './emulator.js'],
    plugins: [...common.plugins, lazyBundlesPlugin, lazyAzureSignInPlugin],
  },
  azureSignIn: {
    ...common,
    entryPoints: ['src/signIn/index.ts'],
    outfile: 'dist/azureSignIn.js',
    external: ['vscode'],
    plugins: [...common.plugins, lazyBundlesPlugin],
  },
  ...Object.fromEntries(
    Object.entries(LAZY_BUNDLES).map(([packageName, bundle]) => [bundle, { ...common, entryPoints: [require.resolve(packageName)], outfile: `dist/${bundle}.js` }]),
  ),
  emulator: {
    ...common,
    entryPoints: ['src/emulator/index.ts'],
    outfile: 'dist/emulator.js',
  },
};

const selected = only ? [builds[only]] : Object.values(builds);
if (selected.some((options) => options === undefined)) {
  console.error(`Unknown build "${only}"; expected one of: ${Object.keys(builds).join(', ')}`);
  process.exit(2);
}
if (watch) {
  for (const options of selected) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(selected.map((options) => esbuild.build(options)));
}
