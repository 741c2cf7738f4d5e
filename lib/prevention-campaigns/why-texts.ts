import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { parisIsoDay, parisLocalToUtc } from '@/lib/measures/paris-time';
import type { MessageCriteria } from './rules';

/**
 * PRV-7, BO-7: the « Pourquoi ce message ? » sentences as versioned data. One template per criterion with
 * `{placeholders}`; a version is never edited (append-only), a change is a new version with its effective
 * date. `whyThisMessage` (rules.ts) fills the templates of the version in force.
 */
export const WHY_KEYS = ['AGE', 'SEX_FEMALE', 'SEX_MALE', 'DEPARTEMENT', 'HISTORY_PRESENT', 'HISTORY_ABSENT', 'NO_CRITERIA'] as const;
export type WhyKey = (typeof WHY_KEYS)[number];
export type WhyTexts = Record<WhyKey, string>;

/** What each template is for and the placeholders it may use (with what they become), for the back-office. */
export const WHY_FIELDS: Record<WhyKey, { label: string; placeholders: Record<string, string> }> = {
  AGE: { label: 'Âge', placeholders: { age: 'l’âge en années (50)', ans: '« an » ou « ans » selon l’âge' } },
  SEX_FEMALE: { label: 'Sexe : femme', placeholders: {} },
  SEX_MALE: { label: 'Sexe : homme', placeholders: {} },
  DEPARTEMENT: { label: 'Département de résidence', placeholders: { departement: 'le nom avec son article (la Haute-Vienne)', code_departement: 'le numéro (87)' } },
  HISTORY_PRESENT: { label: 'Remboursement présent', placeholders: { categorie: 'la catégorie de remboursement (vaccin)', mois: 'la durée en mois (24)' } },
  HISTORY_ABSENT: { label: 'Remboursement absent', placeholders: { categorie: 'la catégorie de remboursement (soin dentaire)', mois: 'la durée en mois (12)' } },
  NO_CRITERIA: { label: 'Aucun critère', placeholders: {} },
};

/** Version 1, seeded by migration 202611292090: the sentences built in code before BO-7. Also the fallback. */
export const DEFAULT_WHY_TEXTS: WhyTexts = {
  AGE: 'Vous avez {age} {ans}.',
  SEX_FEMALE: 'Vous êtes une femme.',
  SEX_MALE: 'Vous êtes un homme.',
  DEPARTEMENT: 'Vous habitez {departement}.',
  HISTORY_PRESENT: 'Un remboursement de type « {categorie} » figure dans vos {mois} derniers mois.',
  HISTORY_ABSENT: 'Aucun remboursement de type « {categorie} » ne figure dans vos {mois} derniers mois.',
  NO_CRITERIA: 'Ce message s’adresse à toutes les personnes ayant un profil Mon espace santé actif.',
};

/** Fills `{name}` placeholders (a template was validated on publication, so every name is known). */
export function fillWhyTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const MAX_LENGTH = 300;

/** PRV-7: every template present, short enough, and only its own placeholders; errors per field, in French. */
export function checkWhyTexts(texts: Partial<Record<WhyKey, string>>): { ok: true; texts: WhyTexts } | { ok: false; errors: Partial<Record<WhyKey, string>> } {
  const errors: Partial<Record<WhyKey, string>> = {};
  const out = {} as WhyTexts;
  for (const key of WHY_KEYS) {
    const text = (texts[key] ?? '').trim();
    const { label, placeholders } = WHY_FIELDS[key];
    const allowed = Object.keys(placeholders);
    const names = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
    const unknown = names.filter((n) => !allowed.includes(n));
    if (!text) errors[key] = `Saisissez le texte « ${label} ».`;
    else if (text.length > MAX_LENGTH) errors[key] = `Le texte « ${label} » ne peut pas dépasser ${MAX_LENGTH} caractères.`;
    else if (unknown.length > 0) {
      errors[key] = `Le texte « ${label} » contient un champ inconnu : {${unknown[0]}}. `
        + (allowed.length ? `Champs possibles : ${allowed.map((a) => `{${a}}`).join(', ')}.` : 'Ce texte n’accepte aucun champ entre accolades.');
    } else if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) errors[key] = `Le texte « ${label} » contient une accolade seule : écrivez les champs sous la forme {nom}.`;
    out[key] = text;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, texts: out };
}

export type WhyVersion = { id: string; number: number; effectiveFrom: Date; note: string; createdBy: string | null; createdAt: Date };

