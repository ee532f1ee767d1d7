// The sign-in bundle, dist/azureSignIn.js: what signing in to Azure needs beyond VS Code's own
// API, loaded at the first use of a sign-in command or of a resource that uses Microsoft Entra ID
// (platform/azureAccess.ts requires it; esbuild.mjs makes it a bundle of its own).
export { AzureAccount, COMMUNICATION_SCOPE } from './azureAccount';
export type { AzureAccountOptions, Interaction, ProviderSession, SessionAccount, SessionChange, SessionCredential, SessionMode, SessionSource, SignedOutFlag } from './azureAccount';
export type { AzureSubscription, AzureTenant, CommunicationServiceResource } from './armClient';
