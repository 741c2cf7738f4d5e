import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { DOCUMENT_TYPES } from '@/lib/access-matrix/professions';
import { recordAccess } from '@/lib/audit/record-access';
import { storeDocument } from '@/lib/documents/store-document';
import { DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { professionalLabel } from './access-notice';
import { decideOnDocument, findPatientDocument } from './patient-documents';
import { ensurePatient, refuse, type Channel, type PatientAccess } from './patient-gate';
import { checkProfessionalFile } from './professional-file';

/** VIS-10: both flags at once (the API answers 422). */
export class FlagsConflictError extends DomainError {
  constructor() {
    super('document.flags-conflict', 'Un document ne peut pas être à la fois masqué aux professionnels et invisible au patient (VIS-10).', 'invisiblePatient');
  }
}
/** DOC-12: the unique id is already another document's (another profile, or another content). */
export class UniqueIdTakenError extends DomainError {
  constructor() {
    super('document.unique-id-taken', 'Cet identifiant unique de document est déjà celui d’un autre document.', 'uniqueId');
  }
}

export const depositSchema = z.object({
  profileId: z.string().uuid('Patient introuvable.'),
  title: z.string().trim().min(1, 'Saisissez le titre du document.').max(200, 'Le titre ne doit pas dépasser 200 caractères.'),
  typeCode: z.string().trim().refine((v) => Object.hasOwn(DOCUMENT_TYPES, v), 'Choisissez le type de document (code LOINC de la liste).'),
  documentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Saisissez la date du document au format JJ/MM/AAAA.').nullable(),
  /** DOC-12: given by the software (FHIR masterIdentifier); generated when absent. */
  uniqueId: z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'Identifiant unique invalide.').optional(),
  masquePs: z.boolean().default(false),
  invisiblePatient: z.boolean().default(false),
  invisibleRepresentatives: z.boolean().default(false),
  /** VIS-15: « connexion secrète » for a minor's confidential care. */
  secret: z.boolean().default(false),
});
export type DepositInput = z.input<typeof depositSchema> & { file: { name: string; bytes: Buffer } };
export type DepositResult = { documentId: string; created: boolean };

/** VIS-10, VIS-15: the flags a professional gives must hold together. */
function checkFlags(input: z.output<typeof depositSchema>, kind: 'ADULT' | 'CHILD'): void {
  if (input.masquePs && input.invisiblePatient) throw new FlagsConflictError();
  if (input.invisibleRepresentatives && kind !== 'CHILD') {
    throw new ValidationError('document.not-minor', 'Le secret vis-à-vis des représentants légaux ne concerne que le profil d’un mineur (VIS-14).', 'invisibleRepresentatives');
  }
  if (input.secret && kind === 'CHILD' && !input.invisibleRepresentatives) {
    throw new ValidationError('document.secret-needs-flag',
      'En connexion secrète, un document déposé pour un mineur doit être non visible des représentants légaux (VIS-15).', 'invisibleRepresentatives');
  }
}

const authorOf = (actor: ProfessionalActor) => ({
  type: actor.facility ? 'HEALTHCARE_FACILITY' as const : 'HEALTHCARE_PROFESSIONAL' as const,
  id: actor.facility?.id ?? actor.rpps,
  label: professionalLabel(actor),
});

/**
 * NOT-1, VIS-9, VIS-14: the patient side hears of a new document unless it may not see it (invisible to
 * the patient; or hidden from representatives on a child's profile, whose notifications they share).
 */
async function announce(trx: Transaction<DB>, actor: ProfessionalActor, access: PatientAccess, documentId: string,
  flags: { invisiblePatient: boolean; invisibleRepresentatives: boolean }, now: Date) {
  if (flags.invisiblePatient || (flags.invisibleRepresentatives && access.profile.kind === 'CHILD')) return;
  await notify(trx, { profileId: access.profile.id, kind: 'NOTIF_DOCUMENT', data: { actorLabel: professionalLabel(actor), documentId }, at: now });
}

/**
 * PRO-8, DOC-11..14, VIS-9/10/15: a professional deposits a document (pages and FHIR alike). The type
 * code maps to its category (DOC-14); a re-submitted unique id returns the existing document and creates
 * nothing (DOC-12); mask-all still applies (VIS-3); the patient is notified through the outbox (NOT-1)
 * unless the document is invisible to them; the deposit trace is held back from their history meanwhile
 * (AUD-7). `replaces`: DOC-11, the author's new version of one of its documents.
 */
