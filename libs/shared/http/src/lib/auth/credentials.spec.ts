import { UnauthenticatedError } from '@supply-hub/errors';
import { credentialsOf } from './credentials';

describe('credentials', () => {
  it('reads an API key or a bearer token', () => {
    expect(credentialsOf({ 'x-api-key': 'sk_tenant_abc' })).toEqual({ type: 'api-key', key: 'sk_tenant_abc' });
    expect(credentialsOf({ authorization: 'Bearer a.b.c' })).toEqual({ type: 'bearer', token: 'a.b.c' });
    expect(credentialsOf({ authorization: 'bearer a.b.c' })).toEqual({ type: 'bearer', token: 'a.b.c' });
    expect(credentialsOf({})).toEqual({ type: 'none' });
  });

  it('refuses ambiguous or malformed credentials', () => {
    expect(() => credentialsOf({ 'x-api-key': 'k', authorization: 'Bearer t' })).toThrow(UnauthenticatedError);
    expect(() => credentialsOf({ authorization: 'Basic dXNlcjpwYXNz' })).toThrow(UnauthenticatedError);
  });
});
