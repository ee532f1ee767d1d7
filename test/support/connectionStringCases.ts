// Connection strings as people really paste them: from the portal's Keys page, from `.env`,
// `local.settings.json`, `appsettings.json` and `web.config` files, from shell lines, wrapped by a
// terminal, quoted, truncated, another service's, or not a connection string at all. The unit
// tests check what the parser makes of each; the integration tests check what a person sees and
// that nothing is stored or sent.
import type { ConnectionStringProblem } from '../../src/core/connectionString';

/** 64 bytes, base64: the shape of a real ACS key (88 characters). */
export const MATRIX_KEY = 'CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8YYar0PUaP2SJrtP4HUJnjLHW+yBFao+02f4jSG2St9wBJg==';
/** Another key of the same shape (the secondary). */
const SECOND_KEY = 'BzxxptsQRXqv5BlOg7jtIleMwfYrYJXK/zRpntMIPXKn3BFGe7DlGk+Eue4jWI3C9yxhlssANWqf1Ak+c6jdEg==';

export type ConnectionStringOutcome =
  | { readonly accepted: { readonly endpoint: string; readonly host: string } }
  | { readonly problem: ConnectionStringProblem; readonly service?: string };

export interface ConnectionStringCase {
  readonly title: string;
  readonly text: string;
  readonly outcome: ConnectionStringOutcome;
}

const CONTOSO = { endpoint: 'https://contoso.communication.azure.com/', host: 'contoso.communication.azure.com' };
const PORTAL = `endpoint=https://contoso.communication.azure.com/;accesskey=${MATRIX_KEY}`;
const VARIABLE = 'COMMUNICATION_SERVICES_CONNECTION_STRING';

/**
 * The cases. `emulator` is a running emulator's endpoint (`http://127.0.0.1:PORT/`) and key, so
 * that some cases point at a server that would see a request if one were sent.
 */