export async function depositDocument(db: Db, actor: ProfessionalActor, raw: DepositInput, now: Date, channel: Channel,
  replaces?: string): Promise<DepositResult> {
  const input = depositSchema.parse(raw);
  const access = await ensurePatient(db, actor, input.profileId, 'document.deposit', replaces ? 'document.replace' : 'document.deposit', now, channel);
  checkFlags(input, access.profile.kind);
  const { mime } = await checkProfessionalFile(raw.file.name, raw.file.bytes);
  if (input.uniqueId) {
    const existing = await db.selectFrom('documents').select(['id', 'profile_id', 'sha256']).where('unique_id', '=', input.uniqueId).executeTakeFirst();
    if (existing) {
      const same = existing.profile_id === input.profileId && existing.sha256 === createHash('sha256').update(raw.file.bytes).digest('hex');
      await recordAccess(db, { actor, action: 'document.resubmit', profileId: existing.profile_id, target: { type: 'document', id: existing.id },
        ...(same ? {} : { denied: 'unique-id-taken' }), at: now, channel });
      if (!same) throw new UniqueIdTakenError();
      return { documentId: existing.id, created: false }; // DOC-12
    }
  }
  let previous: Awaited<ReturnType<typeof findPatientDocument>>['row'] | undefined;
  if (replaces) {
    const found = await findPatientDocument(db, actor, replaces, 'document.replace', 'document.replace', now, channel);
    if (found.row.profile_id !== input.profileId) throw new NotFoundError('Document');
    previous = found.row;
  }
  const type = DOCUMENT_TYPES[input.typeCode]!;
  const flags = { masquePs: input.masquePs, invisiblePatient: input.invisiblePatient, invisibleRepresentatives: input.invisibleRepresentatives };
  const { documentId } = await storeDocument(db, actor, {
    profileId: input.profileId, title: input.title, category: type.category, documentDate: input.documentDate,
    content: { bytes: raw.file.bytes, mime }, author: authorOf(actor), authorProfessionalId: actor.professionalId,
    traceAction: replaces ? 'document.replace' : 'document.deposit', uniqueId: input.uniqueId, typeCode: input.typeCode, flags,
    replacesId: previous?.id ?? null, trace: { channel, mode: input.secret ? 'SECRET' : 'NORMAL' },
  }, now, undefined, async (trx, id) => {
    if (previous) {
      // DOC-11: the old version becomes OBSOLETE, once (a concurrent replace of the same version fails here).
      const done = await trx.updateTable('documents').set({ status: 'OBSOLETE', updated_at: now })
        .where('id', '=', previous.id).where('status', '=', 'ACTIVE').executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new ValidationError('document.already-replaced', 'Ce document vient d’être remplacé par une autre version.');
    }
    await announce(trx, actor, access, id, flags, now);
  });
  return { documentId, created: true };
}

/** DOC-11: the author replaces its document; flags carry over unless the new deposit sets them. */
export async function replaceDocument(db: Db, actor: ProfessionalActor, documentId: string, raw: Omit<DepositInput, 'masquePs' | 'invisiblePatient' | 'invisibleRepresentatives'>
  & Partial<Pick<DepositInput, 'masquePs' | 'invisiblePatient' | 'invisibleRepresentatives'>>, now: Date, channel: Channel): Promise<DepositResult> {
  const old = await db.selectFrom('documents').select(['masque_ps', 'mask_origin', 'invisible_patient', 'invisible_representants_legaux'])
    .where('id', '=', /^[0-9a-f-]{36}$/i.test(documentId) ? documentId : '00000000-0000-0000-0000-000000000000').executeTakeFirst();
  return depositDocument(db, actor, {
    ...raw,
    // A BULK mask is mask-all's, which applies again by itself; an individual or at-deposit mask carries over.
    masquePs: raw.masquePs ?? (old?.masque_ps === true && old.mask_origin !== 'BULK'),
    invisiblePatient: raw.invisiblePatient ?? old?.invisible_patient ?? false,
    invisibleRepresentatives: raw.invisibleRepresentatives ?? old?.invisible_representants_legaux ?? false,
  }, now, channel, documentId);
}

/** DOC-9: only the author deletes; logical (DELETED, traced, gone from every view); the file goes 30 days later (DOC-10). */
export async function deleteProfessionalDocument(db: Db, actor: ProfessionalActor, documentId: string, now: Date, channel: Channel): Promise<void> {
  const found = await findPatientDocument(db, actor, documentId, 'document.delete', 'document.delete', now, channel);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('documents').set({ status: 'DELETED', deleted_at: now, deleted_by_label: professionalLabel(actor), updated_at: now, pinned: false, folder_id: null })
      .where('id', '=', found.row.id).execute();
    await recordAccess(trx, { actor, action: 'document.delete', profileId: found.row.profile_id, target: { type: 'document', id: found.row.id }, at: now, channel });
  });
}

/**
 * VIS-9..11: the author makes a document invisible to the patient (never while masked: VIS-10); the author
 * or an authorised doctor or midwife makes it visible again — then the patient is notified as for a new
 * document and the held-back deposit trace shows with its original time (AUD-7); under mask-all it gets
 * the BULK mask (VIS-10).
 */
export async function setPatientVisibility(db: Db, actor: ProfessionalActor, documentId: string, visible: boolean, now: Date, channel: Channel): Promise<void> {
  const action = visible ? 'document.show-to-patient' : 'document.hide-from-patient';
  const found = await findPatientDocument(db, actor, documentId, 'document.read', action, now, channel);
  const decision = decideOnDocument(actor, action, found.access, found.row);
  if (!decision.allowed) await refuse(db, actor, found.row.profile_id, action, decision, found.access.mode, now, channel, { type: 'document', id: found.row.id });
  if (found.row.invisible_patient === !visible) return; // already so: nothing to change
  if (!visible && found.row.masque_ps) throw new FlagsConflictError();
  await db.transaction().execute(async (trx) => {
    const maskAll = found.access.privacy.maskAll;
    await trx.updateTable('documents').set(visible
      ? { invisible_patient: false, updated_at: now, ...(maskAll ? { masque_ps: true, mask_origin: 'BULK' as const } : {}) }
      : { invisible_patient: true, updated_at: now })
      .where('id', '=', found.row.id).execute();
    await recordAccess(trx, { actor, action, profileId: found.row.profile_id, target: { type: 'document', id: found.row.id }, at: now, channel });
    if (visible) {
      await announce(trx, actor, found.access, found.row.id, { invisiblePatient: false, invisibleRepresentatives: found.row.invisible_representants_legaux }, now);
    }
  });
}
