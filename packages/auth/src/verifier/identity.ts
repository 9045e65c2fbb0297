/** Who a verified token says the caller is. */
export interface Identity {
  userId: string;
  email: string | null;
  name: string | null;
}
