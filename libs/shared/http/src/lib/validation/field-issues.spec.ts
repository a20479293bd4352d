import { z } from 'zod';
import { fieldIssuesOf } from './field-issues';

describe('field issues', () => {
  it('turns Standard Schema issues into dotted paths under the request part', async () => {
    const schema = z.object({ url: z.url(), lines: z.array(z.object({ quantity: z.number().int().positive() })) });
    const result = await schema['~standard'].validate({ url: 'nope', lines: [{ quantity: 1 }, { quantity: 0 }] });
    expect(result.issues).toBeDefined();
    expect(fieldIssuesOf(result.issues ?? [], 'body').map((issue) => issue.path)).toEqual(['body.url', 'body.lines.1.quantity']);
  });

  it('uses the root alone for an issue about the whole value', () => {
    expect(fieldIssuesOf([{ message: 'expected object' }], 'body')).toEqual([{ path: 'body', message: 'expected object' }]);
    expect(fieldIssuesOf([{ message: 'required', path: [{ key: 'id' }] }], undefined)).toEqual([{ path: 'id', message: 'required' }]);
  });
});
