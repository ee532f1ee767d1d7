// The main workflows with VS Code's display language set to French (the run `integration-fr`),
// against the emulator: what a French-speaking person reads, word for word, in the manifest,
// the messages and their buttons, the questions, the tree and the status bar. After every test,
// everything shown is checked for an English text that has a French translation.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator } from '../../src/emulator';
import { useEmulator } from '../support/emulatorFixture';
import { addEmulatorResource, children, ENTER, ESCAPE, EXTENSION_ID, getApi, removeAllResources, resourceRow, run, tokenRows, userRow, waitFor, forgetPromptsAndMessages, type Harness } from '../integration/support';
import { englishIn, englishTemplates, shownTexts, type EnglishTemplate } from './support/englishTexts';

/** The no-break space French puts before ":" ";" "?" "!" and inside « ». */
const NB = '\u00a0';
const quoted = (name: string): string => `«${NB}${name}${NB}»`;
/** A date and time as French writes it (and so the extension, whose display language is French). */
const frenchDate = (value: string | Date): string => new Date(value).toLocaleString('fr');
const FRENCH_DATE = String.raw`\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}`;

const KEY = 'c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJjZGVmZ2hpams=';
const FOREIGN_USER = '8:acs:00000000-0000-0000-0000-000000000000_00000005-14a2-493b-8a72-5a3a0d000081';

interface Issued {
  userId: string;
  token: string;
  expiresOn: string;
}

interface CommandContribution {
  readonly command: string;
  readonly title: unknown;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

suite('In French: what a person reads', () => {
  const fixture = useEmulator({ throttle: false });
  let api: Harness;
  let extensionPath: string;
  let templates: EnglishTemplate[];
  let host: string;
  let resourceId: string;

  suiteSetup(async () => {
    api = await getApi();
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? '';
    templates = englishTemplates(extensionPath);
    await removeAllResources(api);
    host = new URL(fixture.emulator.endpoint).host;
    resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
  });
  setup(() => forgetPromptsAndMessages(api));
  teardown(async () => {
    api.tree.setClockOffset(0);
    assert.equal(api.prompts.pending, 0, 'queued answers were left unused');
    const texts = await shownTexts(api);
    assert.ok(texts.length > 0, 'nothing shown was read: the check for English would pass whatever is shown');
    assert.deepEqual(englishIn(texts, templates), [], 'a text is shown in English');
  });
  suiteTeardown(async () => {
    await removeAllResources(api);
  });

  test('VS Code speaks French: every command title, the view and the settings come from package.nls.fr.json', () => {
    assert.equal(vscode.env.language, 'fr');
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: CommandContribution[]; views: { acs: { name: string }[] }; configuration: { properties: Record<string, { markdownDescription: string }> } };
    };
    const raw = readJson<{ contributes: { commands: CommandContribution[] } }>(path.join(extensionPath, 'package.json'));
    const english = readJson<Record<string, string>>(path.join(extensionPath, 'package.nls.json'));
    const french = readJson<Record<string, string>>(path.join(extensionPath, 'package.nls.fr.json'));
    for (const { command, title } of raw.contributes.commands) {
      const key = String(title).replace(/^%|%$/g, '');
      const shown = manifest.contributes.commands.find((candidate) => candidate.command === command)?.title;
      assert.deepEqual(shown, { value: french[key], original: english[key] }, command);
    }
    const titleOf = (command: string): unknown => manifest.contributes.commands.find((candidate) => candidate.command === command)?.title;
    assert.deepEqual(titleOf('acsIdentity.createUser'), { value: 'Créer un utilisateur…', original: 'Create User…' });
    assert.deepEqual(titleOf('acsIdentity.copyToken'), { value: 'Copier le jeton', original: 'Copy Token' });
    assert.deepEqual(titleOf('acsIdentity.revokeTokens'), { value: 'Révoquer les jetons…', original: 'Revoke Tokens…' });
    assert.deepEqual(titleOf('acsIdentity.addResource'), { value: 'Ajouter une ressource avec une chaîne de connexion…', original: 'Add Resource with Connection String…' });
    assert.equal(manifest.contributes.views.acs[0].name, 'Identités');
    assert.equal(
      manifest.contributes.configuration.properties['acsIdentity.defaultScopes'].markdownDescription,
      'Étendues présélectionnées lors de l’émission d’un jeton.',
    );
  });

  test('a resource removed and added again from code: the messages and its row', async () => {
    await run('acsIdentity.removeResource', { resource: resourceId });
    resourceId = await addEmulatorResource(api, fixture.emulator, 'dev');
    assert.deepEqual(
      api.messages.map(({ severity, text }) => [severity, text]),
      [
        ['info', `${quoted('dev')} a été retirée.`],
        ['info', `${quoted('dev')} (${host}) a été ajoutée.`],
      ],
    );
    const dev = await resourceRow(api, 'dev');
    assert.equal(dev.description, host);
    const lines = dev.tooltip.split('\n');
    assert.equal(lines[0], 'dev');
    assert.equal(lines.at(-1), 'S’authentifie avec sa clé d’accès (la chaîne de connexion, dans le stockage de secrets de VS Code)');
  });

