import { Readable } from 'node:stream';
import { FormTooLargeError, readRequestParams, type SandboxRequest } from './request-params';

function request(method: string, url: string, body?: string, contentType = 'application/x-www-form-urlencoded'): SandboxRequest {
  const stream = Readable.from(body === undefined ? [] : [Buffer.from(body)]) as unknown as SandboxRequest;
  Object.assign(stream, { method, url, headers: { 'content-type': contentType } });
  return stream;
}

describe('readRequestParams', () => {
  it('reads a form body (UTF-8, + as space) on top of the query', async () => {
    const params = await readRequestParams(request('POST', '/x?a=1&b=query', 'b=form&name=%E7%BE%8E%E7%9A%84+Midea&empty='));
    expect(params).toEqual({ a: '1', b: 'form', name: '美的 Midea', empty: '' });
  });

  it('reads the query of a GET and a JSON body the platform parsed', async () => {
    expect(await readRequestParams(request('GET', '/x?method=taobao.items.onsale.get&page_no=2'))).toEqual({ method: 'taobao.items.onsale.get', page_no: '2' });
    const json = Object.assign(request('POST', '/x', undefined, 'application/json'), { body: { sku: 123, list: [1] } });
    expect(await readRequestParams(json)).toEqual({ sku: '123', list: '[1]' });
  });

  it('refuses forms over a megabyte', async () => {
    await expect(readRequestParams(request('POST', '/x', `a=${'x'.repeat(1024 * 1024)}`))).rejects.toBeInstanceOf(FormTooLargeError);
  });
});
