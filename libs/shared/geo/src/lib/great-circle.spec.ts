import { EARTH_MEAN_RADIUS_KM, greatCircleKm } from './great-circle';

describe('greatCircleKm', () => {
  it('measures arcs of the mean Earth sphere', () => {
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 0, lng: 0 })).toBe(0);
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo((Math.PI / 180) * EARTH_MEAN_RADIUS_KM, 6); // 111.195 km
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 90, lng: 0 })).toBeCloseTo(10007.557, 2);
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015.114, 2);
    expect(greatCircleKm({ lat: 10, lng: 20 }, { lat: -10, lng: -160 })).toBeCloseTo(20015.114, 2); // antipodes, where rounding could push the haversine above 1
  });

  it('is symmetric and crosses the antimeridian the short way', () => {
    const a = { lat: 31.23, lng: 121.47 };
    const b = { lat: 43.82, lng: 87.62 };
    expect(greatCircleKm(a, b)).toBe(greatCircleKm(b, a));
    expect(greatCircleKm({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(111.195, 2);
  });

  // City-centre coordinates as published (北京 天安门 39.9042 N 116.4074 E, 上海 人民广场 31.2304 N 121.4737 E…);
  // the straight-line distances usually quoted for these pairs are 1,067 km, 1,230–1,240 km and about 3,050 km.
  it.each([
    ['北京', { lat: 39.9042, lng: 116.4074 }, '上海', { lat: 31.2304, lng: 121.4737 }, 1067],
    ['广州', { lat: 23.1291, lng: 113.2644 }, '成都', { lat: 30.5728, lng: 104.0668 }, 1231],
    ['乌鲁木齐', { lat: 43.8256, lng: 87.6168 }, '哈尔滨', { lat: 45.8038, lng: 126.535 }, 3047],
  ])('%s to %s', (_from, a, _to, b, km) => {
    expect(greatCircleKm(a, b)).toBeGreaterThan(km - 2);
    expect(greatCircleKm(a, b)).toBeLessThan(km + 2);
  });
});
