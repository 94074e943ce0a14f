/** Shape check for public JWKs staff register; private keys must never be uploaded. */
export function isJWK(value: Record<string, unknown>): boolean {
  if (typeof value.kty !== 'string' || !['RSA', 'EC', 'OKP'].includes(value.kty)) return false;
  return !['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].some((part) => part in value);
}
