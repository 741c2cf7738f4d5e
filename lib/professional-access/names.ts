/**
 * PRO-4, EMG-6: how a name the patient typed in « Mes professionnels de santé » compares with a
 * professional's « given family » name: spaces collapsed, a leading « Dr » / « Docteur » ignored,
 * case-folded (accents kept: the SQL lookup of EMG-6 compares with lower()). Pure.
 */
export function professionalNameKey(typed: string): string {
  return typed.trim().replace(/\s+/g, ' ').replace(/^(dr\.?|docteur)\s+/i, '').toLocaleLowerCase('fr-FR');
}
