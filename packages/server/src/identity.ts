/** The seam where a family's identity token is checked; a later issue plugs in host-signed JWTs. */

export interface VerifiedIdentity {
  familyId: string;
}

export interface IdentityVerifier {
  /** Resolves the family behind `token` for `organizationId`, or null when the token is not acceptable. */
  verify(token: string, organizationId: string): Promise<VerifiedIdentity | null> | VerifiedIdentity | null;
}

/** Accepts no token: until identity is configured, only anonymous responses are possible. */
export const rejectAllIdentities: IdentityVerifier = {
  verify: () => null,
};
