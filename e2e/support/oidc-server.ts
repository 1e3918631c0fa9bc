/**
 * A real OpenID Connect provider on loopback for the single-sign-on spec: oidc-provider (the
 * certified implementation) with its development login form, where any login name signs in.
 * The `inspector_role` claim is what the app maps to a role: logins starting `qa-` are qa,
 * `admin-` admin, anything else carries no role claim (the app's default role applies).
 */
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const appUrl = process.env.OIDC_APP_URL;
if (!port || !appUrl) throw new Error('OIDC_PORT and OIDC_APP_URL are required');



const roleOf = (login: string) => (login.startsWith('qa-') ? 'qa' : login.startsWith('admin-') ? 'admin' : undefined);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID!,
      client_secret: process.env.OIDC_CLIENT_SECRET!,
      redirect_uris: [`${appUrl}/api/auth/callback/sso`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  // Claims in the ID token too, as identity providers commonly send role or group claims.
  conformIdTokenClaims: false,
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'inspector_role'] },
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        const role = roleOf(sub);
        return { sub, email: `${sub}@sso.example`, email_verified: true, name: `SSO ${sub}`, ...(role ? { inspector_role: role } : {}) };
      },
    };
  },
  // The app asks for email and profile on the first sign-in; consent is implied for our one client.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'inspector_role']);
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on http://127.0.0.1:${port}`);
});
