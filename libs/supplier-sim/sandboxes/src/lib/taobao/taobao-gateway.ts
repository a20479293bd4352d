import {
  TAOBAO_ERROR_CODES,
  TAOBAO_SIGN_METHODS,
  TAOBAO_TIMESTAMP_TOLERANCE_MS,
  parseBeijingTime,
  taobaoCommonParamsSchema,
  verifyTaobaoSign,
} from '@supply-hub/supplier-protocols';
import type { SandboxResponse } from '../http/sandbox-response';
import type { SandboxGate } from '../simulation/sandbox-gate';
import type { TaobaoCredentials } from '../simulation/sim-settings';
import { invalidParameter, missingParameter, taobaoError, taobaoFaultAnswers } from './taobao-errors';
import { parameterError, TaobaoMethods } from './taobao-methods';

/**
 * The TOP-style gateway (`/router/rest`): common parameters checked in the order TOP checks them
 * (method, app_key, timestamp, sign, format and version, session), then the method's own.
 */
export class TaobaoGateway {
  constructor(
    private readonly gate: SandboxGate,
    private readonly methods: TaobaoMethods,
    private readonly credentials: TaobaoCredentials,
    private readonly clock: () => number,
  ) {}

  handle(params: Record<string, string>): Promise<SandboxResponse> {
    const endpoint = TaobaoMethods.METHODS.includes(params['method'] ?? '') ? (params['method'] as string) : 'unknown method';
    return this.gate.run(
      'taobao',
      endpoint,
      taobaoFaultAnswers((n) => this.gate.choose(n)),
      () => this.dispatch(params),
    );
  }

  private dispatch(params: Record<string, string>): SandboxResponse {
    for (const name of ['method', 'app_key', 'timestamp', 'sign']) if (!params[name]) return missingParameter(name);
    if (params['app_key'] !== this.credentials.appKey) return taobaoError(TAOBAO_ERROR_CODES.invalidAppKey);
    if (!this.timestampAccepted(params['timestamp'] as string)) {
      return taobaoError(TAOBAO_ERROR_CODES.invalidTimestamp, undefined, '时间戳须为北京时间 yyyy-MM-dd HH:mm:ss，且与服务器时间相差不超过10分钟');
    }
    const signMethod = params['sign_method'] ?? 'md5';
    if (!(TAOBAO_SIGN_METHODS as readonly string[]).includes(signMethod)) return invalidParameter('sign_method', `one of ${TAOBAO_SIGN_METHODS.join(', ')}`);
    if (!verifyTaobaoSign(params, this.credentials.appSecret)) return taobaoError(TAOBAO_ERROR_CODES.invalidSignature);

    const common = taobaoCommonParamsSchema.safeParse({ ...params, sign_method: signMethod });
    if (!common.success) return parameterError(common.error);
    if (!TaobaoMethods.METHODS.includes(common.data.method))
      return taobaoError(TAOBAO_ERROR_CODES.invalidMethod, undefined, `不支持的方法: ${common.data.method}`);
    if (common.data.session !== this.credentials.session) return taobaoError(TAOBAO_ERROR_CODES.invalidSession, 'invalid-sessionkey', 'session 无效或已过期');
    return this.methods.call(common.data.method, params);
  }

  private timestampAccepted(timestamp: string): boolean {
    try {
      return Math.abs(this.clock() - parseBeijingTime(timestamp).getTime()) <= TAOBAO_TIMESTAMP_TOLERANCE_MS;
    } catch {
      return false;
    }
  }
}
