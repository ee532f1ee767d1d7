// Bundles the extension, and beside it what it loads only when used: the emulator ("Start Local
// Emulator" requires dist/emulator.js, see src/localEmulator/emulatorHost.ts), the identity SDK
// (dist/identitySdk.js) and the sign-in to Azure (dist/azureSignIn.js, see src/commands/flows/lazySignIn.ts).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

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

/** The SDK is a bundle of its own, required at its first use from next to dist/extension.js. */
const lazyIdentitySdkPlugin = {
  name: 'lazy-identity-sdk',
  setup(build) {
    build.onResolve({ filter: /^@azure\/communication-identity$/ }, () => ({ path: './identitySdk.js', external: true }));
  },
};

/** The sign-in to Azure (src/signIn, with src/azure) is a bundle of its own too, required at its first use. */
const lazyAzureSignInPlugin = {
  name: 'lazy-azure-sign-in',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/signIn$/ }, (args) => (args.kind === 'require-call' ? { path: './azureSignIn.js', external: true } : undefined));
  },
};

const builds = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    // The emulator bundle is loaded at run time from next to this file, never bundled into it.
    external: ['vscode', './emulator.js'],
    plugins: [...common.plugins, lazyIdentitySdkPlugin, lazyAzureSignInPlugin],
  },
  azureSignIn: {
    ...common,
    entryPoints: ['src/signIn/index.ts'],
    outfile: 'dist/azureSignIn.js',
    external: ['vscode'],
  },
  identitySdk: {
    ...common,
    entryPoints: [require.resolve('@azure/communication-identity')],
    outfile: 'dist/identitySdk.js',
  },
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
