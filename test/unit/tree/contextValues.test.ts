import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  baseRegex,
  buildContextValue,
  ContextValueBase,
  ContextValueFlag,
  flagRegex,
} from '../../../src/tree/contextValues';

const ROOT = path.resolve(__dirname, '../../../..');

suite('tree context values', () => {
  test('base first, then the true flags sorted, joined by ";"', () => {
    assert.equal(buildContextValue(ContextValueBase.user), 'acsUser');
    assert.equal(buildContextValue(ContextValueBase.user, { hasValidToken: true, hasToken: true }), 'acsUser;hasToken;hasValidToken');
    assert.equal(buildContextValue(ContextValueBase.user, { hasToken: true, hasValidToken: true }), 'acsUser;hasToken;hasValidToken');
    assert.equal(buildContextValue(ContextValueBase.token, { valid: false, expired: true }), 'acsToken;expired');
    assert.equal(buildContextValue(ContextValueBase.resource, { localEmulator: true }), 'acsResource;localEmulator');
  });

  test('a built value is matched by the regexes of its base and of each of its flags', () => {
    const value = buildContextValue(ContextValueBase.token, { revoked: true, expired: true });
    assert.ok(baseRegex(ContextValueBase.token).test(value));
    assert.ok(flagRegex(ContextValueBase.token, ContextValueFlag.expired).test(value));
    assert.ok(flagRegex(ContextValueBase.token, ContextValueFlag.revoked).test(value));
    assert.ok(!flagRegex(ContextValueBase.token, ContextValueFlag.valid).test(value));
  });

  test('base regexes are anchored: acsUser does not match acsUsers or xacsUser', () => {
    const user = baseRegex(ContextValueBase.user);
    assert.ok(user.test('acsUser'));
    assert.ok(user.test('acsUser;hasToken'));
    assert.ok(!user.test('acsUsers'));
    assert.ok(!user.test('xacsUser'));
    assert.ok(!user.test('acsToken;valid'));
  });

  test('a Teams user is not an ACS user: the menus of ACS users do not match it, nor the Teams users row', () => {
    const teamsUser = buildContextValue(ContextValueBase.teamsUser, { hasToken: true });
    assert.ok(!baseRegex(ContextValueBase.user).test(teamsUser));
    assert.ok(!flagRegex(ContextValueBase.user, ContextValueFlag.hasToken).test(teamsUser));
    assert.ok(baseRegex(ContextValueBase.teamsUser).test(teamsUser));
    assert.ok(!baseRegex(ContextValueBase.teamsUser).test(buildContextValue(ContextValueBase.teamsUsers)));
    assert.ok(!baseRegex(ContextValueBase.teamsUsers).test(teamsUser));
  });

  test('flag regexes match the flag anywhere in the list, and only whole flags', () => {
    const valid = flagRegex(ContextValueBase.token, ContextValueFlag.valid);
    assert.ok(valid.test('acsToken;valid'));
    assert.ok(valid.test(buildContextValue(ContextValueBase.token, { valid: true, localEmulator: true })));
    assert.ok(!valid.test('acsToken;expired'));
    assert.ok(!valid.test('acsToken;invalid'));
    assert.ok(!valid.test('acsToken;validated'));
    assert.ok(!valid.test('acsUser;valid'));
    const hasToken = flagRegex(ContextValueBase.user, ContextValueFlag.hasToken);
    assert.ok(hasToken.test('acsUser;hasToken;hasValidToken'));
    assert.ok(!hasToken.test('acsUser;hasValidToken'));
  });

  test('the menus of package.json use exactly these regexes', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { when?: string }[]> };
    };
    const expected = new Set(
      [
        baseRegex(ContextValueBase.resource),
        baseRegex(ContextValueBase.teamsUsers),
        baseRegex(ContextValueBase.user),
        baseRegex(ContextValueBase.teamsUser),
        baseRegex(ContextValueBase.token),
        baseRegex(ContextValueBase.damaged),
        flagRegex(ContextValueBase.user, ContextValueFlag.hasToken),
        flagRegex(ContextValueBase.teamsUser, ContextValueFlag.hasToken),
        flagRegex(ContextValueBase.token, ContextValueFlag.valid),
        flagRegex(ContextValueBase.resource, ContextValueFlag.fromAzure),
      ].map((regex) => regex.source.replace(/\\\//g, '/')),
    );
    const used = (manifest.contributes.menus['view/item/context'] ?? [])
      .map((item) => /viewItem =~ \/(.+)\//.exec(item.when ?? '')?.[1])
      .filter((source): source is string => source !== undefined);
    assert.ok(used.length > 0);
    for (const source of used) {
      assert.ok(expected.has(source), `unexpected viewItem regex /${source}/`);
    }
  });
});
