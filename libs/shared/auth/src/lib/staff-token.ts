import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError, ValidationError } from '@supply-hub/errors';

/** Supply-chain staff roles. Warehouses are not staff: they authenticate with warehouse keys. */
export const STAFF_ROLES = ['curator', 'quality', 'operations', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffClaims {
  sub: string;
  roles: StaffRole[];
  /** Seconds since the epoch. */
  exp: number;
}

export interface IssueStaffTokenInput {
  sub: string;
  roles: readonly string[];
  ttlSeconds: number;
  /** Injected for tests; defaults to the wall clock. */
  now?: Date;
}

// Binding tokens to an issuer and audience keeps a JWT signed with the same secret for some other
// purpose from passing as a staff token.
const ISSUER = 'supply-hub';
const AUDIENCE = 'supply-hub-staff';
const MAX_TTL_SECONDS = 30 * 24 * 3600;

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export async function issueStaffToken(input: IssueStaffTokenInput, secret: string): Promise<string> {
  const roles = checkRoles(input.roles);
  if (!input.sub.trim()) throw new ValidationError('a staff token needs a subject', [{ path: 'sub', message: 'must not be empty' }]);
  if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < 1 || input.ttlSeconds > MAX_TTL_SECONDS) {
    throw new ValidationError('invalid token lifetime', [{ path: 'ttl', message: `must be between 1 second and ${MAX_TTL_SECONDS / 86400} days` }]);
  }
  const issuedAt = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + input.ttlSeconds)
    .sign(keyOf(secret));
}

/** Verifies signature, algorithm, issuer, audience and expiry; any failure is an UnauthenticatedError. */
export async function verifyStaffToken(token: string, secret: string, now?: Date): Promise<StaffClaims> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'exp'],
      currentDate: now,
    });
    const roles = payload['roles'];
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string' && isStaffRole(role))) {
      throw new UnauthenticatedError('staff token carries unknown roles');
    }
    return { sub: payload.sub as string, roles: roles as StaffRole[], exp: payload.exp as number };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('staff token has expired');
    throw new UnauthenticatedError('staff token is invalid');
  }
}

/** Whether the holder has at least one of the roles a route accepts (roles do not imply each other). */
export function hasAnyRole(claims: Pick<StaffClaims, 'roles'>, accepted: readonly StaffRole[]): boolean {
  return accepted.some((role) => claims.roles.includes(role));
}

/** Parses a lifetime such as `90s`, `30m`, `12h` or `7d` into seconds. */
export function parseTtl(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value.trim());
  if (!match) throw new ValidationError(`invalid lifetime "${value}"`, [{ path: 'ttl', message: 'must look like 90s, 30m, 12h or 7d' }]);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

function checkRoles(roles: readonly string[]): StaffRole[] {
  const unknown = roles.filter((role) => !isStaffRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new ValidationError('invalid staff roles', [{ path: 'roles', message: `must be one or more of ${STAFF_ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}` }]);
  }
  return [...new Set(roles)] as StaffRole[];
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
