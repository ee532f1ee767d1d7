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