async function listWhyVersions(db: Db): Promise<WhyVersion[]> {
  const rows = await db.selectFrom('reference_text_versions').selectAll().where('kind', '=', 'WHY_MESSAGE').orderBy('number', 'desc').execute();
  return rows.map((r) => ({ id: r.id, number: r.number, effectiveFrom: r.effective_from, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
}

async function loadWhyTexts(db: Db, versionId: string): Promise<WhyTexts> {
  const rows = await db.selectFrom('reference_texts').select(['key', 'template']).where('version_id', '=', versionId).execute();
  const texts = { ...DEFAULT_WHY_TEXTS };
  for (const r of rows) if ((WHY_KEYS as readonly string[]).includes(r.key)) texts[r.key as WhyKey] = r.template;
  return texts;
}

/**
 * Like the matrix versions: the version list is read at most every TTL by a process (every patient page with
 * a prevention message asks for it), forgotten at once on a publication here; a version's texts never change.
 */
const TTL_MS = 10_000;
let versionsCache: { at: number; versions: Promise<WhyVersion[]> } | undefined;
const textsCache = new Map<string, Promise<WhyTexts>>();
export const forgetWhyVersions = () => { versionsCache = undefined; };

function cachedVersions(db: Db): Promise<WhyVersion[]> {
  if (!versionsCache || Date.now() - versionsCache.at > TTL_MS) {
    const versions = listWhyVersions(db);
    versions.catch(() => { versionsCache = undefined; });
    versionsCache = { at: Date.now(), versions };
  }
  return versionsCache.versions;
}

const inForceAt = (versions: readonly WhyVersion[], now: Date) => versions
  .filter((v) => v.effectiveFrom.getTime() <= now.getTime())
  .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime() || b.number - a.number)[0];

/** PRV-7: the texts in force at `now` (the seeded sentences before any version). */
export async function whyTextsInForce(db: Db, now: Date): Promise<WhyTexts> {
  const version = inForceAt(await cachedVersions(db), now);
  if (!version) return DEFAULT_WHY_TEXTS;
  let texts = textsCache.get(version.id);
  if (!texts) {
    texts = loadWhyTexts(db, version.id);
    texts.catch(() => textsCache.delete(version.id));
    textsCache.set(version.id, texts);
  }
  return texts;
}

/** BO-7: the version in force with its texts, the upcoming ones and the whole list (staff). */
export async function readWhyTexts(db: Db, actor: Actor, now: Date) {
  await ensureStaff(db, actor, 'reference.read', 'reference.why.read', now);
  const versions = await listWhyVersions(db);
  const inForce = inForceAt(versions, now);
  const upcoming = versions.filter((v) => v.effectiveFrom.getTime() > now.getTime()).sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  return { inForce, texts: inForce ? await loadWhyTexts(db, inForce.id) : DEFAULT_WHY_TEXTS, upcoming, versions };
}

export type PublishWhyInput = { texts: Partial<Record<WhyKey, string>>; effectiveDay: string; note: string };
const frenchDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/**
 * BO-7, PRV-7: a supervisor publishes a new version of the texts, in force at the start of its day (Paris)
 * or at once when that day is today; never in the past nor before the latest version. Traced in the same transaction.
 */
export async function publishWhyTexts(db: Db, actor: Actor, input: PublishWhyInput, now: Date): Promise<{ versionId: string; number: number }> {
  const staff = await ensureStaff(db, actor, 'reference.publish', 'reference.why.publish', now);
  const checked = checkWhyTexts(input.texts);
  if (!checked.ok) {
    const [field, message] = Object.entries(checked.errors)[0]!;
    throw new ValidationError('why.template', message, field);
  }
  const note = input.note.trim();
  if (note.length < 3 || note.length > 500) throw new ValidationError('why.note', 'Décrivez le changement en 3 à 500 caractères.', 'note');
  const today = parisIsoDay(now);
  if (input.effectiveDay < today) throw new ValidationError('why.past', 'La date d’effet ne peut pas être dans le passé.', 'dateEffet');
  const effectiveFrom = input.effectiveDay === today ? now : parisLocalToUtc(input.effectiveDay, '00:00');

  const published = await db.transaction().execute(async (trx) => {
    await sql`lock table reference_text_versions in share row exclusive mode`.execute(trx);
    const latest = await trx.selectFrom('reference_text_versions').select(['number', 'effective_from'])
      .where('kind', '=', 'WHY_MESSAGE').orderBy('number', 'desc').limit(1).executeTakeFirst();
    if (latest && effectiveFrom.getTime() < latest.effective_from.getTime()) {
      throw new ValidationError('why.order', `La date d’effet doit être au plus tôt celle de la version ${latest.number} (${frenchDay.format(latest.effective_from)}).`, 'dateEffet');
    }
    const number = (latest?.number ?? 0) + 1;
    const { id } = await trx.insertInto('reference_text_versions')
      .values({ kind: 'WHY_MESSAGE', number, effective_from: effectiveFrom, note, created_by: staff.staffId }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('reference_texts').values(WHY_KEYS.map((key) => ({ version_id: id, key, template: checked.texts[key] }))).execute();
    await recordAccess(trx, { actor, action: 'reference.why.publish', profileId: null, target: { type: 'reference_text_version', id }, at: now, channel: 'BACKOFFICE' });
    return { versionId: id, number };
  });
  forgetWhyVersions();
  return published;
}

/** BO-7: the sample people whose sentences the back-office previews before publishing. */
export const WHY_SAMPLES: { label: string; criteria: MessageCriteria }[] = [
  { label: 'Une femme de 50 ans habitant la Haute-Vienne', criteria: { age: 50, sex: 2, departement: '87' } },
  { label: 'Un homme de 1 an habitant l’Ain, sans soin dentaire remboursé depuis 12 mois', criteria: { age: 1, sex: 1, departement: '01', history: { category: 'MEDICAL_DENTAL_CARE', present: false, months: 12 } } },
  { label: 'Une personne avec un vaccin remboursé dans les 24 derniers mois', criteria: { history: { category: 'VACCINE', present: true, months: 24 } } },
  { label: 'Un message sans critère', criteria: {} },
];
