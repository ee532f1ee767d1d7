// The management plane and the account, without VS Code: what the sign-in bundle (src/signIn)
// builds on.
export { AzureAccount, COMMUNICATION_SCOPE } from './azureAccount';
export type { AzureAccountOptions, Interaction, ProviderSession, SessionAccount, SessionChange, SessionCredential, SessionMode, SessionSource, SignedOutFlag } from './azureAccount';
export type { AzureSubscription, AzureTenant, CommunicationServiceResource } from './armClient';
