import { UnauthenticatedError, ValidationError } from '@supply-hub/errors';
import { hasAnyRole, issueStaffToken, parseTtl, verifyStaffToken } from './staff-token';

const secret = 's'.repeat(32);
const now = new Date('2030-01-01T00:00:00Z');

describe('staff tokens', () => {
  it('round-trips subject, roles and expiry', async () => {
    const token = await issueStaffToken({ sub: 'alice', roles: ['curator', 'admin', 'curator'], ttlSeconds: 3600, now }, secret);
    const claims = await verifyStaffToken(token, secret, now);
    expect(claims).toEqual({ sub: 'alice', roles: ['curator', 'admin'], exp: now.getTime() / 1000 + 3600 });
  });

  it('rejects an expired token', async () => {
    const token = await issueStaffToken({ sub: 'alice', roles: ['quality'], ttlSeconds: 60, now }, secret);
    await expect(verifyStaffToken(token, secret, new Date(now.getTime() + 61_000))).rejects.toThrow(new UnauthenticatedError('staff token has expired'));
  });

  it('rejects a token signed with another secret or tampered with', async () => {
    const token = await issueStaffToken({ sub: 'alice', roles: ['quality'], ttlSeconds: 60, now }, secret);
    await expect(verifyStaffToken(token, 'x'.repeat(32), now)).rejects.toBeInstanceOf(UnauthenticatedError);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'alice', roles: ['admin'], exp: 9999999999, iss: 'supply-hub', aud: 'supply-hub-staff' })).toString('base64url');
    await expect(verifyStaffToken(`${header}.${forged}.${signature}`, secret, now)).rejects.toThrow('staff token is invalid');
    await expect(verifyStaffToken('not-a-jwt', secret, now)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses to issue unknown roles, no roles, or absurd lifetimes', async () => {
    await expect(issueStaffToken({ sub: 'bob', roles: ['warehouse'], ttlSeconds: 60 }, secret)).rejects.toBeInstanceOf(ValidationError);
    await expect(issueStaffToken({ sub: 'bob', roles: [], ttlSeconds: 60 }, secret)).rejects.toBeInstanceOf(ValidationError);
    await expect(issueStaffToken({ sub: 'bob', roles: ['admin'], ttlSeconds: 0 }, secret)).rejects.toBeInstanceOf(ValidationError);
    await expect(issueStaffToken({ sub: ' ', roles: ['admin'], ttlSeconds: 60 }, secret)).rejects.toBeInstanceOf(ValidationError);
  });

  it('checks roles without one implying another', () => {
    expect(hasAnyRole({ roles: ['curator'] }, ['curator', 'admin'])).toBe(true);
    expect(hasAnyRole({ roles: ['admin'] }, ['quality'])).toBe(false);
  });

  it('parses lifetimes', () => {
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('30m')).toBe(1800);
    expect(parseTtl('12h')).toBe(43200);
    expect(parseTtl('7d')).toBe(604800);
    expect(() => parseTtl('12 hours')).toThrow(ValidationError);
  });
});
