// next-auth imports "next/server" without an extension, which Node's ESM
// resolver refuses (next has no "exports" map); Next's bundler resolves it in
// the app. Tests that load next-auth outside the bundler register this hook
// (tests/support/operation-callers.ts) so Node finds the same file.
export async function resolve(specifier, context, next) {
  if (/^next\/(server|headers|navigation|cache)$/.test(specifier)) return next(`${specifier}.js`, context);
  return next(specifier, context);
}
