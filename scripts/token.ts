/**
 * `npm run token -- --role officer --department tax --sub officer-001 [--hours 8]`
 * `npm run token -- --role enterprise --uscc 91330100MA0000001X --sub ent-001` (an enterprise user bound to its USCC)
 * Issues a signed token (HS256) for local development and tests, with AUTH_JWT_SECRET or the public
 * development secret. In production people's tokens come from the identity provider.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { DEV_SECRETS } from '@credit-hub/kit';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'officer' },
    department: { type: 'string' },
    uscc: { type: 'string' },
    sub: { type: 'string', default: 'dev-user' },
    name: { type: 'string' },
    hours: { type: 'string', default: '8' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npm run token -- --role officer|supervisor|admin|enterprise [--department tax] [--uscc USCC] [--sub id] [--hours 8]',
  );
  process.exit(0);
}
const secret = process.env.AUTH_JWT_SECRET || DEV_SECRETS.AUTH_JWT_SECRET;
const token = await new SignJWT({
  role: values.role,
  ...(values.department ? { department: values.department } : {}),
  ...(values.uscc ? { uscc: values.uscc } : {}),
  ...(values.name ? { name: values.name } : {}),
})
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(values.sub!)
  .setIssuer(process.env.AUTH_JWT_ISSUER ?? 'credit-hub')
  .setAudience(process.env.AUTH_JWT_AUDIENCE ?? 'credit-hub')
  .setIssuedAt()
  .setExpirationTime(`${Number(values.hours)}h`)
  .sign(new TextEncoder().encode(secret));
console.log(token);
