import { jdEnvelopeSchema } from './jd-envelope';
import { jdMethodName, JD_PATHS } from './jd-paths';
import { jdSkuStateFormSchema } from './jd-product';
import { isJdRetryableFailure, isJdTokenRejected, JD_RESULT_CODES } from './jd-result-codes';
import { jdGetNewStockFormSchema } from './jd-stock';

describe('JD answers and forms', () => {
  it('tells a rejected token from other failures', () => {
    expect(isJdTokenRejected({ success: false, resultCode: JD_RESULT_CODES.tokenExpired })).toBe(true);
    expect(isJdTokenRejected({ success: false, resultCode: JD_RESULT_CODES.tokenNotFound })).toBe(true);
    expect(isJdTokenRejected({ success: false, resultCode: JD_RESULT_CODES.invalidParameter })).toBe(false);
    expect(isJdTokenRejected({ success: true, resultCode: JD_RESULT_CODES.tokenExpired })).toBe(false);
    expect(isJdRetryableFailure({ success: false, resultCode: JD_RESULT_CODES.systemError })).toBe(true);
    expect(isJdRetryableFailure({ success: false, resultCode: JD_RESULT_CODES.invalidParameter })).toBe(false);
  });

  it('reads an envelope without a result', () => {
    expect(jdEnvelopeSchema.parse({ success: false, resultCode: '1004', resultMessage: 'token已过期', result: null }).resultCode).toBe('1004');
    expect(jdEnvelopeSchema.safeParse({ success: 'yes', resultCode: '0000' }).success).toBe(false);
  });

  it('names methods without the api/ prefix', () => {
    expect(jdMethodName(JD_PATHS.getDetail)).toBe('product/getDetail');
    expect(jdMethodName(JD_PATHS.accessToken)).toBe('oauth2/accessToken');
  });

  it('limits batches to 100 SKUs', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => 100010000000 + i).join(',');
    expect(jdSkuStateFormSchema.safeParse({ token: 't', sku: ids(100) }).success).toBe(true);
    expect(jdSkuStateFormSchema.safeParse({ token: 't', sku: ids(101) }).success).toBe(false);
    const skuNums = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ skuId: 100010000000 + i, num: 1 })));
    expect(jdGetNewStockFormSchema.safeParse({ token: 't', skuNums: skuNums(100), area: '1_0_0' }).success).toBe(true);
    expect(jdGetNewStockFormSchema.safeParse({ token: 't', skuNums: skuNums(101), area: '1_0_0' }).success).toBe(false);
    expect(jdGetNewStockFormSchema.safeParse({ token: 't', skuNums: 'not json', area: '1_0_0' }).success).toBe(false);
    expect(jdGetNewStockFormSchema.safeParse({ token: 't', skuNums: skuNums(1), area: 'beijing' }).success).toBe(false);
  });
});