  test('from the palette: the connection string is asked and checked in French, then the name; the same endpoint again asks before replacing', async () => {
    api.prompts.push(`endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}x`, `endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`, ENTER);
    const added = await run<{ resourceId: string; name: string }>('acsIdentity.addResource');
    assert.equal(added.name, 'contoso');
    const [connectionPrompt, namePrompt] = api.prompts.records;
    assert.equal(connectionPrompt.kind, 'input');
    assert.deepEqual(connectionPrompt.text.split('\n').slice(0, 2), [
      'Ajouter une ressource avec une chaîne de connexion',
      'La chaîne de connexion de la page Clés de la ressource dans le portail Azure',
    ]);
    assert.deepEqual(connectionPrompt.validationMessages, ['La clé d’accès n’est pas du base64 valide (copiez-la de nouveau depuis le portail Azure).']);
    assert.equal(namePrompt.text, 'Ajouter une ressource avec une chaîne de connexion\nUn nom pour cette ressource dans la liste (p. ex. dev, test, prod)');
    assert.equal(namePrompt.proposed, 'contoso');
    assert.equal(api.messages.at(-1)?.text, `${quoted('contoso')} (contoso.communication.azure.com) a été ajoutée.`);

    api.prompts.push(`endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`, ESCAPE);
    assert.equal(await run('acsIdentity.addResource'), undefined);
    const modal = api.prompts.records.at(-1);
    assert.equal(modal?.kind, 'modal');
    assert.equal(modal?.text, `contoso.communication.azure.com figure déjà dans la liste sous le nom ${quoted('contoso')}. Remplacer sa chaîne de connexion${NB}?`);
    assert.deepEqual(modal?.choices, ['Remplacer']);

    await run('acsIdentity.removeResource', { resource: added.resourceId });
    assert.equal(api.messages.at(-1)?.text, `${quoted('contoso')} a été retirée.`);
  });

