import { isExceptionNumber, planJourney } from './carrier-route';

describe('planJourney', () => {
  it('is the same journey for the same seed, carrier and number, and another for another number', () => {
    expect(planJourney('unit', 'shunfeng', 'SF1', 'delivered')).toEqual(planJourney('unit', 'shunfeng', 'SF1', 'delivered'));
    const contexts = new Set(['SF1', 'SF2', 'SF3', 'SF4'].map((number) => planJourney('unit', 'shunfeng', number, 'delivered')[0]!.context));
    expect(contexts.size).toBeGreaterThan(1);
  });

  it('goes 揽收, three times 在途 through three different cities, 派件, 签收', () => {
    const journey = planJourney('unit', 'zhongtong', 'ZT7300000001', 'delivered');
    expect(journey.map((checkpoint) => checkpoint.state)).toEqual(['1', '0', '0', '0', '5', '3']);
    expect(journey[0]!.context).toMatch(/^【.+市】中通快递已揽收/);
    const cities = new Set(journey.map((checkpoint) => checkpoint.context.match(/^【(.+?)】/)![1]));
    expect(cities.size).toBe(3);
    for (const checkpoint of journey) {
      expect(checkpoint.areaCode).toMatch(/^CN\d{12}$/);
      expect(checkpoint.areaName).toMatch(/^([^,]+,)?[^,]+市$/);
    }
  });

  it('goes through 疑难 and back to the sender in the exception scenario', () => {
    const journey = planJourney('unit', 'yunda', '4300000000001', 'exception');
    expect(journey.map((checkpoint) => checkpoint.state)).toEqual(['1', '0', '0', '0', '2', '6', '4']);
    expect(journey.at(-1)!.areaName).toBe(journey[0]!.areaName);
  });

  it('picks exception numbers by a fixed share', () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => `SF${100000 + i}`);
    const share = numbers.filter((number) => isExceptionNumber('unit', number, 0.2)).length / numbers.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    expect(numbers.some((number) => isExceptionNumber('unit', number, 0))).toBe(false);
    expect(numbers.every((number) => isExceptionNumber('unit', number, 1))).toBe(true);
  });
});
