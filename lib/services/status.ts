/**
 * CAT-2: a service's status in the catalogue. Only EN_LIGNE exchanges data and can be connected:
 * HORS_LIGNE pauses the exchange, PRESERIE is for allow-listed profiles (not built yet: closed to all),
 * SUSPENDUE stops it, DEREFERENCEE removes the service (data already received is kept).
 */
export const SERVICE_STATUSES = ['EN_LIGNE', 'HORS_LIGNE', 'PRESERIE', 'SUSPENDUE', 'DEREFERENCEE'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const exchangesOpen = (status: ServiceStatus): boolean => status === 'EN_LIGNE';

/** MEA-8: the purpose a service needs to push measures into a profile. */
export const MEASURES_WRITE = 'MEASURES_WRITE';
