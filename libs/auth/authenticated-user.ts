import type { Role } from '#libs/offices-users';

/** Who is making the request, as loaded from the database for this very request. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly officeId: string | null;
  /** The login session (refresh-token family) the access token belongs to. */
  readonly sessionId: string;
}
