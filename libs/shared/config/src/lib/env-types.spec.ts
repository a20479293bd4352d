import { envTypes } from './env-types';

describe('envTypes.parsed / requiredParsed', () => {
  const parse = (text: string) => {
    if (!text.startsWith('{')) throw new Error('warehouses: not JSON');
    return JSON.parse(text);
  };

  it('passes a setting its parser takes, and unset when optional', () => {
    expect(envTypes.parsed(parse).parse('{"a":1}')).toBe('{"a":1}');
    expect(envTypes.parsed(parse).parse(undefined)).toBeUndefined();
  });

  it("fails with the parser's own message, and with the missing message when required", () => {
    expect(envTypes.parsed(parse).safeParse('x').error?.issues[0]?.message).toBe('warehouses: not JSON');
    expect(envTypes.requiredParsed(parse, 'is required (JSON)').safeParse(undefined).error?.issues[0]?.message).toBe('is required (JSON)');
    expect(envTypes.requiredParsed(parse, 'is required (JSON)').safeParse('x').error?.issues[0]?.message).toBe('warehouses: not JSON');
  });
});
