// oidc-provider (a test-only issuer) ships no type declarations; the tests use a small part of it.
declare module 'oidc-provider';
