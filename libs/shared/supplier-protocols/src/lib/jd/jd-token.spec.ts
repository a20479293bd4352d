import { jdAccessTokenFormSchema, jdPasswordHash, jdTokenSign } from './jd-token';

// The worked JD example at the end of /work/shared/reference/protocols.md.
describe('JD token signing', () => {
  it('hashes the password as lower-case MD5 hex', () => {
    expect(jdPasswordHash('p@ss-123')).toBe('e89adbd0a681d3af05518d889a196482');
  });

  it('reproduces the worked token signature', () => {
    const sign = jdTokenSign({
      clientSecret: 'sandbox-secret',
      timestamp: '2026-11-22 12:00:00',
      clientId: 'sandbox-client',
      username: 'mall-supplier',
      passwordHash: jdPasswordHash('p@ss-123'),
    });
    expect(sign).toBe('2C70A62BAA93E1B6B8D1A8262479CF53');
  });

  it('signs the grant type and scope it is given', () => {
    const base = { clientSecret: 's', timestamp: '2026-11-22 12:00:00', clientId: 'c', username: 'u', passwordHash: jdPasswordHash('p') };
    expect(jdTokenSign({ ...base, scope: 'x' })).not.toBe(jdTokenSign(base));
    expect(jdTokenSign({ ...base, grantType: 'access_token', scope: '' })).toBe(jdTokenSign(base));
  });

  it('accepts the worked example as a form and refuses a plain-text password', () => {
    const form = {
      grant_type: 'access_token',
      client_id: 'sandbox-client',
      client_secret: 'sandbox-secret',
      timestamp: '2026-11-22 12:00:00',
      username: 'mall-supplier',
      password: 'e89adbd0a681d3af05518d889a196482',
      scope: '',
      sign: '2C70A62BAA93E1B6B8D1A8262479CF53',
    };
    expect(jdAccessTokenFormSchema.safeParse(form).success).toBe(true);
    expect(jdAccessTokenFormSchema.safeParse({ ...form, password: 'p@ss-123' }).success).toBe(false);
  });
});
