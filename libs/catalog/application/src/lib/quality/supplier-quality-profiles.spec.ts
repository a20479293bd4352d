import { SupplierQualityProfiles } from './supplier-quality-profiles';

describe('SupplierQualityProfiles', () => {
  it('serves the scores of the last refresh, leaving out suppliers too little is known about', async () => {
    let scores = [{ subjectId: 'jd', score: 90 }, { subjectId: 'taobao' }];
    let loads = 0;
    const profiles = new SupplierQualityProfiles(async () => {
      loads++;
      return scores;
    });
    expect(profiles.profileOf('jd')).toBeUndefined();
    expect(await profiles.refresh()).toBe(1);
    expect(profiles.profileOf('jd')).toEqual({ qualityScore: 90 });
    expect(profiles.profileOf('taobao')).toBeUndefined();

    scores = [{ subjectId: 'jd', score: 40 }];
    for (let index = 0; index < 1000; index++) profiles.profileOf('jd');
    expect(loads).toBe(1); // lookups never read the store
    await profiles.refresh();
    expect(profiles.profileOf('jd')).toEqual({ qualityScore: 40 });
  });
});
