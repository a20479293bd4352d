import { planBulkCuration } from './bulk-curation';

describe('planBulkCuration', () => {
  const selected = [
    { skuId: 's1', curationStatus: 'pending' as const },
    { skuId: 's2', curationStatus: 'approved' as const },
    { skuId: 's3', curationStatus: 'pending' as const },
    { skuId: 's4', curationStatus: 'rejected' as const },
  ];

  it('acts on the SKUs the action can move and says why it skips the others', () => {
    expect(planBulkCuration(selected, 'approve')).toEqual({
      matched: 4,
      applicable: ['s1', 's3'],
      byStatus: { pending: 2, approved: 1, rejected: 1 },
      skipped: [
        { status: 'approved', count: 1, reason: 'an approved SKU cannot be approved (only a pending one)' },
        { status: 'rejected', count: 1, reason: 'a rejected SKU cannot be approved (only a pending one)' },
      ],
    });
  });

  it('selects by the action: a suspension moves the approved ones only', () => {
    expect(planBulkCuration(selected, 'suspend').applicable).toEqual(['s2']);
    expect(planBulkCuration([], 'suspend')).toEqual({ matched: 0, applicable: [], byStatus: {}, skipped: [] });
  });
});
