/**
 * Algorithms the Bot Framework signs its tokens with (AuthenticationConstants.AllowedSigningAlgorithms
 * in botframework-connector). A token announcing anything else, "none" above all, is refused
 * here: handed to the adapter it makes it fetch signing keys, and on a network that cannot
 * reach them the adapter answers 500.
 */
export const ACCEPTED_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512'];

/** Why an Authorization header cannot carry a valid Bot Framework token, or undefined if it might. */
export function bearerProblem(header: string | undefined): string | undefined {
  if (!header || header.trim() === '') return 'missing bearer token';
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(header.trim());
  if (!match?.[1]) return 'the authorization header is not a bearer token';
  const parts = match[1].split('.');
  if (parts.length !== 3 || parts.some((p) => p === '')) return 'the token is not a signed JWT';
  let alg: unknown;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8'));
    alg = typeof parsed === 'object' && parsed !== null ? (parsed as { alg?: unknown }).alg : undefined;
  } catch {
    return 'the token header is not valid JSON';
  }
  if (typeof alg !== 'string' || !ACCEPTED_ALGORITHMS.includes(alg)) return 'the token is not signed with an accepted algorithm';
  return undefined;
}
