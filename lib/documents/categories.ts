/** DOC-1: document categories, their French labels, and which the patient side may pick. */
export const CATEGORIES = {
  SYNTHESE: { label: 'Ma santé en résumé', pickable: true },
  ORD_SOIN: { label: 'Ordonnances et soins', pickable: true },
  RADIO_SC: { label: 'Radio, écho, scanner, IRM', pickable: true },
  BIOLOGIE: { label: 'Résultats de biologie', pickable: true },
  CPT_REND: { label: 'Comptes rendus', pickable: true },
  DEPISTAG: { label: 'Prévention et dépistages', pickable: true },
  CERT_MED: { label: 'Certificats médicaux', pickable: true },
  AUTR_DOC: { label: 'Autres documents', pickable: true },
  DOC_ADM: { label: 'Pièces administratives', pickable: true },
  SYNTH_PML: { label: 'Synthèse médicale', pickable: false },
  DIR_ANT: { label: 'Directives anticipées', pickable: false },
  QUEST_SANTE: { label: 'Questionnaire santé', pickable: false },
  CAR_VAC: { label: 'Carnet de vaccination', pickable: false },
  VDP: { label: 'Volet de synthèse', pickable: false },
  REMB: { label: 'Remboursements', pickable: false },
} as const;

export type Category = keyof typeof CATEGORIES;
export const PICKABLE_CATEGORIES = (Object.keys(CATEGORIES) as Category[]).filter((c) => CATEGORIES[c].pickable);
export const isCategory = (value: string): value is Category => Object.hasOwn(CATEGORIES, value);
export const categoryLabel = (code: string) => (isCategory(code) ? CATEGORIES[code].label : 'Autres documents');

/** DOC-4: who added a document, as the patient side reads it. */
export const AUTHOR_LABELS: Record<string, string> = {
  PATIENT: 'Ajouté par vous ou un proche',
  HEALTHCARE_PROFESSIONAL: 'Ajouté par un professionnel de santé',
  HEALTHCARE_FACILITY: 'Ajouté par un établissement de santé',
  CNAM: 'Ajouté par l’Assurance Maladie',
  MES: 'Généré par Mon espace santé',
  SERVICE_TIERS: 'Ajouté par un service connecté',
};

/** DOC-5: why a document cannot be changed, per author type. */
export const PROTECTED_NOTICE: Record<string, string> = {
  HEALTHCARE_PROFESSIONAL: 'Ce document a été ajouté par un professionnel de santé. Il ne peut pas être modifié ou supprimé.',
  HEALTHCARE_FACILITY: 'Ce document a été ajouté par un établissement de santé. Il ne peut pas être modifié ou supprimé.',
  CNAM: 'Ce document a été ajouté par l’Assurance Maladie. Il ne peut pas être modifié ou supprimé.',
  MES: 'Ce document a été généré par Mon espace santé. Il ne peut pas être modifié ou supprimé.',
};
