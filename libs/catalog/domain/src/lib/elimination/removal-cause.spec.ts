import { inspectionSuspendReason } from '../inspection/sample-inspection';
import { removalCauseOf } from './removal-cause';

describe('removalCauseOf', () => {
  it('tells a person’s decision from one carrying out a failed sample inspection', () => {
    expect(removalCauseOf({ by: 'curator-wang', reason: '价格虚高' })).toBe('staff-decision');
    expect(removalCauseOf({ by: 'quality-li', reason: inspectionSuspendReason('insp_1', '内胆涂层脱落') })).toBe('sample-inspection');
  });

  it('knows the quality monitor by its actor, whatever its reason', () => {
    expect(removalCauseOf({ by: 'system:quality', reason: 'quality: complaint rate 4.0% …' })).toBe('quality-breach');
    expect(removalCauseOf({ by: 'curator-wang', reason: 'quality: 投诉多' })).toBe('staff-decision');
  });

  it('knows a qualification expiry by a system actor speaking of an authorisation or licence', () => {
    expect(removalCauseOf({ by: 'system:qualifications', reason: 'brand authorisation for 美的 expired on 2026-11-01' })).toBe('qualification-expiry');
    expect(removalCauseOf({ by: 'system:qualifications', reason: 'business licence expired' })).toBe('qualification-expiry');
    expect(removalCauseOf({ by: 'system:qualifications', reason: '品牌授权已过期' })).toBe('qualification-expiry');
    expect(removalCauseOf({ by: 'system:sweeper', reason: 'stale' })).toBe('other-system');
    // A person citing a licence is still a person deciding.
    expect(removalCauseOf({ by: 'curator-wang', reason: 'licence looked forged' })).toBe('staff-decision');
  });
});
