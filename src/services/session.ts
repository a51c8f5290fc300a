/**
 * The email of the person the script runs as ('' when Google withholds it). Needs the
 * userinfo.email scope; in a time-driven trigger it is the trigger's owner.
 */
export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail() || '';
}
