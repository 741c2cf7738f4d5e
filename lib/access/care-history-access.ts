/**
 * The Mon histoire de santé part of the access policy for professionals (HIS-4, HIS-5, PRO-6, PRO-9,
 * EMG-1, EMG-4, VIS-3, VIS-7). Pure: `authorize` in policy.ts calls it; nothing else decides.
 */
export type CareHistoryDenyCode = 'care-history-not-yet-visible' | 'care-history-masked';

export const CARE_HISTORY_REASONS: Record<CareHistoryDenyCode, string> = {
  'care-history-not-yet-visible':
    'Mon histoire de santé n’est visible des professionnels de santé que 48 heures après l’activation du profil par son titulaire (HIS-4).',
  'care-history-masked': 'le patient a masqué Mon histoire de santé aux professionnels de santé (HIS-5).',
};

/** HIS-4: 48 hours of elapsed time after the latest activation (or re-opening). */
export const CARE_HISTORY_DELAY_MS = 48 * 3600_000;

export type CareHistoryProInput = {
  /** The profile's latest activation or re-opening instant; null while never activated (CREATED). */
  activatedAt: Date | null;
  now: Date;
  /** VIS-3 mask-all ("… et ma rubrique histoire de santé"). */
  maskAll: boolean;
  /** VIS-7: this professional is the profile's administrateur. */
  administrateur: boolean;
  mode: 'NORMAL' | 'EMERGENCY' | 'REGULATION';
  /** EMG-1 toggle 3: emergency readers may see what is masked. */
  emergencyMaskedVisible: boolean;
  /** PRO-6: the holder blocked this professional. */
  blocked: boolean;
  /** PRO-9: the matrix allows this profession the `REMB` row (HIS-5). */
  matrixAllows: boolean;
  /**
   * PRO-4/PRO-5 (NORMAL mode) and EMG-1 toggles 1/2 (emergency modes). `authorize` always passes them;
   * a caller that has already established them may leave them out.
   */
  authorised?: boolean;
  emergencyAllowed?: boolean;
};

export type ProfessionalDenyCode = 'pro-blocked' | 'pro-not-authorised' | 'pro-emergency-off' | 'pro-matrix';

/** May this professional read the profile's Mon histoire de santé now? The deny code, or null when allowed. */
export function careHistoryVisibleToProfessional(input: CareHistoryProInput): CareHistoryDenyCode | ProfessionalDenyCode | null {
  if (input.blocked) return 'pro-blocked'; // PRO-6: never, not even in an emergency
  if (input.mode === 'NORMAL' && input.authorised === false) return 'pro-not-authorised';
  if (input.mode !== 'NORMAL' && input.emergencyAllowed === false) return 'pro-emergency-off';
  // HIS-4, EMG-4: hidden until activation, visible 48 h after it, in every mode.
  if (!input.activatedAt || input.now.getTime() < input.activatedAt.getTime() + CARE_HISTORY_DELAY_MS) {
    return 'care-history-not-yet-visible';
  }
  if (!input.matrixAllows) return 'pro-matrix'; // PRO-9, EMG-4: the REMB row
  // HIS-5: under mask-all, only the administrateur and, with toggle 3, emergency readers.
  if (input.maskAll && !input.administrateur && !(input.mode !== 'NORMAL' && input.emergencyMaskedVisible)) {
    return 'care-history-masked';
  }
  return null;
}
