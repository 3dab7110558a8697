/**
 * People and keys of an organization as its admins manage them, sign-in (with its throttle of
 * failed attempts) and the platform admin's bootstrap. The rule that nobody manages an account with
 * more rights than their own lives in {@link app.arv.security.Caller#covers}.
 */
package app.arv.identity;
