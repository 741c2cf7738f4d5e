import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { frenchDay } from '@/emails';
import { codeExpiresAt } from '@/lib/auth/codes';
import { claimRecipients, firstName, prepareProfiles, type Prepared } from './prepare';
import { lastOppositionDay } from './window';

type Letter = Prepared & { printedDeadline: string; codeExpiresOn: string };

/** CMP-5 on paper: the same content as the email notice, one A4 page per letter, address in the window. */
function drawLetter(page: PDFPage, l: Letter, fonts: { regular: PDFFont; bold: PDFFont }, appUrl: string): void {
  let y = 790;
  const text = (t: string, o: { bold?: boolean; size?: number; x?: number; gap?: number } = {}) => {
    page.drawText(t, { x: o.x ?? 60, y, size: o.size ?? 10.5, font: o.bold ? fonts.bold : fonts.regular, color: rgb(0.1, 0.1, 0.2), maxWidth: 480, lineHeight: 14 });
    y -= o.gap ?? 16;
  };
  const child = l.kind === 'CHILD';
  const addressee = child ? `${l.parent_first_names ?? ''} ${l.parent_birth_name ?? ''}` : `${l.first_names} ${l.birth_name}`;
  text('Assurance Maladie — Mon espace santé', { bold: true, size: 12, gap: 40 });
  y = 700;
  text(addressee.trim(), { x: 320 });
  for (const part of (l.postal_address ?? '').split(/\s*[,;\n]\s*/).filter(Boolean)) text(part, { x: 320 });
  y = 600;
  text(child ? `Le profil Mon espace santé de votre enfant ${firstName(l.first_names)} va être créé`
    : `Votre profil Mon espace santé va être créé`, { bold: true, size: 13, gap: 26 });
  for (const p of [
    'Mon espace santé est un service public, gratuit et sécurisé, proposé par l’Assurance Maladie et le ministère chargé',
    'de la santé, pour stocker et partager vos documents et données de santé. Il remplace et prolonge le Dossier Médical',
    'Partagé (DMP) : si vous en avez un, il y sera rattaché.',
  ]) text(p);
  y -= 8;
  text(`Sauf opposition, le profil sera créé automatiquement. Vous pouvez vous y opposer jusqu’au ${l.printedDeadline} inclus :`);
  text(`en ligne sur ${appUrl}, par téléphone au 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou par courrier`);
  text('à votre caisse d’assurance maladie. Le profil pourra aussi être fermé à tout moment par la suite.', { gap: 26 });
  text(child ? 'Code provisoire pour activer le profil de votre enfant :' : 'Votre code provisoire pour activer votre profil :');
  text(l.code.replace(/(.{4})/, '$1 '), { bold: true, size: 20, gap: 30 });
  text(`Ce code est personnel et valable jusqu’au ${l.codeExpiresOn}. Rendez-vous sur ${appUrl}/activation avec votre carte Vitale.`);
}

/**
 * CMP-3: claims up to `size` letter recipients, issues their codes (CMP-7) and writes ONE PDF for the
 * print provider, committed with the batch row. The codes exist in clear only in that file, which is
 * deleted once the batch is declared posted. Returns false when there was nothing to do.
 */
export async function generateLetterBatch(db: Db, campaignId: string, size: number, dir: string, now: Date, appUrl = process.env.APP_URL ?? 'http://localhost:3000'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await claimRecipients(trx, campaignId, 'LETTER_QUEUED', size);
    if (claimed.length === 0) return false;
    const { ready, skipped } = await prepareProfiles(trx, claimed, now);
    if (ready.length === 0) return skipped.length > 0;
    // The earliest posting day is today: the printed last day can only be earlier than the real one.
    const printedDeadline = frenchDay(new Date(`${lastOppositionDay(now)}T12:00:00Z`));
    const codeExpiresOn = frenchDay(codeExpiresAt(now));
    const pdf = await PDFDocument.create();
    pdf.setTitle('Avis de création Mon espace santé — lot d’impression');
    pdf.setLanguage('fr-FR');
    const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
    for (const r of ready) drawLetter(pdf.addPage([595.28, 841.89]), { ...r, printedDeadline, codeExpiresOn }, fonts, appUrl);
    const { rows } = await sql<{ seq: number }>`
      select coalesce(max(seq), 0) + 1 as seq from letter_batches where campaign_id = ${campaignId}
      and pg_advisory_xact_lock(hashtext(${campaignId})) is not null`.execute(trx);
    const seq = Number(rows[0]?.seq ?? 1);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `courriers-${campaignId}-lot-${String(seq).padStart(4, '0')}.pdf`);
    await writeFile(file, await pdf.save());
    try {
      const batch = await trx.insertInto('letter_batches')
        .values({ campaign_id: campaignId, seq, letters: ready.length, stored_path: file, posted_on: null, posted_by: null })
        .returning('id').executeTakeFirstOrThrow();
      await sql`update campaign_recipients r set status = 'LETTER_READY', letter_batch_id = ${batch.id}, profile_id = u.profile_id
        from unnest(${ready.map((r) => r.id)}::bigint[], ${ready.map((r) => r.profileId)}::uuid[]) as u(id, profile_id)
        where r.id = u.id`.execute(trx);
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    return true;
  });
}
