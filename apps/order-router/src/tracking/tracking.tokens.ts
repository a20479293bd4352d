/** The resolved carrier tracking settings (TrackingSettings). */
export const TRACKING_SETTINGS = Symbol('TrackingSettings');
