import { mixReportTable } from './mix-report';

describe('mix report table', () => {
  it('prints shares in percent, gaps in points with a sign, and a dash where the preset sets no target', () => {
    const table = mixReportTable({
      preset: { id: 'generic', label: '通用 4:3:2:1', description: 'coupon 4 : virtual 3 : physical 2 : service 1' },
      mallId: 'mall-a',
      poolVersion: 2,
      total: 5,
      families: [
        { key: 'physical', count: 1, share: 0.2, targetShare: 0.2, gap: 0 },
        { key: 'coupon', count: 3, share: 0.6, targetShare: 0.4, gap: 0.2 },
        { key: 'service', count: 1, share: 0.2, targetShare: 0.1, gap: 0.1 },
        { key: 'virtual', count: 0, share: 0, targetShare: 0.3, gap: -0.3 },
      ],
      bands: [{ key: 'low', count: 5, share: 1, targetShare: null, gap: null }],
    });
    expect(table.heading).toBe("generic (通用 4:3:2:1: coupon 4 : virtual 3 : physical 2 : service 1) over mall mall-a's pool (v2), 5 SKUs");
    expect(table.rows).toEqual([
      ['family', 'physical 实物', '1', '20.0%', '20.0%', '0.0'],
      ['family', 'coupon 优惠券', '3', '60.0%', '40.0%', '+20.0'],
      ['family', 'service 服务', '1', '20.0%', '10.0%', '+10.0'],
      ['family', 'virtual 虚拟', '0', '0.0%', '30.0%', '-30.0'],
      ['band', 'low (everyday)', '5', '100.0%', '-', '-'],
    ]);
  });
});
