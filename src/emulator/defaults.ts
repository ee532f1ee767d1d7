/** Fixed so that the README, launch configurations and the extension can name the emulator without asking. */
export const DEFAULT_EMULATOR_PORT = 10300;
export const DEFAULT_EMULATOR_HOST = '127.0.0.1';

/**
 * The documented development key: base64 of the 64 ASCII bytes
 * "acs-identity-emulator-development-key-not-a-secret-do-not-ship!!". Real ACS keys are also
 * 64 bytes in base64 (88 characters), so clients treat it like a real one. It is public on purpose.
 */
export const DEVELOPMENT_ACCESS_KEY =
  'YWNzLWlkZW50aXR5LWVtdWxhdG9yLWRldmVsb3BtZW50LWtleS1ub3QtYS1zZWNyZXQtZG8tbm90LXNoaXAhIQ==';

/** The immutable GUID of the emulated ACS resource; user ids are `8:acs:<this>_<user part>`. */
export const EMULATED_RESOURCE_ID = 'ac5e0000-0000-4000-8000-000000000001';

/**
 * The resource's second key, public like the first: Azure resources have two keys (listKeys
 * returns both) and accept either, so clients that rotate between them can be tested.
 * Base64 of the 64 ASCII bytes "acs-identity-emulator-secondary-key-public-too-do-not-ship-it!!!".
 */
export const DEVELOPMENT_SECONDARY_ACCESS_KEY =
  'YWNzLWlkZW50aXR5LWVtdWxhdG9yLXNlY29uZGFyeS1rZXktcHVibGljLXRvby1kby1ub3Qtc2hpcC1pdCEhIQ==';

/** The emulated Entra ID tenant that owns the emulated subscription. */
export const EMULATED_TENANT_ID = 'ac5e0000-0000-4000-8000-00000000000a';

/** The emulated subscription that holds the emulated Communication Services resource. */
export const EMULATED_SUBSCRIPTION_ID = 'ac5e0000-0000-4000-8000-00000000000b';
