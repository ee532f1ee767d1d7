// The user map in and out: Export Users writes ids, labels and creation times (never a token or a
// key) to the file chosen; Import Users merges such a file into a resource, skipping what is
// already listed or not valid, and says so.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addEmulatorResource, children, ESCAPE, getApi, lastMessageText, messagesDuring, removeAllResources, resourceRow, run, userRows, forgetPromptsAndMessages, assertTestEndedClean, type Harness } from './support';
import { normalizeLabel } from '../../src/core/displayText';
import { useEmulator } from '../support/emulatorFixture';
import { entraIdToken } from '../unit/emulator/emulatorClient';

const KEY = 'cHJvZC1rZXktZm9yLXRlc3RzLW9mLXRoZS11c2VyLW1hcC0wMTIzNDU2Nzg5YQ==';
const LABELS = ['He said "hi", then left', 'Smith, John', 'two\nlines', 'שלום, עולם — مرحبا'];

interface Issued {
  userId: string;
  token: string;
}

suite('Export and import users', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let devId: string;
  let prodId: string;
  let directory: string;
  const secrets: string[] = [KEY];
  const created: string[] = [];

  suiteSetup(async () => {
    api = await getApi();
    await removeAllResources(api);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'acs-user-map-'));
    devId = await addEmulatorResource(api, fixture.emulator, 'dev');
    secrets.push(fixture.emulator.connectionString.split('accesskey=')[1]);
    prodId = (await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' })).resourceId;
    for (const label of LABELS) {
      const issued = await run<Issued>('acsIdentity.createUserAndToken', { resource: devId, label });
      created.push(issued.userId);
      secrets.push(issued.token);
    }
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: devId });
    created.push(userId);
    // A Teams user is not an ACS user of the resource: it is not exported.
    const appid = '0a0b0000-0000-4000-8000-0000000000a1';
    const oid = '0b1c0000-0000-4000-8000-0000000000c1';
    const teams = await run<Issued>('acsIdentity.exchangeTeamsUserToken', {
      resource: devId,
      teamsToken: entraIdToken({ appid, oid, exp: Math.floor(Date.now() / 1000) + 3600 }),
      appId: appid,
      userObjectId: oid,
    });
    secrets.push(teams.token);
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(() => assertTestEndedClean(api, secrets));
  suiteTeardown(async () => {
    await removeAllResources(api);
    await fs.rm(directory, { recursive: true, force: true });
  });

  async function labelsOf(resource: string): Promise<Map<string, string>> {
    const rows = await userRows(api, resource);
    return new Map(rows.flatMap((row) => (row.node.kind === 'user' ? [[row.node.user.userId, row.node.user.label ?? '']] : [])));
  }

  test('Export Users on a resource writes the CSV chosen in the save dialog: ids, labels and times, no token, no key', async () => {
    const file = path.join(directory, 'dev-users.csv');
    api.prompts.push(file);
    const dev = (await resourceRow(api, 'dev')).node;
    const shown = await messagesDuring(api, () => run('acsIdentity.exportUsers', dev));
    assert.deepEqual(api.prompts.records.map((prompt) => [prompt.kind, prompt.choices, prompt.proposed]), [['saveFile', ['JSON', 'CSV'], 'dev-users.json']]);
    assert.deepEqual(shown, [{ severity: 'info', text: 'Exported 5 users of "dev" to dev-users.csv.', actions: [] }]);
    const text = await fs.readFile(file, 'utf8');
    assert.match(text, /^id,label,created\r\n/);
    for (const userId of created) {
      assert.ok(text.includes(userId), `${userId} is missing`);
    }
    assert.ok(!text.includes('8:orgid:'), 'a Teams user was exported');
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), 'a secret is in the exported file');
    }
    assert.ok(!/eyJ/.test(text), 'something like a token is in the exported file');
  });

  test('Import Users of that file into another resource: the same users with the same labels, quotes, commas and right-to-left text (a line break in a label is stored as a space)', async () => {
    api.prompts.push(path.join(directory, 'dev-users.csv'));
    const result = await run<{ imported: string[]; skipped: unknown[] }>('acsIdentity.importUsers', (await resourceRow(api, 'prod')).node);
    assert.deepEqual(api.prompts.records.map((prompt) => [prompt.kind, prompt.choices]), [['openFile', ['JSON', 'CSV']]]);
    assert.deepEqual(result, { imported: created, skipped: [] });
    assert.equal(lastMessageText(api), 'Imported 5 users into "prod" from dev-users.csv.');
    assert.deepEqual(await labelsOf('prod'), await labelsOf('dev'));
    assert.deepEqual([...(await labelsOf('prod')).values()], [...LABELS.map((label) => normalizeLabel(label)), '']);
    // Imported users have no tokens: tokens never travel in the file.
    const prodUsers = await children(api, (await resourceRow(api, 'prod')).node);
    assert.ok(prodUsers.every((row) => row.description === 'no valid token'));
  });

  test('the same file again imports nothing: every user is already in the list, and the summary says so', async () => {
    const result = await run<{ imported: string[]; skipped: { entry: number; reason: string }[] }>('acsIdentity.importUsers', {
      resource: prodId,
      file: path.join(directory, 'dev-users.csv'),
    });
    assert.deepEqual(result.imported, []);
    assert.deepEqual(result.skipped.map((skip) => skip.reason), Array(5).fill('alreadyListed'));
    const message = api.messages.at(-1);
    assert.equal(message?.severity, 'warning');
    assert.equal(message?.text, 'Imported no users into "prod" from dev-users.csv; skipped 5: 5 already in the list. The log says which and why.');
    assert.deepEqual(message?.actions, ['Show Log']);
  });

  test('from code as JSON: malformed entries are skipped with their reasons, the rest imported in one go', async () => {
    await run('acsIdentity.removeResource', { resource: prodId });
    prodId = (await run<{ resourceId: string }>('acsIdentity.addResource', { connectionString: `endpoint=https://prod.communication.azure.com/;accesskey=${KEY}`, name: 'prod' })).resourceId;
    const exported = await run<{ file: string; format: string; count: number }>('acsIdentity.exportUsers', { resource: devId, file: path.join(directory, 'dev.json') });
    assert.equal(exported.format, 'json');
    assert.equal(exported.count, 5);
    const entries = JSON.parse(await fs.readFile(path.join(directory, 'dev.json'), 'utf8')) as { id: string; label: string; created: string }[];
    assert.deepEqual(Object.keys(entries[0]).sort(), ['created', 'id', 'label']);
    const file = path.join(directory, 'mixed.json');
    await fs.writeFile(
      file,
      JSON.stringify([
        entries[0],
        { id: 'alice', label: 'no id' },
        { ...entries[1], label: 7 },
        { ...entries[2], created: 'last Tuesday' },
        entries[0],
        entries[3],
      ]),
    );
    const result = await run<{ imported: string[]; skipped: { entry: number; reason: string }[] }>('acsIdentity.importUsers', { resource: 'prod', file });
    assert.deepEqual(result.imported, [entries[0].id, entries[3].id]);
    assert.deepEqual(result.skipped, [
      { entry: 2, reason: 'invalidId' },
      { entry: 3, reason: 'labelNotText' },
      { entry: 4, reason: 'invalidCreated' },
      { entry: 5, reason: 'repeated' },
    ]);
    assert.equal(
      lastMessageText(api),
      'Imported 2 users into "prod" from mixed.json; skipped 4: 1 without a valid user ID, 1 with a label that is not text, 1 with a creation time that is not a date, 1 repeated in the file. The log says which and why.',
    );
    assert.deepEqual([...(await labelsOf('prod')).keys()].sort(), [entries[0].id, entries[3].id].sort());
    assert.deepEqual(api.prompts.records, []);
  });

  test('a file that is not a user map, or not there, is refused plainly; Escape in the dialog does nothing', async () => {
    const notCsv = path.join(directory, 'names.csv');
    await fs.writeFile(notCsv, 'name,email\nalice,alice@example.com\n');
    assert.equal(await run('acsIdentity.importUsers', { resource: prodId, file: notCsv }), undefined);
    assert.equal(lastMessageText(api), 'names.csv has no "id" column (the columns are id, label, created): nothing was imported.');
    assert.equal(await run('acsIdentity.importUsers', { resource: prodId, file: path.join(directory, 'missing.json') }), undefined);
    assert.equal(lastMessageText(api), 'Could not read missing.json: see the "ACS Identities" output for details.');
    assert.equal(await run('acsIdentity.exportUsers', { resource: prodId, file: path.join(directory, 'users.txt') }), undefined);
    assert.equal(lastMessageText(api), 'Export Users: users.txt does not end in .json or .csv; name its format with the "format" option.');
    assert.equal(await run('acsIdentity.exportUsers', { resource: prodId }), undefined);
    assert.equal(lastMessageText(api), 'Export Users: the "file" option is required (a path or a file URI).');
    api.clearMessages();
    api.prompts.push(ESCAPE);
    assert.equal(await run('acsIdentity.importUsers', (await resourceRow(api, 'prod')).node), undefined);
    assert.deepEqual(api.messages, []);
  });
});
