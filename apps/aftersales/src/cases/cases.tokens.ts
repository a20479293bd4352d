/** The service database (the Mongo connection's Db). */
export const AFTERSALES_DB = Symbol('AFTERSALES_DB');
/** The use cases' dependencies. */
export const AFTERSALES_DEPENDENCIES = Symbol('AFTERSALES_DEPENDENCIES');
/** Tests put a clock of their own here (from a global module) to move the service's time. */
export const AFTERSALES_CLOCK_OVERRIDE = Symbol('AFTERSALES_CLOCK_OVERRIDE');
