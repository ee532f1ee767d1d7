import { escapeRegExp } from '../shared/regExp';

/**
 * Connection strings of other Azure services, recognized so that the message says "this is a
 * Storage connection string" rather than "a field is unknown": the person then knows to go back
 * to the portal for the right one. Names are product names only (no words around them): they go
 * as they are into a message in any language.
 */

/** Fields that only other services' connection strings have (lowercase), and whose they are. */
const FIELDS_OF_OTHER_SERVICES: readonly [readonly string[], string][] = [
  [['accountendpoint'], 'Azure Cosmos DB'],
  [['defaultendpointsprotocol', 'accountname', 'accountkey', 'blobendpoint', 'queueendpoint', 'tableendpoint', 'fileendpoint', 'endpointsuffix', 'sharedaccesssignature'], 'Azure Storage'],
  [['hostname', 'deviceid'], 'Azure IoT Hub'],
  [['sharedaccesskeyname', 'sharedaccesskey', 'entitypath'], 'Azure Service Bus / Event Hubs'],
  [['instrumentationkey', 'ingestionendpoint', 'liveendpoint', 'applicationid'], 'Application Insights'],
  [['server', 'data source', 'database', 'initial catalog', 'user id', 'password'], 'SQL Server'],
];

/** Host name endings of other services' endpoints. */
const HOSTS_OF_OTHER_SERVICES: readonly [string, string][] = [
  ['.service.signalr.net', 'Azure SignalR Service'],
  ['.webpubsub.azure.com', 'Azure Web PubSub'],
  ['.eventgrid.azure.net', 'Azure Event Grid'],
  ['.servicebus.windows.net', 'Azure Service Bus / Event Hubs'],
  ['.documents.azure.com', 'Azure Cosmos DB'],
  ['.core.windows.net', 'Azure Storage'],
  ['.azure-devices.net', 'Azure IoT Hub'],
  ['.azconfig.io', 'Azure App Configuration'],
  ['.vault.azure.net', 'Azure Key Vault'],
  ['.openai.azure.com', 'Azure OpenAI'],
  ['.cognitiveservices.azure.com', 'Azure AI services'],
  ['.search.windows.net', 'Azure AI Search'],
  ['.redis.cache.windows.net', 'Azure Cache for Redis'],
  ['.database.windows.net', 'Azure SQL Database'],
];

/** The service whose connection string has these field names (lowercase), if it is not ACS's. */
export function serviceOfFields(names: readonly string[]): string | undefined {
  return FIELDS_OF_OTHER_SERVICES.find(([fields]) => names.some((name) => fields.includes(name)))?.[1];
}

/**
 * The service whose endpoint this text names, if it is not ACS: matched on the host name's end
 * wherever it appears, since other services' strings (Redis: `host:6380,password=…`) are not
 * always `name=value` pairs.
 */
export function serviceOfHost(text: string): string | undefined {
  const lower = text.toLowerCase();
  return HOSTS_OF_OTHER_SERVICES.find(([ending]) => new RegExp(`[a-z0-9-]${escapeRegExp(ending)}(?![a-z0-9.-])`).test(lower))?.[1];
}
