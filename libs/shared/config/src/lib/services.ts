/**
 * Where each supply-hub service listens and which database it owns, by default. The apps, the demo
 * script, docker-compose.yml (checked by a test) and README.md all follow this table.
 */
export const SERVICES = {
  'catalog-sync': { port: 3001, database: 'supplyhub_catalog' },
  'order-router': { port: 3002, database: 'supplyhub_orders' },
  'virtual-codes': { port: 3003, database: 'supplyhub_codes' },
  aftersales: { port: 3004, database: 'supplyhub_aftersales' },
  'supplier-sim': { port: 3005, database: null },
} as const satisfies Record<string, { port: number; database: string | null }>;

export type ServiceName = keyof typeof SERVICES;

/** The services that own a database (every one but the supplier sandboxes). */
export const DATABASE_SERVICES = (Object.keys(SERVICES) as ServiceName[]).filter((name) => SERVICES[name].database !== null);
