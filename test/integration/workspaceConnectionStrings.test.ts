// Add Resource offers the connection strings already in the workspace: .env files,
// local.settings.json, appsettings*.json, each by its host and file (never its key); files that
// files.exclude or search.exclude hide are not read.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { assertNoSecretShown, children, forgetPromptsAndMessages, getApi, lastMessageText, removeAllResources, run, type Harness } from './support';

const KEY = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';
const OTHER_KEY = 'b3RoZXIta2V5LWZvci10ZXN0cy1vbmx5LTEyMzQ1Njc4OTBhYmNkZWZnaGlqaw==';
const cs = (name: string, key = KEY): string => `endpoint=https://${name}.communication.azure.com/;accesskey=${key}`;

/** The files written into the test workspace, by path relative to its folder. */
const FILES: Record<string, string> = {
  '.env': `# local secrets\nexport ACS_CONNECTION_STRING="${cs('dotenv')}"\nOTHER=value\n`,
  '.gitignore': '.env\nlocal.settings.json\nbin/\n',
  'api/local.settings.json': JSON.stringify({ IsEncrypted: false, Values: { ACS: cs('functions'), FUNCTIONS_WORKER_RUNTIME: 'node' } }, null, 2),
  'web/appsettings.Development.json': `{\n  // the resource of this app\n  "ConnectionStrings": { "Acs": "${cs('aspnet', OTHER_KEY)}", },\n}\n`,
  // A build's copy of the same setting: offered once, from the file nearest the root.
  'web/bin/Debug/appsettings.Development.json': `{ "ConnectionStrings": { "Acs": "${cs('aspnet', OTHER_KEY)}" } }`,
  // Hidden by the default search.exclude, and by files.exclude (set below).
  'node_modules/some-package/.env': `ACS=${cs('in-node-modules')}\n`,
  'excluded/.env': `ACS=${cs('in-excluded-folder')}\n`,
};

suite('Connection strings in the workspace', () => {
  let api: Harness;
  let root: string;

  suiteSetup(async () => {
    api = await getApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    root = folder.uri.fsPath;
    for (const [file, content] of Object.entries(FILES)) {
      await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await fs.writeFile(path.join(root, file), content);
    }
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Workspace);
  });
  setup(async () => {
    await removeAllResources(api);
    forgetPromptsAndMessages(api);
  });
  teardown(() => assertNoSecretShown(api, [KEY, OTHER_KEY]));
  suiteTeardown(async () => {
    await removeAllResources(api);
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    // .vscode stays: VS Code watches it once it exists (files.exclude was written there and is now removed).
    for (const entry of ['.env', '.gitignore', 'api', 'web', 'node_modules', 'excluded']) {
      await fs.rm(path.join(root, entry), { recursive: true, force: true });
    }
  });

  test('each is offered once, by host and by file, nearest the root first; excluded folders are not read', async () => {
    api.prompts.push({ escape: true });
    assert.equal(await run('acsIdentity.addResource'), undefined);
    const [pick] = api.prompts.records;
    assert.equal(pick.kind, 'quickPick');
    assert.deepEqual(pick.choices, ['dotenv.communication.azure.com', 'functions.communication.azure.com', 'aspnet.communication.azure.com', 'Enter a connection string…']);
    assert.deepEqual(pick.descriptions, ['ACS_CONNECTION_STRING in .env', 'ACS in api/local.settings.json', 'ConnectionStrings:Acs in web/appsettings.Development.json', '']);
  });

  test('picking one adds the resource with that connection string, asking only its name', async () => {
    api.prompts.push('aspnet.communication.azure.com', 'web-dev');
    const result = await run<{ resourceId: string; name: string }>('acsIdentity.addResource');
    assert.equal(result.name, 'web-dev');
    assert.deepEqual(api.prompts.records.map((prompt) => prompt.kind), ['quickPick', 'input']);
    assert.equal(api.prompts.records[1].proposed, 'aspnet');
    assert.deepEqual((await children(api)).map((row) => [row.label, row.description]), [['web-dev', 'aspnet.communication.azure.com']]);
    assert.equal(await api.readSecret(`acsIdentity.connectionString/${result.resourceId}`), cs('aspnet', OTHER_KEY));
    assert.equal(lastMessageText(api), 'Added "web-dev" (aspnet.communication.azure.com).');
  });

  test('with the environment variable set, it comes first; "Enter a connection string…" still asks for one', async () => {
    process.env.COMMUNICATION_SERVICES_CONNECTION_STRING = cs('from-environment');
    try {
      api.prompts.push('Enter a connection string…', cs('typed'), 'typed');
      await run('acsIdentity.addResource');
      assert.deepEqual(api.prompts.records[0].choices, [
        'Use COMMUNICATION_SERVICES_CONNECTION_STRING',
        'dotenv.communication.azure.com',
        'functions.communication.azure.com',
        'aspnet.communication.azure.com',
        'Enter a connection string…',
      ]);
      assert.deepEqual((await children(api)).map((row) => row.description), ['typed.communication.azure.com']);
    } finally {
      delete process.env.COMMUNICATION_SERVICES_CONNECTION_STRING;
    }
  });
});
