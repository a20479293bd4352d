/** Time as the platform's modules see it; tests register their own under a module's clock token. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
