import { ref } from 'vue';

/**
 * Who is signed in, as the gateway's /auth/me says (docs/security.md, "Console sign-in"): officers, supervisors and
 * the enterprise user (企业用户, bound to its USCC) sign in the same way — the province's 统一身份认证 (OpenID Connect)
 * in production, /auth/dev in development. The site never holds a token: the session cookie travels same-origin.
 */
export interface Me {
  signedIn: boolean;
  role?: string;
  department?: string | null;
  departmentName?: string | null;
  name?: string;
  subjectCode?: string | null;
}

export function useMe() {
  const me = ref<Me | null>(null);
  const load = async () => {
    const res = await fetch('/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    me.value = res.ok ? ((await res.json()) as Me) : { signedIn: false };
  };
  return { me, load };
}

/** Where to sign in and come back to `returnTo` (a path of this site). */
export const signInHref = (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
