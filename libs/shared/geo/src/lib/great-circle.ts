import type { LatLng } from './division.types';

/** Mean Earth radius (IUGG R1 = (2a + b) / 3 of WGS 84), the usual radius for great-circle distances. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in kilometres on a sphere of the mean Earth radius (haversine formula). Against the
 * WGS 84 ellipsoid the error stays under 0.6 %, a few kilometres between 北京 and 上海: far below what choosing a
 * warehouse needs.
 */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
