import * as assert from 'node:assert/strict';
import {
  configurationFileKind,
  connectionStringsIn,
  connectionStringsInAppSettings,
  connectionStringsInDotEnv,
  connectionStringsInLocalSettings,
  parseJsonWithComments,
} from '../../../src/core/workspaceConnectionStrings';

const KEY = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';
const cs = (name: string): string => `endpoint=https://${name}.communication.azure.com/;accesskey=${KEY}`;

function names(found: { name: string; connection: { host: string } }[]): string[][] {
  return found.map((entry) => [entry.name, entry.connection.host]);
}

suite('connection strings in configuration files', () => {
  test('file kinds by name', () => {
    assert.equal(configurationFileKind('/w/api/.env'), 'dotenv');
    assert.equal(configurationFileKind('.env.local'), 'dotenv');
    assert.equal(configurationFileKind('C:\\w\\.env.production'), 'dotenv');
    assert.equal(configurationFileKind('local.settings.json'), 'localSettings');
    assert.equal(configurationFileKind('appsettings.json'), 'appSettings');
    assert.equal(configurationFileKind('appsettings.Development.json'), 'appSettings');
    assert.equal(configurationFileKind('settings.json'), undefined);
    assert.equal(configurationFileKind('env.txt'), undefined);
  });

  test('.env: plain, quoted, exported, commented; only valid ACS connection strings', () => {
    const text = [
      '# ACS',
      `PLAIN=${cs('plain')}`,
      `DOUBLE="${cs('double')}"`,
      `SINGLE='${cs('single')}' # the single one`,
      `export EXPORTED = ${cs('exported')}`,
      `BARE_COMMENT=${cs('bare')} # trailing comment`,
      `  INDENTED=\`${cs('backtick')}\``,
      `# COMMENTED=${cs('commented')}`,
      'BROKEN=endpoint=https://x.communication.azure.com/;accesskey=not base64!',
      'OTHER=postgres://localhost/db',
      'NOVALUE=',
      '\r',
    ].join('\r\n');
    assert.deepEqual(names(connectionStringsInDotEnv(text)), [
      ['PLAIN', 'plain.communication.azure.com'],
      ['DOUBLE', 'double.communication.azure.com'],
      ['SINGLE', 'single.communication.azure.com'],
      ['EXPORTED', 'exported.communication.azure.com'],
      ['BARE_COMMENT', 'bare.communication.azure.com'],
      ['INDENTED', 'backtick.communication.azure.com'],
    ]);
    assert.equal(connectionStringsInDotEnv(`A=${cs('plain')}`)[0].connection.accessKey, KEY);
  });

  test('local.settings.json: the Values only', () => {
    const text = JSON.stringify({
      IsEncrypted: false,
      Values: { AzureWebJobsStorage: 'UseDevelopmentStorage=true', ACS_CONNECTION_STRING: cs('functions'), Count: 3 },
      ConnectionStrings: { Elsewhere: cs('elsewhere') },
    });
    assert.deepEqual(names(connectionStringsInLocalSettings(text)), [['ACS_CONNECTION_STRING', 'functions.communication.azure.com']]);
    assert.deepEqual(connectionStringsInLocalSettings('{ "Values": [] }'), []);
    assert.deepEqual(connectionStringsInLocalSettings('not json'), []);
  });

  test('appsettings*.json: any string anywhere, named by its configuration path; comments and trailing commas allowed', () => {
    const text = `{
      // The ACS resource of this app: https://portal.azure.com
      "ConnectionStrings": { "Acs": "${cs('aspnet')}", },
      /* several
         resources */
      "Tenants": [ { "Name": "a", "Acs": "${cs('tenant-a')}" }, { "Acs": "${cs('tenant-b')}" }, ],
      "Url": "https://example.com/a//b",
      "Escaped": "quote \\" and // not a comment",
    }`;
    assert.deepEqual(names(connectionStringsInAppSettings(text)), [
      ['ConnectionStrings:Acs', 'aspnet.communication.azure.com'],
      ['Tenants:0:Acs', 'tenant-a.communication.azure.com'],
      ['Tenants:1:Acs', 'tenant-b.communication.azure.com'],
    ]);
    assert.deepEqual(connectionStringsIn('appSettings', `"${cs('top')}"`).map((entry) => entry.name), ['']);
  });

  test('JSON with comments keeps what is inside strings', () => {
    assert.deepEqual(parseJsonWithComments('{"a": "x // y", /* c */ "b": [1, 2,], // end\n}'), { a: 'x // y', b: [1, 2] });
    assert.deepEqual(parseJsonWithComments('{"a": "\\\\", "b": ","}'), { a: '\\', b: ',' });
    assert.equal(parseJsonWithComments('{ "a": '), undefined);
  });
});
