export interface IntegrationEnv {
  kafkaBrokers: string[];
  mongoUrl: string;
}

/** The servers global-setup.js found (KAFKA_BROKERS, MONGO_URL); fails clearly outside the integration suite. */
export function integrationEnv(): IntegrationEnv {
  const brokers = process.env.KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL;
  if (!brokers || !mongoUrl) {
    throw new Error(
      'KAFKA_BROKERS and MONGO_URL are not set: run integration specs with `npx jest -c jest.integration.config.js` (its global setup finds the servers)',
    );
  }
  return { kafkaBrokers: brokers.split(',').map((broker) => broker.trim()), mongoUrl };
}
