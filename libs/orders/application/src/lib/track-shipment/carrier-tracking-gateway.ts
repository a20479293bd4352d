import type { CarrierSubscribeOutcome } from '@supply-hub/supplier-protocols';

/** One tracking number to follow: where its pushes go and the salt they are signed with. */
export interface CarrierSubscriptionRequest {
  /** The tracking service's carrier code (see trackingCarrierCodeOf). */
  company: string;
  number: string;
  callbackUrl: string;
  salt: string;
}

export interface CarrierSubscriptionAnswer {
  /** 'retry-later' also when the carrier could not be reached or answered nonsense. */
  outcome: CarrierSubscribeOutcome;
  message: string;
}

/** The carrier's tracking subscription service (快递100 style), as the use cases need it. */
export interface CarrierTrackingGateway {
  subscribe(request: CarrierSubscriptionRequest): Promise<CarrierSubscriptionAnswer>;
}
