import { ensureStaffOnProfile } from '@/lib/access/staff-guard';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { describeTrace } from '@/lib/audit/history';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';

export type HeirRelation = 'HEIR' | 'COHABITANT' | 'PACS_PARTNER';
export const HEIR_RELATIONS: Record<HeirRelation, string> = { HEIR: 'ayant droit (héritier)', COHABITANT: 'concubin(e)', PACS_PARTNER: 'partenaire de PACS' };


/** CLO-11: an heir, a cohabitant or a PACS partner asks the fund for access to a deceased person's profile. */
export async function recordHeirRequest(db: Db, actor: Actor, input: { profileId: string; requesterName: string; relation: HeirRelation; proof: string }, now: Date): Promise<void> {
  const { profile, staff } = await ensureStaffOnProfile(db, actor, 'profile.close.record', input.profileId, 'profile.heir-request', now);
  const closed = await db.selectFrom('profiles').select('closure_reason').where('id', '=', profile.id).executeTakeFirstOrThrow();
  if (profile.state !== 'CLOSED' || closed.closure_reason !== 'DECEASED') {
    throw new ValidationError('heir.not-deceased', 'Une demande d’ayant droit ne concerne que le profil d’une personne dont le décès est enregistré.');
  }
  if (input.requesterName.trim().length < 3) throw new ValidationError('heir.name', 'Indiquez le nom et le prénom du demandeur.', 'requesterName');
  if (input.proof.trim().length < 5) throw new ValidationError('heir.proof', 'Indiquez les justificatifs vérifiés (acte de notoriété, PACS, attestation…).', 'proof');
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('heir_requests').values({ profile_id: profile.id, requester_name: input.requesterName.trim().slice(0, 200),
      relation: input.relation, proof: input.proof.trim().slice(0, 500), requested_by: staff.staffId, requested_at: now,
      decided_by: null, decided_at: null, decision_note: null }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'profile.heir-request', profileId: profile.id, at: now, channel: 'BACKOFFICE', target: { type: 'heir_request', id: row.id } });
  });
}

/** CLO-11: a SECOND staff member approves or refuses; the one who recorded the request cannot (four eyes). */
export async function decideHeirRequest(db: Db, actor: Actor, input: { profileId: string; requestId: string; approve: boolean; note: string }, now: Date): Promise<void> {
  const { staff } = await ensureStaffOnProfile(db, actor, 'profile.close.record', input.profileId, 'profile.heir-decision', now);
  await db.transaction().execute(async (trx) => {
    const req = await trx.selectFrom('heir_requests').selectAll().where('id', '=', input.requestId).where('profile_id', '=', input.profileId).forUpdate().executeTakeFirst();
    if (!req) throw new NotFoundError('Demande');
    if (req.status !== 'REQUESTED') throw new ValidationError('heir.decided', 'Cette demande a déjà été tranchée.');
    if (req.requested_by === staff.staffId) {
      await recordAccess(db, { actor, action: 'profile.heir-decision', profileId: input.profileId, at: now, channel: 'BACKOFFICE', denied: 'four-eyes' });
      throw new ValidationError('heir.four-eyes', 'La décision doit être prise par un autre agent que celui qui a enregistré la demande.');
    }
    await trx.updateTable('heir_requests').set({ status: input.approve ? 'APPROVED' : 'REFUSED', decided_by: staff.staffId, decided_at: now,
      decision_note: input.note.trim().slice(0, 500) || null }).where('id', '=', req.id).execute();
    await recordAccess(trx, { actor, action: 'profile.heir-decision', profileId: input.profileId, at: now, channel: 'BACKOFFICE', target: { type: 'heir_request', id: req.id } });
  });
}

export async function heirRequestsOf(db: Db, profileId: string) {
  return db.selectFrom('heir_requests as h').innerJoin('staff_users as s', 's.id', 'h.requested_by').leftJoin('staff_users as d', 'd.id', 'h.decided_by')
    .select(['h.id', 'h.requester_name', 'h.relation', 'h.proof', 'h.status', 'h.requested_at', 'h.decided_at', 'h.decision_note',
      'h.requested_by', 's.display_name as requested_by_name', 'd.display_name as decided_by_name'])
    .where('h.profile_id', '=', profileId).orderBy('h.requested_at', 'desc').execute();
}

/**
 * CLO-11: the export handed to an approved requester: identity (NIR masked), lifecycle dates and the
 * activity history of the profile, as a PDF. Only after the two-person approval; traced.
 */
export async function heirExportPdf(db: Db, actor: Actor, input: { profileId: string; requestId: string }, now: Date): Promise<{ filename: string; pdf: Uint8Array }> {
  await ensureStaffOnProfile(db, actor, 'profile.close.record', input.profileId, 'profile.heir-export', now);
  const req = await db.selectFrom('heir_requests').selectAll().where('id', '=', input.requestId).where('profile_id', '=', input.profileId).executeTakeFirst();
  if (!req) throw new NotFoundError('Demande');
  if (req.status !== 'APPROVED') {
    await recordAccess(db, { actor, action: 'profile.heir-export', profileId: input.profileId, at: now, channel: 'BACKOFFICE', denied: 'not-approved' });
    throw new ValidationError('heir.not-approved', 'L’export n’est possible qu’après l’accord d’un second agent.');
  }
  const p = await db.selectFrom('profiles').selectAll().where('id', '=', input.profileId).executeTakeFirstOrThrow();
  const traces = await db.selectFrom('access_events').select(['at', 'action', 'outcome', 'actor_type', 'actor_label'])
    .where('profile_id', '=', p.id).orderBy('id').limit(2000).execute();
  await recordAccess(db, { actor, action: 'profile.heir-export', profileId: p.id, at: now, channel: 'BACKOFFICE', target: { type: 'heir_request', id: req.id } });
  const pdf = await PDFDocument.create();
  pdf.setTitle('Export pour un ayant droit — Mon espace santé');
  pdf.setLanguage('fr-FR');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const fmt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
  let page = pdf.addPage([595.28, 841.89]);
  let y = 790;
  const line = (text: string, o: { bold?: boolean; size?: number } = {}) => {
    if (y < 60) { page = pdf.addPage([595.28, 841.89]); y = 790; }
    // Standard fonts encode WinAnsi only: anything else prints as "?".
    const safe = text.replace(/[^\u0000-\u00ff’–—«»…€]/g, '?');
    page.drawText(safe, { x: 50, y, size: o.size ?? 9.5, font: o.bold ? bold : regular, color: rgb(0.1, 0.1, 0.2), maxWidth: 495 });
    y -= (o.size ?? 9.5) + 5;
  };
  line('Mon espace santé — export pour un ayant droit (CLO-11)', { bold: true, size: 13 });
  line(`Demande de ${req.requester_name}, ${HEIR_RELATIONS[req.relation]} ; accord le ${fmt.format(req.decided_at!)}.`);
  line(`Titulaire : ${p.first_names} ${p.birth_name}, né(e) le ${p.birth_date.split('-').reverse().join('/')}, NIR ${maskNir(p.nir)}.`);
  line(`Profil créé le ${fmt.format(p.created_at)} ; fermé le ${p.closed_at ? fmt.format(p.closed_at) : '—'} (décès).`);
  y -= 8;
  line('Historique d’activité', { bold: true, size: 11 });
  for (const t of traces) line(`${fmt.format(t.at)} — ${describeTrace(t)} — ${t.actor_label}`);
  return { filename: `export-ayant-droit-${req.id.slice(0, 8)}.pdf`, pdf: await pdf.save() };
}
