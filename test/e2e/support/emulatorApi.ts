import { signedRequest } from '../../unit/emulator/signedRequest';

/** The emulator's test-only endpoints (src/emulator/emulatorRoutes.ts), asked over HTTP. */
export interface EmulatorIdentity {
  readonly id: string;
  readonly createdOn: string;
  readonly tokensRevokedOn?: string;
}

export type TokenCheck =
  | { readonly valid: true; readonly claims: Record<string, unknown> }
  | { readonly valid: false; readonly reason: string };

export class EmulatorApi {
  /** `ca`: the certificate of an emulator that serves https. */
  constructor(private readonly endpoint: string, private readonly accessKey: string, private readonly ca?: string) {}

  async identities(): Promise<EmulatorIdentity[]> {
    return (await this.request<{ identities: EmulatorIdentity[] }>('GET', '/_emulator/identities')).identities;
  }

  async validateToken(token: string): Promise<TokenCheck> {
    return this.request<TokenCheck>('POST', '/_emulator/validateToken', { token });
  }

  /**
   * Every call goes through here, signed with the resource's access key like an identity API
   * request (HMAC-SHA256), so that the emulator may require the signature on these routes too.
   */
  private async request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const response = await signedRequest({
      endpoint: this.endpoint,
      accessKey: this.accessKey,
      method,
      target: path,
      body: body === undefined ? undefined : JSON.stringify(body),
      ca: this.ca,
    });
    if (response.status !== 200) {
      throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
    }
    return JSON.parse(response.text) as T;
  }
}
