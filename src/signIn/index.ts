// The sign-in bundle, dist/azureSignIn.js: signing in to Azure, its commands and what it needs
// beyond VS Code's API (src/azure), loaded at first use by commands/flows/lazySignIn.ts (esbuild.mjs
// makes it a bundle of its own).
import type { SignInModule } from '../commands/flows/lazySignIn';
import { AzureSignIn } from './signInFeature';

export const createSignInFeature: SignInModule['createSignInFeature'] = (dependencies) => new AzureSignIn(dependencies);
