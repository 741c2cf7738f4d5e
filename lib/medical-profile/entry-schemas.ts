import { z } from 'zod';
import { frenchDateToIso } from '@/lib/identity/dates';
import { lookupMedicine } from './medicines';
import {
  BLOOD_GROUP_CODES, CONTACT_TYPE_CODES, DISABILITY_RATE_CODES, DISABILITY_TYPE_CODES, FAMILY_RELATIONSHIP_CODES,
  LIFESTYLE_CATEGORY_CODES, ORGAN_DONATION_CODES, PROFESSIONAL_ROLE_CODES, VACCINATION_TYPE_CODES, type EntryKind,
} from './vocabulary';

/**
 * PRF-1..5: the zod schema of each kind's payload, built for one profile and one day: every date is a
 * real date, not in the future (a treatment's planned end excepted) and not before the birth date;
 * required fields are required. Every message is French and tied to its field (the form field name
 * is the payload key). Pure: `today` and the birth date come in.
 */
export type EntryContext = { today: string; birthDate: string };

const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

const trimmed = () => z.string().default('').transform((v) => v.trim().replace(/[ \t]+/g, ' '));
const tooLong = (max: number) => `Ce texte ne doit pas dépasser ${max} caractères.`;
/** A required text: `message` when empty. */
const required = (max: number, message: string) => trimmed().pipe(z.string().min(1, message).max(max, tooLong(max)));
/** An optional text, null when empty. */
const optional = (max: number) => trimmed().pipe(z.string().max(max, tooLong(max))).transform((v) => v || null);

/** A date typed JJ/MM/AAAA (or sent ISO by a date input), checked against today and the birth date. */
function dateCheck(ctx: EntryContext, raw: string, allowFuture: boolean): { iso: string } | { error: string } {
  const iso = frenchDateToIso(raw);
  if (!iso) return { error: 'Saisissez une date valide au format JJ/MM/AAAA, par exemple 03/03/2026.' };
  if (!allowFuture && iso > ctx.today) return { error: 'La date ne peut pas être dans le futur.' };
  if (iso < ctx.birthDate) return { error: `La date ne peut pas précéder la date de naissance (${frenchDay(ctx.birthDate)}).` };
  return { iso };
}

const requiredDay = (ctx: EntryContext, message: string) => trimmed().transform((v, issue): string => {
  const checked = v ? dateCheck(ctx, v, false) : { error: message };
  if ('error' in checked) { issue.addIssue({ code: 'custom', message: checked.error }); return z.NEVER; }
  return checked.iso;
});

const optionalDay = (ctx: EntryContext, opts: { allowFuture?: boolean } = {}) => trimmed().transform((v, issue): string | null => {
  if (!v) return null;
  const checked = dateCheck(ctx, v, opts.allowFuture ?? false);
  if ('error' in checked) { issue.addIssue({ code: 'custom', message: checked.error }); return z.NEVER; }
  return checked.iso;
});

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.string().default('').pipe(z.enum(values, { error: message }));

