export * from './lib/division.types';
export {
  ALL_CITIES,
  ALL_PROVINCES,
  citiesOf,
  findCitiesByDistrictName,
  findCitiesByName,
  findCityByCode,
  findProvinceByCode,
  findProvincesByName,
} from './lib/division-registry';
export * from './lib/great-circle';
export * from './lib/resolve-city';
