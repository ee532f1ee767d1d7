// Lint: typescript-eslint with type information, and the layers of src/ as import restrictions.
// Layers, bottom to top (a folder imports only from folders below it):
//   shared -> core -> storage -> acs | azure | localEmulator -> platform -> tree | ui -> commands -> signIn -> extension.ts
// signIn (the sign-in to Azure, a bundle of its own) is loaded by extension.ts with `require` and
// handed to commands/flows/lazySignIn.ts: nothing below it imports it.
// The emulator (its own bundle) imports only itself and shared. Pure logic (core, shared) never
// imports vscode; only extension.ts imports the test API; nothing in src imports from test/.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = ['shared', 'core', 'storage', 'acs', 'azure', 'localEmulator', 'platform', 'tree', 'ui', 'commands', 'signIn'];

/** Import patterns that name a folder of src/ from anywhere inside src/. */
const folder = (name) => [`./${name}`, `./${name}/*`, `../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`, `../../../${name}/*`];
const vscodeImport = { name: 'vscode', message: 'Pure logic does not import vscode.' };
const testImport = { group: ['**/test/**', '../../test/*', '../../../test/*'], message: 'Test machinery stays out of src/.' };
const testApiImport = { group: ['**/testApi'], message: 'Only extension.ts builds the test API.' };

/** A restriction block for `files` that forbids importing the `forbidden` folders. */
function layer(files, forbidden, { pure = false, extra = [] } = {}) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pure ? [vscodeImport] : [],
          patterns: [
            ...forbidden.map((name) => ({ group: folder(name), message: `src/${files[0].split('/')[1]} must not import src/${name}: it sits below it or beside it (see the layers at the top of eslint.config.mjs).` })),
            testImport,
            testApiImport,
            ...extra,
          ],
        },
      ],
    },
  };
}

/** The layers above `name` in LAYERS, and the emulator. */
const above = (name) => [...LAYERS.slice(LAYERS.indexOf(name) + 1), 'emulator'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'media/**', 'bench/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } }, 'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      curly: 'error',
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  layer(['src/shared/**'], above('shared'), { pure: true }),
  // The emulator sits beside the extension's layers, on shared alone.
  layer(['src/emulator/**'], LAYERS.filter((name) => name !== 'shared'), { pure: true }),
  layer(['src/core/**'], above('core'), { pure: true }),
  layer(['src/storage/**'], above('storage'), { pure: true }),
  // acs, azure (the management plane and the sign-in, its own bundle) and localEmulator are siblings.
  layer(['src/acs/**'], above('acs'), { pure: true }),
  layer(['src/azure/**'], above('azure').concat('acs', 'storage'), { pure: true }),
  layer(['src/localEmulator/**'], above('localEmulator').filter((name) => name !== 'emulator').concat('acs', 'azure'), { pure: true }),
  layer(['src/platform/**'], above('platform')),
  layer(['src/tree/**'], above('ui').concat('ui')),
  layer(['src/ui/**'], above('ui').concat('tree')),
  // A handler's file exports its handler only: handlers never import each other; shared flows live in commands/flows.
  layer(['src/commands/*.ts'], ['emulator', 'signIn'], {
    extra: [{ regex: '^\\./(?!flows/|services$|commandIds$)', message: 'A command handler imports other handlers only through registerCommands; shared flows go to commands/flows.' }],
  }),
  { files: ['src/commands/registerCommands.ts'], rules: { 'no-restricted-imports': 'off' } },
  layer(['src/commands/flows/**'], ['emulator', 'signIn'], {
    extra: [{ regex: '^\\.\\./(?!services$|commandIds$)[^./][^/]*$', message: 'Shared flows do not import command handlers.' }],
  }),
  layer(['src/signIn/**'], ['emulator']),
  // The emulator's own CLI prints; the extension logs through its LogOutputChannel.
  { files: ['src/emulator/cli.ts'], rules: { 'no-console': 'off' } },
  { files: ['test/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
