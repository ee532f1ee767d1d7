/** The scopes of api-version 2023-10-01, in the service's order (acs-identity-api.md §1.3). */
export const TOKEN_SCOPES = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** The service accepts integers in [60, 1440] and defaults to 1440 (acs-identity-api.md §1.3, §1.5). */
export const TOKEN_LIFETIME_MINUTES = { min: 60, max: 1440, default: 1440 } as const;

export function isValidTokenLifetime(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= TOKEN_LIFETIME_MINUTES.min && minutes <= TOKEN_LIFETIME_MINUTES.max;
}
