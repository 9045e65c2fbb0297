/** Who a verified token says the caller is. */
export interface Identity {
  userId: string;
  email: string | null;
  name: string | null;
  /** The token's `iat`, in seconds since the epoch (the verifier requires it). */
  issuedAt: number;
}