const PHONE = /^\+?[\d\s.()-]{6,25}$/;
const validPhone = (v: string | null) => {
  if (!v) return true;
  const digits = v.replace(/\D/g, '').length;
  return PHONE.test(v) && digits >= 10 && digits <= 15;
};
const PHONE_ERROR = 'Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78.';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = () => optional(200).refine((v) => !v || EMAIL.test(v), 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.');

/** `end` not before `start` when both are given. */
const endAfterStart = (start: string, end: string) => (p: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const s = p[start] as string | null;
  const e = p[end] as string | null;
  if (s && e && e < s) ctx.addIssue({ code: 'custom', path: [end], message: 'La date de fin ne peut pas précéder la date de début.' });
};

export function entrySchemas(ctx: EntryContext) {
  return {
    ALLERGY: z.object({
      name: required(200, 'Indiquez l’allergie, par exemple : pénicilline, arachide, pollen de bouleau.'),
      reaction: optional(500),
      since: optionalDay(ctx),
    }),
    CONDITION: z.object({
      name: required(200, 'Indiquez la maladie ou le sujet de santé, par exemple : asthme.'),
      since: optionalDay(ctx),
      notes: optional(1000),
    }),
    HOSPITALISATION: z.object({
      reason: required(200, 'Indiquez le motif de l’hospitalisation.'),
      facility: optional(200),
      startDate: requiredDay(ctx, 'Indiquez la date d’entrée.'),
      endDate: optionalDay(ctx),
    }).superRefine(endAfterStart('startDate', 'endDate')),
    TREATMENT: z.object({
      name: required(200, 'Indiquez le nom du médicament.'),
      dosage: optional(300),
      startDate: optionalDay(ctx),
      // A course of treatment may end later than today: its planned end is accepted.
      endDate: optionalDay(ctx, { allowFuture: true }),
    }).superRefine(endAfterStart('startDate', 'endDate'))
      .transform((p) => ({ ...p, cip13: lookupMedicine(p.name, 'MEDICINE')?.cip13 ?? null })),
    VACCINATION: z.object({
      vaccine: required(200, 'Indiquez le nom du vaccin.'),
      date: requiredDay(ctx, 'Indiquez la date de la vaccination.'),
      type: choice(VACCINATION_TYPE_CODES, 'Choisissez le type de vaccination.'),
      batch: optional(50),
    }).transform((p) => ({ ...p, cip13: lookupMedicine(p.vaccine, 'VACCINE')?.cip13 ?? null })),
    FAMILY_HISTORY: z.object({
      condition: required(200, 'Indiquez la maladie, par exemple : diabète.'),
      relationship: choice(FAMILY_RELATIONSHIP_CODES, 'Choisissez le lien de parenté.'),
      notes: optional(1000),
    }),
    DISABILITY: z.object({
      type: choice(DISABILITY_TYPE_CODES, 'Choisissez le type de handicap.'),
      rate: choice(DISABILITY_RATE_CODES, 'Choisissez le taux d’incapacité.'),
      humanHelp: choice(['oui', 'non'], 'Indiquez si une aide humaine est nécessaire.').transform((v) => v === 'oui'),
      notes: optional(1000),
    }),
    BLOOD_GROUP: z.object({
      group: choice(BLOOD_GROUP_CODES, 'Choisissez votre groupe sanguin.'),
    }),
    LIFESTYLE: z.object({
      category: choice(LIFESTYLE_CATEGORY_CODES, 'Choisissez le thème.'),
      text: required(1000, 'Décrivez votre habitude.'),
    }),
    CONTACT: z.object({
      type: choice(CONTACT_TYPE_CODES, 'Choisissez le rôle de ce contact.'),
      firstName: required(100, 'Indiquez le prénom.'),
      lastName: required(100, 'Indiquez le nom.'),
      relationship: optional(100),
      phone: required(25, 'Indiquez un numéro de téléphone.').refine(validPhone, PHONE_ERROR),
      email: email(),
    }),
    ORGAN_DONATION: z.object({
      position: choice(ORGAN_DONATION_CODES, 'Choisissez votre position.'),
    }),
    PROFESSIONAL: z.object({
      role: choice(PROFESSIONAL_ROLE_CODES, 'Choisissez le rôle de ce professionnel.'),
      name: required(200, 'Indiquez le nom du professionnel, par exemple : Dr Claire Martin.'),
      address: optional(300),
      phone: optional(25).refine(validPhone, PHONE_ERROR),
    }),
  } as const satisfies Record<EntryKind, z.ZodType>;
}

type Schemas = ReturnType<typeof entrySchemas>;
/** The stored payload of each kind. */
export type PayloadOf<K extends EntryKind> = z.output<Schemas[K]>;
export type AnyPayload = { [K in EntryKind]: PayloadOf<K> }[EntryKind];

/** The form fields of each kind (the payload's input keys; derived fields such as cip13 are not typed in). */
export const FORM_FIELDS: Record<EntryKind, readonly string[]> = {
  ALLERGY: ['name', 'reaction', 'since'],
  CONDITION: ['name', 'since', 'notes'],
  HOSPITALISATION: ['reason', 'facility', 'startDate', 'endDate', 'documentId'],
  TREATMENT: ['name', 'dosage', 'startDate', 'endDate'],
  VACCINATION: ['vaccine', 'date', 'type', 'batch'],
  FAMILY_HISTORY: ['condition', 'relationship', 'notes'],
  DISABILITY: ['type', 'rate', 'humanHelp', 'notes'],
  BLOOD_GROUP: ['group'],
  LIFESTYLE: ['category', 'text'],
  CONTACT: ['type', 'firstName', 'lastName', 'relationship', 'phone', 'email'],
  ORGAN_DONATION: ['position'],
  PROFESSIONAL: ['role', 'name', 'address', 'phone'],
};

/** Kinds that may point at one of the profile's documents (DOC-8). */
export const DOCUMENT_LINK_KINDS: readonly EntryKind[] = ['HOSPITALISATION'];

export type FieldErrors = Record<string, string>;
export type CheckedEntry<K extends EntryKind = EntryKind> = { kind: K; payload: PayloadOf<K>; documentId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every check of one entry typed in a form; all field errors at once (the first per field). */
export function validateEntry<K extends EntryKind>(kind: K, fields: Record<string, string | undefined>, ctx: EntryContext):
  { ok: true; entry: CheckedEntry<K> } | { ok: false; errors: FieldErrors } {
  const schema = entrySchemas(ctx)[kind] as unknown as z.ZodType<PayloadOf<K>>;
  const parsed = schema.safeParse(fields);
  const errors: FieldErrors = {};
  let documentId: string | null = null;
  if (DOCUMENT_LINK_KINDS.includes(kind) && fields.documentId) {
    if (UUID.test(fields.documentId)) documentId = fields.documentId;
    else errors.documentId = 'Choisissez un document dans la liste.';
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entry: { kind, payload: parsed.data, documentId } };
}
