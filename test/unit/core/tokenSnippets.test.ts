import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { formatToken, isTokenFormat, tokenFormatOutline } from '../../../src/core/tokenSnippets';

const ROOT = path.resolve(__dirname, '../../../..');
const ACS_USER = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081';
const TEAMS_USER = '8:orgid:0b1c0000-0000-4000-8000-0000000000c1';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOngifQ.c2lnbmF0dXJl';
const EXPIRES_ON = '2026-11-22T10:00:00.000Z';

/** Type errors of a TypeScript module that sits in the repository (so that it resolves our node_modules). */
function typeErrors(source: string): string[] {
  const directory = mkdtempSync(path.join(ROOT, 'out', 'snippet-'));
  try {
    const file = path.join(directory, 'snippet.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, types: [] });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

suite('a token as code takes it', () => {
  const value = { userId: ACS_USER, token: TOKEN, expiresOn: EXPIRES_ON };

  test('JSON: exactly userId, token and expiresOn', () => {
    assert.deepEqual(JSON.parse(formatToken('json', value)), value);
  });

  test('.env: one variable a line, the values as they are', () => {
    assert.equal(formatToken('env', value), `ACS_USER_ID=${ACS_USER}\nACS_TOKEN=${TOKEN}\nACS_TOKEN_EXPIRES_ON=${EXPIRES_ON}\n`);
  });

  test('the outline of a format names what it holds: the JSON fields, the .env variables', () => {
    assert.equal(tokenFormatOutline('json'), `{ ${Object.keys(JSON.parse(formatToken('json', value)) as object).join(', ')} }`);
    assert.equal(tokenFormatOutline('env'), 'ACS_USER_ID=…, ACS_TOKEN=…, ACS_TOKEN_EXPIRES_ON=…');
  });

  test('TypeScript: the credential and the identifier, and it compiles against @azure/communication-common', function () {
    this.timeout(30_000);
    const snippet = formatToken('typescript', value);
    assert.match(snippet, /new AzureCommunicationTokenCredential\("eyJ/);
    assert.match(snippet, /communicationUserId: "8:acs:/);
    assert.deepEqual(typeErrors(snippet), []);
    const teams = formatToken('typescript', { ...value, userId: TEAMS_USER });
    assert.match(teams, /microsoftTeamsUserId: "0b1c0000-0000-4000-8000-0000000000c1"/);
    assert.deepEqual(typeErrors(teams), []);
  });

  test('formats are named exactly', () => {
    assert.ok(isTokenFormat('env'));
    assert.ok(!isTokenFormat('ENV'));
    assert.ok(!isTokenFormat('yaml'));
  });
});