  test('a refused connection string, another service’s one, and an unknown resource are explained in French', async () => {
    assert.equal(await run('acsIdentity.addResource', { connectionString: 'endpoint=https://x.communication.azure.com/', name: 'x' }), undefined);
    assert.deepEqual(
      api.messages.map(({ severity, text }) => [severity, text]),
      [['error', `La chaîne de connexion n’a pas été ajoutée${NB}: La chaîne de connexion n’a pas de champ ${quoted('accesskey=')}.`]],
    );
    assert.equal(await run('acsIdentity.addResource', { connectionString: `AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=${KEY};` }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `La chaîne de connexion n’a pas été ajoutée${NB}: C’est une chaîne de connexion pour Azure Cosmos DB, pas pour Azure Communication Services${NB}: ` +
        'copiez celle de la page Clés de votre ressource Communication Services (endpoint=https://<nom>.communication.azure.com/;accesskey=…).',
    );
    assert.equal(await run('acsIdentity.createUser', { resource: 'nulle-part' }), undefined);
    assert.equal(api.messages.at(-1)?.text, `Aucune ressource ${quoted('nulle-part')} dans la liste.`);
    assert.deepEqual((await children(api)).map((resource) => resource.label), ['dev']);
  });

  test('a user from the palette, then its token from the button of the message: the questions and the tree in French', async () => {
    api.prompts.push('bea');
    const { userId } = await run<{ userId: string }>('acsIdentity.createUser');
    assert.equal(api.prompts.records[0].text, `Créer un utilisateur\nUn libellé pour reconnaître l’utilisateur dans la liste (facultatif${NB}; conservé dans VS Code uniquement)\np. ex. alice (appelante de test)`);
    const created = api.messages.at(-1);
    assert.equal(created?.text, `L’utilisateur bea a été créé dans ${quoted('dev')}.`);
    assert.deepEqual(created?.actions, ['Émettre un jeton']);

    api.prompts.push(['voip'], '30', '90');
    await created?.press('Émettre un jeton');
    const [scopes, lifetime] = api.prompts.records.slice(1);
    assert.equal(scopes.text, 'Émettre un jeton\nÉtendues du jeton');
    assert.deepEqual(scopes.choices, ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join']);
    assert.deepEqual(scopes.descriptions, [
      'Conversation',
      'Appels',
      'Conversation, sans créer, supprimer ni modifier de fils',
      'Conversation comme chat.join, sans ajouter ni retirer de participants',
      'Appels sans lancer de nouveaux appels (Rooms)',
    ]);
    assert.equal(lifetime.text, 'Émettre un jeton\nDurée de vie du jeton en minutes, de 60 (1 heure) à 1440 (24 heures)');
    assert.deepEqual(lifetime.validationMessages, ['Entrez un nombre entier de minutes de 60 à 1440.']);
    assert.match(api.messages.at(-1)?.text ?? '', new RegExp(`^Un jeton \\(voip\\) a été émis pour bea, valide jusqu’au ${FRENCH_DATE}\\.$`));

    const bea = await userRow(api, 'dev', userId);
    assert.equal(bea.description, '1 jeton valide');
    const lines = bea.tooltip.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['bea', `ID d’utilisateur${NB}: ${userId}`]);
    assert.match(lines[2], new RegExp(`^Créé le${NB}: ${FRENCH_DATE}$`));
    assert.match(lines[3], new RegExp(`^Dernier jeton${NB}: voip, expire dans 1 h 29 min \\(${FRENCH_DATE}\\)$`));
    const [token] = await tokenRows(api, 'dev', userId);
    assert.deepEqual([token.label, token.description], ['voip', 'expire dans 1 h 29 min']);
    assert.match(token.tooltip, new RegExp(`^Étendues${NB}: voip\nÉmis le${NB}: ${FRENCH_DATE}\nexpire dans 1 h 29 min \\(${FRENCH_DATE}\\)$`));
  });

  test('a user with a token, copied to the clipboard, then revoked after the modal confirmation', async () => {
    const issued = await run<Issued>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'alice', scopes: ['chat', 'voip'], lifetimeMinutes: 120 });
    const created = api.messages.at(-1);
    assert.equal(created?.text, `L’utilisateur alice a été créé dans ${quoted('dev')} avec un jeton (chat, voip) valide jusqu’au ${frenchDate(issued.expiresOn)}.`);
    assert.deepEqual(created?.actions, ['Copier le jeton']);

    await vscode.env.clipboard.writeText('');
    await run('acsIdentity.copyToken', { resource: resourceId, userId: issued.userId });
    assert.equal(await vscode.env.clipboard.readText(), issued.token);
    assert.deepEqual(
      api.messages.slice(-1).map(({ severity, text }) => [severity, text]),
      [['status', 'Un jeton de alice a été copié dans le Presse-papiers']],
    );

    const alice = await userRow(api, 'dev', issued.userId);
    api.prompts.push(ESCAPE, 'Révoquer les jetons');
    assert.equal(await run('acsIdentity.revokeTokens', alice.node), undefined);
    assert.deepEqual(await run('acsIdentity.revokeTokens', alice.node), { userId: issued.userId });
    const modal = api.prompts.records.at(-1);
    assert.equal(modal?.kind, 'modal');
    assert.equal(
      modal?.text,
      `Révoquer tous les jetons de alice dans ${quoted('dev')}${NB}?\nID d’utilisateur${NB}: ${issued.userId}\n` +
        'Tous les jetons émis pour cet utilisateur cessent de fonctionner (cela peut prendre jusqu’à 15 minutes). L’utilisateur lui-même est conservé.',
    );
    assert.deepEqual(modal?.choices, ['Révoquer les jetons']);
    assert.equal(api.messages.at(-1)?.text, 'Les jetons de alice ont été révoqués. Il peut falloir jusqu’à 15 minutes pour que tous les services les refusent.');
    assert.equal((await userRow(api, 'dev', issued.userId)).description, 'aucun jeton valide');
    const [token] = await tokenRows(api, 'dev', issued.userId);
    assert.deepEqual([token.label, token.description], ['chat, voip', 'révoqué']);
    assert.equal(token.tooltip.split('\n').at(-1), `révoqué (il aurait expiré le ${frenchDate(issued.expiresOn)})`);
  });

  test('time left: the tree and the status bar count down in French', async () => {
    const dora = await run<Issued>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'dora', scopes: ['chat'], lifetimeMinutes: 60 });
    await run('acsIdentity.issueToken', { resource: resourceId, userId: dora.userId, scopes: ['voip'], lifetimeMinutes: 75 });
    assert.equal((await userRow(api, 'dev', dora.userId)).description, '2 jetons valides');
    await waitFor(() => api.statusBar.tooltip.endsWith('celui de dora (voip).'), `the status bar to name dora's newest token, not ${api.statusBar.tooltip}`);
    assert.equal(api.statusBar.text, `$(key) ACS dev${NB}: 59 min`);
    assert.deepEqual(api.statusBar.tooltip.split('\n').map((line, index) => (index === 1 ? line.replace(/, le .*$/, '') : line)), [
      `Ressource utilisée${NB}: dev (${host})`,
      `Prochaine expiration${NB}: un jeton de dora (chat), dans 59 min`,
      'Cliquez pour copier le jeton valide le plus récent, celui de dora (voip).',
    ]);
    assert.ok(api.statusBar.tooltip.split('\n')[1].endsWith(`, le ${frenchDate(dora.expiresOn)}`));

    api.tree.setClockOffset(59.5 * 60_000);
    assert.deepEqual(
      (await tokenRows(api, 'dev', dora.userId)).map((token) => [token.label, token.description]),
      [
        ['voip', 'expire dans 15 min'],
        ['chat', 'expire dans moins d’une minute'],
      ],
    );
    api.tree.setClockOffset(61 * 60_000);
    const [, chat] = await tokenRows(api, 'dev', dora.userId);
    assert.deepEqual([chat.label, chat.description], ['chat', 'expiré']);
    assert.equal(chat.tooltip.split('\n').at(-1), `expiré le ${frenchDate(dora.expiresOn)}`);
    assert.equal((await userRow(api, 'dev', dora.userId)).description, '1 jeton valide');
  });

  test('errors: an unreachable endpoint, a user of another resource', async () => {
    const gone = await startEmulator({ port: 0 });
    const goneHost = new URL(gone.endpoint).host;
    let goneId: string | undefined;
    try {
      goneId = await addEmulatorResource(api, gone, 'ailleurs');
    } finally {
      await gone.close();
    }
    assert.equal(await run('acsIdentity.createUser', { resource: goneId }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `Impossible de créer un utilisateur dans ${quoted('ailleurs')}. Impossible de joindre ${goneHost}${NB}: vérifiez le point de terminaison et la connexion réseau.`,
    );
    await run('acsIdentity.removeResource', { resource: goneId });

    assert.equal(await run('acsIdentity.issueToken', { resource: resourceId, userId: FOREIGN_USER }), undefined);
    assert.equal(
      api.messages.at(-1)?.text,
      `Impossible d’émettre un jeton pour …5a3a0d000081. L’utilisateur …5a3a0d000081 appartient à une autre ressource Communication Services, pas à ${quoted('dev')}.`,
    );
  });

  test('the local emulator is listed as « Émulateur local »; stopped, the error offers to start it again', async () => {
    const started = await run<{ resourceId: string; endpoint: string }>('acsIdentity.startEmulator');
    assert.ok(started, api.messages.at(-1)?.text);
    try {
      assert.equal(api.messages.at(-1)?.text, `L’émulateur local s’exécute à ${started.endpoint} et figure dans la liste sous le nom ${quoted('Émulateur local')}.`);
      const emulatorRow = await resourceRow(api, 'Émulateur local');
      assert.equal(emulatorRow.tooltip.split('\n').at(-1), 'Émulateur local, exécuté dans VS Code');

      const { userId } = await run<{ userId: string }>('acsIdentity.createUser', { resource: started.resourceId, label: 'quinn' });
      await api.localEmulator.stop();
      assert.equal(await run('acsIdentity.issueToken', { resource: started.resourceId, userId }), undefined);
      const message = api.messages.at(-1);
      assert.equal(
        message?.text,
        `Impossible d’émettre un jeton pour quinn. Impossible de joindre l’émulateur local à ${new URL(started.endpoint).host}${NB}: exécutez ${quoted('Démarrer l’émulateur local')} pour le redémarrer.`,
      );
      assert.deepEqual(message?.actions, ['Démarrer l’émulateur local', 'Afficher le journal']);
    } finally {
      await api.localEmulator.stop();
      await run('acsIdentity.removeResource', { resource: started.resourceId });
    }
  });

  test('the claims of a token open in a document named in French', async () => {
    const issued = await run<Issued>('acsIdentity.createUserAndToken', { resource: resourceId, label: 'eva' });
    const shown = await run<{ uri: string }>('acsIdentity.showTokenClaims', { resource: resourceId, userId: issued.userId });
    assert.equal(path.posix.basename(vscode.Uri.parse(shown.uri).path), 'eva – revendications du jeton.json');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the check for English finds an English text, alone or inside a French one, and lets French through', () => {
    assert.equal(englishIn([`Created user bob in "dev".`], templates).length, 1);
    assert.equal(englishIn([`Impossible de créer un utilisateur dans ${quoted('dev')}. Cannot reach 127.0.0.1:1: check the endpoint and the network connection.`], templates).length, 1);
    assert.equal(englishIn(['Titre\nRemove'], templates).length, 1, 'a line of a prompt');
    assert.deepEqual(
      englishIn([`L’utilisateur bob a été créé dans ${quoted('dev')}.`, `ACS dev${NB}: 59 min`, '1 h 29 min', 'chat, voip', 'JSON', `Étendues${NB}: chat`], templates),
      [],
    );
  });
});