export function connectionStringCases(emulator: { readonly endpoint: string; readonly accessKey: string }): ConnectionStringCase[] {
  const local = { endpoint: emulator.endpoint, host: new URL(emulator.endpoint).host };
  const port = new URL(emulator.endpoint).port;
  const accepted = (title: string, text: string, target = CONTOSO): ConnectionStringCase => ({ title, text, outcome: { accepted: target } });
  const refused = (title: string, text: string, problem: ConnectionStringProblem, service?: string): ConnectionStringCase => ({
    title,
    text,
    outcome: service === undefined ? { problem } : { problem, service },
  });
  return [
    // From the portal, as it is or nearly.
    accepted('the portal form', PORTAL),
    accepted('capitalised field names', `Endpoint=https://contoso.communication.azure.com/;AccessKey=${MATRIX_KEY}`),
    accepted('a trailing semicolon', `${PORTAL};`),
    accepted('trailing spaces and semicolons', `  ${PORTAL} ;  ; `),
    accepted('the key first', `accesskey=${MATRIX_KEY};endpoint=https://contoso.communication.azure.com/`),
    accepted('no slash after the host', `endpoint=https://contoso.communication.azure.com;accesskey=${MATRIX_KEY}`),
    accepted('a regional host', `endpoint=https://contoso.unitedstates.communication.azure.com/;accesskey=${MATRIX_KEY}`, {
      endpoint: 'https://contoso.unitedstates.communication.azure.com/',
      host: 'contoso.unitedstates.communication.azure.com',
    }),
    accepted('an upper-case host and the default port', `endpoint=HTTPS://Contoso.Communication.Azure.com:443/;accesskey=${MATRIX_KEY}`),
    accepted('zero-width spaces and a byte-order mark from a web page', `\ufeff${PORTAL.replace(';', '\u200b;')}\u200b`),
    accepted('a line break at the end', `${PORTAL}\r\n`),
    // Quoted.
    accepted('in double quotes', `"${PORTAL}"`),
    accepted('in single quotes', `'${PORTAL}'`),
    accepted('in typographic quotes from a chat or a document', `\u201c${PORTAL}\u201d`),
    // Shell and .env lines.
    accepted('a .env line, quoted', `${VARIABLE}="${PORTAL}"`),
    accepted('a .env line, unquoted', `${VARIABLE}=${PORTAL}`),
    accepted('a bash export line', `export ${VARIABLE}="${PORTAL}"`),
    accepted('a bash export line in single quotes', `export ${VARIABLE}='${PORTAL}'`),
    accepted('a PowerShell line', `$env:${VARIABLE} = "${PORTAL}"`),
    accepted('a cmd set line', `set ${VARIABLE}=${PORTAL}`),
    accepted('a setx line', `setx ${VARIABLE} "${PORTAL}"`),
    accepted('a YAML line', `acsConnectionString: ${PORTAL}`),
    // Settings files.
    accepted('a local.settings.json value line', `    "AcsConnectionString": "${PORTAL}",`),
    accepted('an appsettings.json ConnectionStrings line', `"ConnectionStrings": { "Acs": "${PORTAL}" }`),
    accepted('a JSON value with escaped slashes', `"Acs": "endpoint=https:\\/\\/contoso.communication.azure.com\\/;accesskey=${MATRIX_KEY}"`),
    accepted(
      'a whole local.settings.json',
      [
        '{',
        '  "IsEncrypted": false,',
        '  "Values": {',
        '    "AzureWebJobsStorage": "UseDevelopmentStorage=true",',
        '    "FUNCTIONS_WORKER_RUNTIME": "node",',
        `    "AcsConnectionString": "${PORTAL}"`,
        '  }',
        '}',
      ].join('\n'),
    ),
    accepted('a whole .env file', ['# Azure', 'PORT=3000', `${VARIABLE}="${PORTAL}"`, 'LOG_LEVEL=debug'].join('\n')),
    accepted('a web.config entry', `<add name="Acs" connectionString="${PORTAL}" />`),
    // Wrapped by a terminal or an editor.
    accepted('wrapped inside the key', `endpoint=https://contoso.communication.azure.com/;accesskey=${MATRIX_KEY.slice(0, 40)}\n${MATRIX_KEY.slice(40)}`),
    accepted('wrapped over three indented lines', `endpoint=https://contoso.communication.azure.com/;\n    accesskey=${MATRIX_KEY.slice(0, 50)}\n    ${MATRIX_KEY.slice(50)}`),
    accepted('a quoted .env value wrapped over two lines', `${VARIABLE}="endpoint=https://contoso.communication.azure.com/;\naccesskey=${MATRIX_KEY}"`),
    // The local emulator.
    accepted('the emulator, as it prints it', `endpoint=${emulator.endpoint};accesskey=${emulator.accessKey}`, local),
    accepted('the emulator through localhost', `endpoint=http://localhost:${port};accesskey=${emulator.accessKey}`, { endpoint: `http://localhost:${port}/`, host: `localhost:${port}` }),

    // Nothing, or half of it.
    refused('an empty string', '', 'empty'),
    refused('blank lines', '  \n \t \n', 'empty'),
    refused('only semicolons', ' ; ;', 'empty'),
    refused('only the key (the Key box of the portal)', MATRIX_KEY, 'onlyAccessKey'),
    refused('only the endpoint (the Endpoint box of the portal)', 'https://contoso.communication.azure.com/', 'onlyEndpoint'),
    refused('no access key', 'endpoint=https://contoso.communication.azure.com/', 'missingAccessKey'),
    refused('an empty access key', 'endpoint=https://contoso.communication.azure.com/;accesskey=', 'missingAccessKey'),
    refused('no endpoint', `accesskey=${MATRIX_KEY}`, 'missingEndpoint'),
    refused('cut off in the endpoint', 'endpoint=https://contoso.communica', 'missingAccessKey'),
    refused('cut off in the field name', 'endpoint=https://contoso.communication.azure.com/;access', 'unknownField'),
    refused('the placeholder of the documentation', 'endpoint=https://<name>.communication.azure.com/;accesskey=<key>', 'endpointNotUrl'),
    refused('a real endpoint and the placeholder key', 'endpoint=https://contoso.communication.azure.com/;accesskey=<key>', 'accessKeyNotBase64'),
    // Keys that cannot be right.
    refused('a placeholder key AAAA', 'endpoint=https://contoso.communication.azure.com/;accesskey=AAAA', 'accessKeyTooShort'),
    refused('a placeholder key AAAA for the emulator', `endpoint=${emulator.endpoint};accesskey=AAAA`, 'accessKeyTooShort'),
    refused('a .env line with a placeholder key', `${VARIABLE}="endpoint=https://contoso.communication.azure.com/;accesskey=AAAA"`, 'accessKeyTooShort'),
    refused('a key cut to 40 characters', `endpoint=https://contoso.communication.azure.com/;accesskey=${MATRIX_KEY.slice(0, 40)}`, 'accessKeyTooShort'),
    refused('a key cut to 87 characters', `endpoint=https://contoso.communication.azure.com/;accesskey=${MATRIX_KEY.slice(0, 87)}`, 'accessKeyIncomplete'),
    refused('a key with a character more', `${PORTAL}x`, 'accessKeyNotBase64'),
    refused('a key with spaces', 'endpoint=https://contoso.communication.azure.com/;accesskey=this is not base64', 'accessKeyNotBase64'),
    refused('a URL-encoded key', `endpoint=https://contoso.communication.azure.com/;accesskey=${encodeURIComponent(MATRIX_KEY.slice(0, 60))}%2B%3D%3D`, 'accessKeyNotBase64'),
    // Endpoints the SDK cannot use.
    refused('plain http to a remote host', `endpoint=http://contoso.communication.azure.com/;accesskey=${MATRIX_KEY}`, 'endpointNotHttps'),
    refused('a path (the identities route)', `endpoint=https://contoso.communication.azure.com/identities;accesskey=${MATRIX_KEY}`, 'endpointHasPath'),
    refused('a path and an api-version', `endpoint=https://contoso.communication.azure.com/identities?api-version=2023-10-01;accesskey=${MATRIX_KEY}`, 'endpointHasPath'),
    refused('a query', `endpoint=https://contoso.communication.azure.com/?x=1;accesskey=${MATRIX_KEY}`, 'endpointHasQuery'),
    refused('no scheme', `endpoint=contoso.communication.azure.com;accesskey=${MATRIX_KEY}`, 'endpointNotUrl'),
    refused('another scheme', `endpoint=ftp://contoso.communication.azure.com/;accesskey=${MATRIX_KEY}`, 'endpointNotUrl'),
    refused('a user name and password in the URL', `endpoint=https://me:pw@contoso.communication.azure.com/;accesskey=${MATRIX_KEY}`, 'endpointNotUrl'),
    refused('the emulator on [::1]', `endpoint=http://[::1]:${port}/;accesskey=${emulator.accessKey}`, 'endpointIsIpv6'),
    refused('an IPv6 address over https', `endpoint=https://[2001:db8::1]/;accesskey=${MATRIX_KEY}`, 'endpointIsIpv6'),
    // Not one ACS connection string.
    refused('two endpoints', `endpoint=https://a.communication.azure.com/;endpoint=https://b.communication.azure.com/;accesskey=${MATRIX_KEY}`, 'duplicateField'),
    refused('an extra field', `${PORTAL};foo=bar`, 'unknownField'),
    refused('an access token instead', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEwNiJ9.eyJza3lwZWlkIjoiYWNzOngifQ.c2lnbmF0dXJl', 'unknownField'),
    refused('a sentence', 'not a connection string at all', 'unknownField'),
    refused(
      'the primary and the secondary from az communication list-key',
      `{\n  "primaryConnectionString": "${PORTAL}",\n  "secondaryConnectionString": "endpoint=https://contoso.communication.azure.com/;accesskey=${SECOND_KEY}"\n}`,
      'severalConnectionStrings',
    ),
    refused('two lines, two connection strings', `${PORTAL}\nendpoint=https://fabrikam.communication.azure.com/;accesskey=${MATRIX_KEY}`, 'severalConnectionStrings'),
    // Another service's connection string.
    refused('Azure Storage', `DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${MATRIX_KEY};EndpointSuffix=core.windows.net`, 'otherService', 'Azure Storage'),
    refused('Azure Storage from a .env line', `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${MATRIX_KEY}"`, 'otherService', 'Azure Storage'),
    refused('a Storage blob endpoint with a SAS', 'BlobEndpoint=https://contoso.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc', 'otherService', 'Azure Storage'),
    refused(
      'Service Bus',
      `Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${MATRIX_KEY.slice(0, 44)}`,
      'otherService',
      'Azure Service Bus / Event Hubs',
    ),
    refused(
      'Event Hubs with an entity path',
      `Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${MATRIX_KEY.slice(0, 44)};EntityPath=events`,
      'otherService',
      'Azure Service Bus / Event Hubs',
    ),
    refused('Event Grid', `Endpoint=https://orders.westus2-1.eventgrid.azure.net/api/events;AccessKey=${MATRIX_KEY.slice(0, 44)}`, 'otherService', 'Azure Event Grid'),
    refused('Cosmos DB', `AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=${MATRIX_KEY};`, 'otherService', 'Azure Cosmos DB'),
    refused('SignalR', `Endpoint=https://contoso.service.signalr.net;AccessKey=${MATRIX_KEY.slice(0, 44)};Version=1.0;`, 'otherService', 'Azure SignalR Service'),
    refused('IoT Hub', `HostName=contoso.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${MATRIX_KEY.slice(0, 44)}`, 'otherService', 'Azure IoT Hub'),
    refused(
      'Application Insights',
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      'otherService',
      'Application Insights',
    ),
    refused('Azure Cache for Redis', `contoso.redis.cache.windows.net:6380,password=${MATRIX_KEY.slice(0, 44)},ssl=True,abortConnect=False`, 'otherService', 'Azure Cache for Redis'),
    refused('Azure SQL Database', 'Server=tcp:contoso.database.windows.net,1433;Initial Catalog=app;User ID=admin;Password=hunter2;', 'otherService', 'Azure SQL Database'),
    refused('SQL Server', 'Server=sql01.contoso.local;Database=app;User Id=admin;Password=hunter2;', 'otherService', 'SQL Server'),
  ];
}
