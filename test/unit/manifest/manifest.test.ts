import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../../src/commands/commandIds';
import { CLEAR_CLIPBOARD_SECONDS, REQUEST_TIMEOUT_SECONDS } from '../../../src/core/settingRanges';

// Keeps package.json, package.nls.json and the code in step: a command in the manifest that no
// code registers (or the reverse) fails here, not in a user's palette.
const ROOT = path.resolve(__dirname, '../../../..');

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    menus: Record<string, { command?: string; when?: string; group?: string }[]>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifestText = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function localized(value: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : nls[key];
}

const EXPECTED_TITLES: Record<string, string> = {
  'acsIdentity.addResource': 'Add Resource with Connection String…',
  'acsIdentity.removeResource': 'Remove Resource…',
  'acsIdentity.startEmulator': 'Start Local Emulator',
  'acsIdentity.createUser': 'Create User…',
  'acsIdentity.createUserAndToken': 'Create User and Issue Token…',
  'acsIdentity.issueToken': 'Issue Token…',
  'acsIdentity.revokeTokens': 'Revoke Tokens…',
  'acsIdentity.deleteUser': 'Delete User…',
  'acsIdentity.copyToken': 'Copy Token',
  'acsIdentity.copyUserId': 'Copy User ID',
  'acsIdentity.addExistingUser': 'Add Existing User by ID…',
  'acsIdentity.renameUser': 'Rename User…',
  'acsIdentity.forgetUser': 'Remove User from List…',
  'acsIdentity.showTokenClaims': 'Show Token Claims',
  'acsIdentity.refresh': 'Refresh',
  'acsIdentity.createUsersInBulk': 'Create Users in Bulk…',
  'acsIdentity.removeDamagedRecords': 'Remove Damaged Records…',
  'acsIdentity.exchangeTeamsUserToken': 'Exchange Teams User Token…',
  'acsIdentity.copyTokenAs': 'Copy Token As…',
  'acsIdentity.insertToken': 'Insert Token',
  'acsIdentity.exportUsers': 'Export Users…',
  'acsIdentity.importUsers': 'Import Users…',
  'acsIdentity.addResourceFromAzure': 'Add Resource from Azure…',
  'acsIdentity.fetchKey': 'Fetch Access Key from Azure',
  'acsIdentity.signIn': 'Sign In to Azure',
  'acsIdentity.signOut': 'Sign Out of Azure',
};

suite('manifest', () => {
  test('contributes exactly the commands of the design, with their titles, in category ACS', () => {
    const commands = manifest.contributes.commands;
    assert.deepEqual(commands.map((command) => command.command).sort(), Object.keys(EXPECTED_TITLES).sort());
    for (const command of commands) {
      assert.equal(localized(command.title), EXPECTED_TITLES[command.command], command.command);
      assert.equal(localized(command.category ?? ''), 'ACS', `${command.command} category`);
    }
  });

  // registerCommands registers a handler for every CommandId (its table is typed Record<CommandId, …>).
  test('the contributed commands are exactly the CommandIds of the code, in both directions', () => {
    const contributed = manifest.contributes.commands.map((command) => command.command);
    const inCode: string[] = Object.values(CommandId);
    assert.deepEqual(
      contributed.filter((id) => !inCode.includes(id)),
      [],
      'contributed in package.json but not a CommandId',
    );
    assert.deepEqual(
      inCode.filter((id) => !contributed.includes(id)),
      [],
      'a CommandId that package.json does not contribute',
    );
  });

  test('every %key% of package.json has an English text in package.nls.json', () => {
    const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.equal(typeof nls[key], 'string', `missing ${key}`);
    }
  });

  test('menus name only contributed commands, and match context values with anchored regexes', () => {
    const ids = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) {
        if (entry.command) {
          assert.ok(ids.has(entry.command), `${menu}: ${entry.command}`);
        }
        for (const match of (entry.when ?? '').matchAll(/viewItem\s*=~\s*\/([^/]+)\//g)) {
          assert.ok(match[1].startsWith('^'), `${menu}: ${entry.when} must anchor its regex`);
        }
      }
    }
  });

  test('activates only through its contributions', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });

  test('settings have the designed defaults', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; minimum?: number; maximum?: number }>;
    assert.deepEqual(properties['acsIdentity.defaultScopes'].default, ['chat', 'voip']);
    assert.equal(properties['acsIdentity.tokenLifetimeMinutes'].default, 1440);
    assert.equal(properties['acsIdentity.tokenLifetimeMinutes'].minimum, 60);
    assert.equal(properties['acsIdentity.tokenLifetimeMinutes'].maximum, 1440);
    assert.equal(properties['acsIdentity.statusBar.enabled'].default, true);
    assert.equal(properties['acsIdentity.requestTimeoutSeconds'].default, REQUEST_TIMEOUT_SECONDS.default);
    assert.equal(properties['acsIdentity.requestTimeoutSeconds'].minimum, REQUEST_TIMEOUT_SECONDS.min);
    assert.equal(properties['acsIdentity.requestTimeoutSeconds'].maximum, REQUEST_TIMEOUT_SECONDS.max);
    assert.equal(properties['acsIdentity.clearClipboardAfterSeconds'].default, 0, 'off by default');
    assert.equal(properties['acsIdentity.clearClipboardAfterSeconds'].minimum, CLEAR_CLIPBOARD_SECONDS.min);
    assert.equal(properties['acsIdentity.clearClipboardAfterSeconds'].maximum, CLEAR_CLIPBOARD_SECONDS.max);
  });
});
