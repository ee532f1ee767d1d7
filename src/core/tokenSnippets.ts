// A token as code needs it: JSON, `.env` lines, or TypeScript that builds the credential the chat
// and calling SDKs take. Strings are written with JSON.stringify, so any value stays one literal.
import { teamsUserObjectId } from './teamsUsers';

export const TOKEN_FORMATS = ['json', 'env', 'typescript'] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

export function isTokenFormat(value: string): value is TokenFormat {
  return (TOKEN_FORMATS as readonly string[]).includes(value);
}

export interface TokenForCode {
  readonly userId: string;
  readonly token: string;
  /** ISO 8601 */
  readonly expiresOn: string;
}

/** The variables the `.env` format sets. */
const ENV_VARIABLES = { userId: 'ACS_USER_ID', token: 'ACS_TOKEN', expiresOn: 'ACS_TOKEN_EXPIRES_ON' } as const;

/**
 * What a format holds, in one line (the description of its pick): the JSON's fields, or the `.env`
 * variables. Code, not prose: it is shown as it is in every language.
 */
export function tokenFormatOutline(format: Exclude<TokenFormat, 'typescript'>): string {
  const fields = Object.keys(ENV_VARIABLES) as (keyof typeof ENV_VARIABLES)[];
  return format === 'json' ? `{ ${fields.join(', ')} }` : fields.map((field) => `${ENV_VARIABLES[field]}=…`).join(', ');
}

export function formatToken(format: TokenFormat, value: TokenForCode): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ userId: value.userId, token: value.token, expiresOn: value.expiresOn }, null, 2)}\n`;
    case 'env':
      // Ids, JWTs and ISO dates hold no blank, quote or `#`: no quoting needed.
      return [`${ENV_VARIABLES.userId}=${value.userId}`, `${ENV_VARIABLES.token}=${value.token}`, `${ENV_VARIABLES.expiresOn}=${value.expiresOn}`, ''].join('\n');
    case 'typescript':
      return typeScriptSnippet(value);
  }
}

/**
 * `@azure/communication-common`'s credential and the user's identifier: what `new ChatClient(endpoint,
 * credential)` and `callClient.createCallAgent(credential)` take (a Teams user's identifier is its
 * object id, for `createTeamsCallAgent`).
 */
function typeScriptSnippet(value: TokenForCode): string {
  const objectId = teamsUserObjectId(value.userId);
  const identifier = objectId
    ? { type: 'MicrosoftTeamsUserIdentifier', literal: `{ microsoftTeamsUserId: ${JSON.stringify(objectId)} }` }
    : { type: 'CommunicationUserIdentifier', literal: `{ communicationUserId: ${JSON.stringify(value.userId)} }` };
  return [
    `import { AzureCommunicationTokenCredential, type ${identifier.type} } from '@azure/communication-common';`,
    '',
    `export const user: ${identifier.type} = ${identifier.literal};`,
    `export const tokenExpiresOn = new Date(${JSON.stringify(value.expiresOn)});`,
    `export const credential = new AzureCommunicationTokenCredential(${JSON.stringify(value.token)});`,
    '',
  ].join('\n');
}
