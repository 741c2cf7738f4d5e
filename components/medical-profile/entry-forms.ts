import {
  BLOOD_GROUPS, CONTACT_TYPES, DISABILITY_RATES, DISABILITY_TYPES, FAMILY_RELATIONSHIPS, LIFESTYLE_CATEGORIES,
  ORGAN_DONATION_POSITIONS, PROFESSIONAL_ROLES, VACCINATION_TYPES, YES_NO, type EntryKind,
} from '@/lib/medical-profile/vocabulary';

/**
 * How each kind's form looks: its fields in order, French labels and hints. The rules (required,
 * dates, allowed values) live in lib/medical-profile/entry-schemas.ts; the names here are its keys.
 */
export type FieldSpec = {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'select' | 'radio' | 'tel' | 'email' | 'document';
  required?: boolean;
  hint?: string;
  options?: readonly { value: string; label: string }[];
  /** Suggestions from the CIP list (a native datalist: works without JavaScript). */
  suggestions?: 'MEDICINE' | 'VACCINE';
  maxLength?: number;
  autoComplete?: string;
};
export type EntryFormSpec = { add: string; edit: string; submit: string; fields: readonly FieldSpec[] };

const options = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const DATE_HINT = 'Format : JJ/MM/AAAA.';

export const ENTRY_FORMS: Record<EntryKind, EntryFormSpec> = {
  ALLERGY: { add: 'Ajouter une allergie', edit: 'Modifier l’allergie', submit: 'Enregistrer l’allergie', fields: [
    { name: 'name', label: 'Allergie', type: 'text', required: true, maxLength: 200, hint: 'Par exemple : pénicilline, arachide, pollen de bouleau.' },
    { name: 'reaction', label: 'Réaction observée', type: 'textarea', maxLength: 500, hint: 'Facultatif. Par exemple : urticaire, gêne respiratoire.' },
    { name: 'since', label: 'Depuis le', type: 'date', hint: `Facultatif. ${DATE_HINT}` },
  ] },
  CONDITION: { add: 'Ajouter une maladie ou un sujet de santé', edit: 'Modifier la maladie ou le sujet de santé', submit: 'Enregistrer', fields: [
    { name: 'name', label: 'Maladie ou sujet de santé', type: 'text', required: true, maxLength: 200, hint: 'Par exemple : asthme, diabète de type 2.' },
    { name: 'since', label: 'Depuis le', type: 'date', hint: `Facultatif. ${DATE_HINT}` },
    { name: 'notes', label: 'Précisions', type: 'textarea', maxLength: 1000, hint: 'Facultatif.' },
  ] },
  HOSPITALISATION: { add: 'Ajouter une hospitalisation', edit: 'Modifier l’hospitalisation', submit: 'Enregistrer l’hospitalisation', fields: [
    { name: 'reason', label: 'Motif', type: 'text', required: true, maxLength: 200, hint: 'Par exemple : opération de l’appendicite.' },
    { name: 'facility', label: 'Établissement', type: 'text', maxLength: 200, hint: 'Facultatif.' },
    { name: 'startDate', label: 'Date d’entrée', type: 'date', required: true, hint: DATE_HINT },
    { name: 'endDate', label: 'Date de sortie', type: 'date', hint: `Facultatif. ${DATE_HINT}` },
    { name: 'documentId', label: 'Document lié', type: 'document',
      hint: 'Facultatif : par exemple le compte rendu d’hospitalisation. Si vous supprimez ce document, cette hospitalisation sera supprimée avec lui.' },
  ] },
  TREATMENT: { add: 'Ajouter un traitement', edit: 'Modifier le traitement', submit: 'Enregistrer le traitement', fields: [
    { name: 'name', label: 'Médicament', type: 'text', required: true, maxLength: 200, suggestions: 'MEDICINE',
      hint: 'Commencez à écrire pour choisir dans la liste, ou saisissez librement le nom.' },
    { name: 'dosage', label: 'Posologie', type: 'text', maxLength: 300, hint: 'Facultatif. Par exemple : 1 comprimé le matin.' },
    { name: 'startDate', label: 'Début du traitement', type: 'date', hint: `Facultatif. ${DATE_HINT}` },
    { name: 'endDate', label: 'Fin du traitement', type: 'date', hint: `Facultatif, peut être à venir. ${DATE_HINT}` },
  ] },
  VACCINATION: { add: 'Ajouter une vaccination', edit: 'Modifier la vaccination', submit: 'Enregistrer la vaccination', fields: [
    { name: 'vaccine', label: 'Vaccin', type: 'text', required: true, maxLength: 200, suggestions: 'VACCINE',
      hint: 'Commencez à écrire pour choisir dans la liste, ou saisissez librement le nom.' },
    { name: 'date', label: 'Date de la vaccination', type: 'date', required: true, hint: DATE_HINT },
    { name: 'type', label: 'Type de vaccination', type: 'radio', required: true, options: options(VACCINATION_TYPES) },
    { name: 'batch', label: 'Numéro de lot', type: 'text', maxLength: 50, hint: 'Facultatif : il figure sur l’étiquette collée dans le carnet.' },
  ] },
  FAMILY_HISTORY: { add: 'Ajouter un antécédent familial', edit: 'Modifier l’antécédent familial', submit: 'Enregistrer l’antécédent', fields: [
    { name: 'condition', label: 'Maladie', type: 'text', required: true, maxLength: 200, hint: 'Par exemple : diabète, cancer du sein.' },
    { name: 'relationship', label: 'Lien de parenté', type: 'select', required: true, options: options(FAMILY_RELATIONSHIPS) },
    { name: 'notes', label: 'Précisions', type: 'textarea', maxLength: 1000, hint: 'Facultatif. Par exemple : l’âge au diagnostic.' },
  ] },
  DISABILITY: { add: 'Ajouter un handicap', edit: 'Modifier le handicap', submit: 'Enregistrer le handicap', fields: [
    { name: 'type', label: 'Type de handicap', type: 'select', required: true, options: options(DISABILITY_TYPES) },
    { name: 'rate', label: 'Taux d’incapacité', type: 'radio', required: true, options: options(DISABILITY_RATES),
      hint: 'Tel qu’il figure sur la décision de la MDPH.' },
    { name: 'humanHelp', label: 'Avez-vous besoin de l’aide d’une personne au quotidien ?', type: 'radio', required: true, options: options(YES_NO) },
    { name: 'notes', label: 'Précisions', type: 'textarea', maxLength: 1000, hint: 'Facultatif.' },
  ] },
  BLOOD_GROUP: { add: 'Indiquer mon groupe sanguin', edit: 'Modifier le groupe sanguin', submit: 'Enregistrer le groupe sanguin', fields: [
    { name: 'group', label: 'Groupe sanguin', type: 'select', required: true, options: options(BLOOD_GROUPS) },
  ] },
  LIFESTYLE: { add: 'Ajouter une habitude de vie', edit: 'Modifier l’habitude de vie', submit: 'Enregistrer l’habitude', fields: [
    { name: 'category', label: 'Thème', type: 'select', required: true, options: options(LIFESTYLE_CATEGORIES), hint: 'Une seule description par thème.' },
    { name: 'text', label: 'Description', type: 'textarea', required: true, maxLength: 1000,
      hint: 'Par exemple : marche 30 minutes par jour ; environ 7 heures de sommeil.' },
  ] },
  CONTACT: { add: 'Ajouter un contact', edit: 'Modifier le contact', submit: 'Enregistrer le contact', fields: [
    { name: 'type', label: 'Rôle de ce contact', type: 'radio', required: true, options: options(CONTACT_TYPES),
      hint: 'Vous pouvez désigner une seule personne de confiance.' },
    { name: 'firstName', label: 'Prénom', type: 'text', required: true, maxLength: 100, autoComplete: 'off' },
    { name: 'lastName', label: 'Nom', type: 'text', required: true, maxLength: 100, autoComplete: 'off' },
    { name: 'relationship', label: 'Lien avec vous', type: 'text', maxLength: 100, hint: 'Facultatif. Par exemple : sœur, voisin.' },
    { name: 'phone', label: 'Téléphone', type: 'tel', required: true, maxLength: 25, autoComplete: 'off', hint: 'Par exemple : 06 12 34 56 78.' },
    { name: 'email', label: 'Adresse e-mail', type: 'email', maxLength: 200, autoComplete: 'off', hint: 'Facultatif.' },
  ] },
  ORGAN_DONATION: { add: 'Indiquer ma position sur le don d’organes', edit: 'Modifier ma position sur le don d’organes', submit: 'Enregistrer ma position', fields: [
    { name: 'position', label: 'Ma position sur le don d’organes et de tissus', type: 'radio', required: true, options: options(ORGAN_DONATION_POSITIONS) },
  ] },
  PROFESSIONAL: { add: 'Ajouter un professionnel de santé', edit: 'Modifier le professionnel de santé', submit: 'Enregistrer le professionnel', fields: [
    { name: 'role', label: 'Rôle', type: 'radio', required: true, options: options(PROFESSIONAL_ROLES), hint: 'Un seul professionnel par rôle.' },
    { name: 'name', label: 'Nom du professionnel ou de la pharmacie', type: 'text', required: true, maxLength: 200, autoComplete: 'off',
      hint: 'Par exemple : Dr Claire Martin.' },
    { name: 'address', label: 'Adresse', type: 'text', maxLength: 300, autoComplete: 'off', hint: 'Facultatif.' },
    { name: 'phone', label: 'Téléphone', type: 'tel', maxLength: 25, autoComplete: 'off', hint: 'Facultatif.' },
  ] },
};
