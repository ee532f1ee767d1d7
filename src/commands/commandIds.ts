/** Every command of the extension; package.json `contributes.commands` lists the same ids. */
export const CommandId = {
  addResource: 'acsIdentity.addResource',
  removeResource: 'acsIdentity.removeResource',
  startEmulator: 'acsIdentity.startEmulator',
  createUser: 'acsIdentity.createUser',
  createUserAndToken: 'acsIdentity.createUserAndToken',
  issueToken: 'acsIdentity.issueToken',
  revokeTokens: 'acsIdentity.revokeTokens',
  deleteUser: 'acsIdentity.deleteUser',
  copyToken: 'acsIdentity.copyToken',
  copyUserId: 'acsIdentity.copyUserId',
  addExistingUser: 'acsIdentity.addExistingUser',
  renameUser: 'acsIdentity.renameUser',
  forgetUser: 'acsIdentity.forgetUser',
  showTokenClaims: 'acsIdentity.showTokenClaims',
  refresh: 'acsIdentity.refresh',
  createUsersInBulk: 'acsIdentity.createUsersInBulk',
  addResourceFromAzure: 'acsIdentity.addResourceFromAzure',
  fetchKey: 'acsIdentity.fetchKey',
  signIn: 'acsIdentity.signIn',
  signOut: 'acsIdentity.signOut',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];
