/**
 * VIS-12, VIS-13: what a professional reads about a document's state. Pure.
 */
export type LabelledDocument = { status: 'ACTIVE' | 'DELETED' | 'OBSOLETE'; masquePs: boolean; invisiblePatient: boolean; invisibleRepresentatives: boolean };

/** VIS-13: the state labels of a professional list, in a stable order. */
export function stateLabels(doc: LabelledDocument): string[] {
  const labels: string[] = [];
  if (doc.masquePs) labels.push('masqué aux professionnels de santé');
  if (doc.invisiblePatient) labels.push('non visible par le patient');
  if (doc.invisibleRepresentatives) labels.push('non visible par les représentants légaux');
  if (doc.status === 'OBSOLETE') labels.push('ancienne version obsolète');
  return labels;
}

/** VIS-12: the warnings a professional sees first when opening such a document. */
export function openingWarnings(doc: LabelledDocument): string[] {
  const warnings: string[] = [];
  if (doc.invisiblePatient) warnings.push('Attention, ce document n’est pas visible du patient.');
  if (doc.invisibleRepresentatives) {
    warnings.push('Attention, ce document n’est pas visible des représentants légaux pour préserver le secret du mineur.');
  }
  return warnings;
}
