export { aPendingPerson, anActivePatient, type PendingPerson } from '../../factories';

/** "21/03/1985" from "1985-03-21", as a person types it. */
export const typed = (isoDate: string) => isoDate.split('-').reverse().join('/');
