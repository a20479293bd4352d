/** The service database (the Mongo connection's Db). */
export const CODES_DB = Symbol('CODES_DB');
/** Tests put a clock of their own here. */
export const CODES_CLOCK_OVERRIDE = Symbol('CODES_CLOCK_OVERRIDE');
/** CODE_ENCRYPTION_KEYS, parsed once: codes and coupon-system credentials are sealed with it. */
export const CODE_KEY_RING = Symbol('CODE_KEY_RING');
/** The use cases' dependencies. */
export const CODES_DEPENDENCIES = Symbol('CODES_DEPENDENCIES');
/** The recharge providers and their HTTP clients. */
export const RECHARGE_PROVIDER_SET = Symbol('RECHARGE_PROVIDER_SET');
/** Tests put providers of their own here (a provider set without the configured adapters). */
export const RECHARGE_PROVIDER_SET_OVERRIDE = Symbol('RECHARGE_PROVIDER_SET_OVERRIDE');
