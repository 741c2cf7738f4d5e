/**
 * The digest Next.js attaches to server errors: the only detail shown to users (messages are
 * hidden in production on purpose), so support can match it with server logs.
 */
export function errorDigest(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'digest' in error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === 'string' ? digest : undefined;
  }
  return undefined;
}
