import { BearerTokenCheck } from '../bearerToken';
import { ServiceError } from '../errors';

/**
 * Resource Manager's errors: `{"error":{"code","message"}}` (common-types ErrorResponse). The
 * codes and messages below are ARM's own, as public error reports quote them; each says where
 * it was seen. Where none was found, the wording is ours and says so.
 */

/** The audiences ARM accepts, in the order its InvalidAuthenticationTokenAudience message lists them. */
export const ARM_AUDIENCES: readonly string[] = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
];

/** 401 for each way a bearer token can fail. */
export function armAuthenticationError(check: Extract<BearerTokenCheck, { ok: false }>, nowMs: number): ServiceError {
  switch (check.problem) {
    case 'missing':
      // hashicorp/terraform-provider-azurerm#3612, Azure/azure-sdk-for-net#4103
      return new ServiceError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    case 'notBearer':
      // Azure/azure-sdk-for-python#4124
      return new ServiceError(401, 'AuthenticationFailedInvalidHeader', "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    case 'malformed':
      // Azure/azure-powershell#27882 (title)
      return new ServiceError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    case 'expired':
      // microsoft/vscode-azureappservice#2483, microsoft/foundry-dev-tools#461 (times in .NET's en-US format)
      return new ServiceError(
        401,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${dotNetUtc(Number(check.claims?.exp) * 1000)}' is earlier than current UTC time '${dotNetUtc(nowMs)}'.`,
      );
    case 'audience':
      // Azure-Samples/active-directory-dotnetcore-daemon-v2#145, JetBrains/azure-tools-for-intellij#16
      return new ServiceError(
        401,
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${String(check.claims?.aud)}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map((audience) => `'${audience}'`).join(',')}.`,
      );
    case 'noObjectId':
      // Azure/azure-sdk-for-java#1714
      return new ServiceError(
        401,
        'InvalidAuthenticationToken',
        "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.",
      );
  }
}

/**
 * A token issued in another tenant than the subscription's. UNCONFIRMED: ARM's full message is
 * longer (it explains tenant transfers); this keeps its first sentences as commonly quoted.
 */
export function wrongTenant(tokenTenantId: string, tenantId: string): ServiceError {
  return new ServiceError(
    401,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenantId}/'. It must match the tenant 'https://sts.windows.net/${tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${tenantId}' to get the token.`,
  );
}

/** Azure/azure-cli#33657, Azure/azure-sdk-for-go#2110 */
export function subscriptionNotFound(subscriptionId: string): ServiceError {
  return new ServiceError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

/** Azure/azure-cli#22736 */
export function resourceGroupNotFound(resourceGroup: string): ServiceError {
  return new ServiceError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
}

/** UNCONFIRMED in the sources at hand; the wording ARM is widely quoted with. */
export function resourceNotFound(resourceGroup: string, name: string): ServiceError {
  return new ServiceError(
    404,
    'ResourceNotFound',
    `The Resource 'Microsoft.Communication/CommunicationServices/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/**
 * 403 when the caller's role does not allow the action; ARM names the client by its user or app
 * name and its object id (microsoft/microsoft-foundry-for-vscode#239, Azure/azure-powershell#25047,
 * Azure/azure-sdk-for-go#14655 for listKeys).
 */
export function authorizationFailed(displayName: string, objectId: string, action: string, scope: string): ServiceError {
  return new ServiceError(
    403,
    'AuthorizationFailed',
    `The client '${displayName}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** UNCONFIRMED in the sources at hand; ARM's usual wording. */
export function missingApiVersion(): ServiceError {
  return new ServiceError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
}

/** UNCONFIRMED: ARM's wording differs per provider; ours lists what the emulator serves. */
export function unsupportedApiVersion(version: string, supported: readonly string[]): ServiceError {
  return new ServiceError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`);
}

/** Ours: Resource Manager has many more routes; the emulator answers only these. */
export function armRouteNotFound(method: string, pathname: string): ServiceError {
  return new ServiceError(404, 'NotFound', `The ACS emulator does not serve ${method} ${pathname}.`);
}

/** `5/14/2023 4:12:01 PM`: .NET's default en-US date and time, in UTC, as ARM writes token times. */
function dotNetUtc(epochMs: number): string {
  const date = new Date(epochMs);
  const hours = date.getUTCHours();
  const twoDigits = (value: number): string => String(value).padStart(2, '0');
  const time = `${hours % 12 === 0 ? 12 : hours % 12}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${time}`;
}
