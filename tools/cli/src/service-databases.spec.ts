import { ValidationError } from '@supply-hub/errors';
import { databasesFor } from './service-databases';

describe('service databases', () => {
  it('defaults to the four service databases', () => {
    expect(databasesFor(undefined).map((entry) => entry.database)).toEqual([
      'supplyhub_catalog',
      'supplyhub_orders',
      'supplyhub_codes',
      'supplyhub_aftersales',
    ]);
  });

  it('narrows to the named services and refuses unknown ones or the database-less sandbox', () => {
    expect(databasesFor(['order-router'])).toEqual([{ service: 'order-router', database: 'supplyhub_orders' }]);
    expect(() => databasesFor(['billing'])).toThrow(ValidationError);
    expect(() => databasesFor(['supplier-sim'])).toThrow(ValidationError);
  });
});
