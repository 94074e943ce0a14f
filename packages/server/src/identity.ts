/** The seam where a family's identity token is checked; identity/host-verifier.ts verifies host-signed JWTs (the default). */

export interface VerifiedIdentity {
  /** The Tandem family record (created on first sight of a host identity). */
  familyId: string;
  /** The registered identity key that signed the token, so revoking the key can end the sessions it started. */
  identityKeyId?: string;
}

export interface IdentityVerifier {
  /** Resolves the family behind `token` for `organizationId`, or null when the token is not acceptable. */
  verify(token: string, organizationId: string): Promise<VerifiedIdentity | null> | VerifiedIdentity | null;
}

/** Accepts no token, for servers (or tests) that want anonymous answers only. */
export const rejectAllIdentities: IdentityVerifier = {
  verify: () => null,
};
