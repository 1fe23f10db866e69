import * as client from 'openid-client';
import { AuthError, enterpriseFromClaims, roleFromClaims, type ClaimNames } from '../auth.ts';

/** The configured identity provider (统一身份认证) the console signs in with: OpenID Connect, code flow + PKCE. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE alone, `token_endpoint_auth_method: none`). */
  clientSecret?: string | undefined;
  /** This gateway's /auth/callback as registered at the issuer. */
  redirectUri: string;
  scope: string;
  claims: ClaimNames;
}

export interface SignInStart {
  url: URL;
  /** Kept in the sealed sign-in cookie until the callback. */
  flow: { verifier: string; state: string; nonce: string };
}

export interface SignedIn {
  sub: string;
  name: string;
  role: 'OFFICER' | 'SUPERVISOR' | 'ADMIN' | 'ENTERPRISE';
  department: string | null;
  /** The USCC an enterprise user (企业用户, the province's 法人 account) is bound to; absent for the other roles. */
  subjectCode?: string;
}

const loopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * One relying party. The issuer's metadata is fetched on the first sign-in (not at start: the gateway must come up
 * while the issuer is down) and kept; a failed discovery is tried again on the next sign-in.
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;
  constructor(private readonly config: OidcConfig) {}

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.config.issuer);
      const auth = this.config.clientSecret ? client.ClientSecretPost(this.config.clientSecret) : client.None();
      // Plain HTTP only to an issuer on this machine (development, the tests' in-process issuer).
      const insecure = issuer.protocol === 'http:' && loopback(issuer);
      this.configuration = client
        .discovery(issuer, this.config.clientId, undefined, auth, {
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.configuration = null;
          throw error;
        });
    }
    return this.configuration;
  }

  async start(): Promise<SignInStart> {
    const configuration = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, flow: { verifier, state, nonce } };
  }

  /**
   * Redeems the code (with the PKCE verifier, state and nonce of this browser's sign-in) and maps the person's
   * claims — from the ID token and the userinfo endpoint — to the hub's role and department as bearer tokens are.
   */
  async finish(callbackQuery: string, flow: SignInStart['flow']): Promise<SignedIn> {
    const configuration = await this.discover();
    const current = new URL(this.config.redirectUri);
    current.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new AuthError('the issuer returned no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    if (configuration.serverMetadata().userinfo_endpoint)
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...claims };
    const name = typeof claims.name === 'string' && claims.name ? claims.name : idClaims.sub;
    // An enterprise user (企业用户: role "enterprise" and the USCC its 法人 account is bound to, claim `uscc`) signs in
    // the same way as officers and is bound to that USCC, as a bearer token of the same claims is (auth.ts).
    const enterprise = enterpriseFromClaims({ ...claims, role: claims[this.config.claims.role] });
    if (enterprise)
      return { sub: idClaims.sub, name, role: 'ENTERPRISE', department: null, subjectCode: enterprise.subjectCode! };
    const { role, department } = roleFromClaims(claims, this.config.claims);
    return { sub: idClaims.sub, name, role, department };
  }
}
