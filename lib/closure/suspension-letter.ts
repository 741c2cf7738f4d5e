import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { toWinAnsi, wrap } from '@/lib/pdf/text';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';
import { SUSPENSION_DAYS } from './rules';

export type SuspensionLetterData = {
  reference: string; firstNames: string; birthName: string; nirMasked: string; postalAddress: string | null;
  suspendedAt: Date; reason: string; lastObjectionDay: string;
};

const ACTION = 'profile.suspension-letter';

/**
 * CLO-9, BO-6: the data of the suspension notice an agent prints and posts. Staff only; every download
 * is traced as SUPPORT (refusals included); only a SUSPENDED profile has a notice to print.
 */
export async function suspensionLetter(db: Db, actor: Actor, profileId: string, now: Date): Promise<SuspensionLetterData> {
  const p = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .leftJoin('insured_people', 'insured_people.nir', 'profiles.nir')
    .select(['profiles.id', 'profiles.nir', 'profiles.state', 'profiles.first_names', 'profiles.birth_name', 'profiles.suspended_at',
      'profiles.suspension_reason', 'profiles.suspension_deadline', 'accounts.id as holder', 'insured_people.postal_address'])
    .where('profiles.id', '=', profileId).executeTakeFirst();
  if (!p) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.admin.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holder } });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: ACTION, profileId: p.id, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  if (p.state !== 'SUSPENDED' || !p.suspended_at || !p.suspension_deadline) {
    await recordAccess(db, { actor, action: ACTION, profileId: p.id, denied: 'not-suspended', at: now, channel: 'BACKOFFICE' });
    throw new ValidationError('suspension.not-suspended', 'Ce profil n’est pas suspendu : il n’y a pas de courrier de suspension à imprimer.');
  }
  await recordAccess(db, { actor, action: ACTION, profileId: p.id, at: now, channel: 'BACKOFFICE' });
  return {
    reference: `SUS-${p.id.slice(0, 8).toUpperCase()}`, firstNames: p.first_names, birthName: p.birth_name, nirMasked: maskNir(p.nir),
    postalAddress: p.postal_address, suspendedAt: p.suspended_at, reason: p.suspension_reason ?? '', lastObjectionDay: p.suspension_deadline,
  };
}

const longDay = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

/** CLO-9: the suspension notice (reason, how and until when to object, what follows) as a one-page A4 PDF. */
export async function renderSuspensionLetterPdf(d: SuspensionLetterData): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Suspension de votre profil Mon espace santé – ${d.reference}`);
  pdf.setLanguage('fr-FR');
  pdf.setAuthor('Mon espace santé – Assurance Maladie');
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const para = (text: string, opts: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    for (const l of wrap(toWinAnsi(text), font, size, 475)) {
      page.drawText(l, { x: 60, y, size, font, color: rgb(0.1, 0.1, 0.2) });
      y -= size + 4;
    }
    y -= opts.gap ?? 8;
  };
  const suspendedOn = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d.suspendedAt);
  para('Mon espace santé – Assurance Maladie', { font: bold, size: 14, gap: 24 });
  para(`${d.firstNames} ${d.birthName}`, { font: bold, gap: 0 });
  for (const line of (d.postalAddress ?? '').split(/\r?\n|,\s*/).filter(Boolean)) para(line, { gap: 0 });
  y -= 20;
  para(`Référence : ${d.reference}`, { gap: 0 });
  para(`Numéro de sécurité sociale : ${d.nirMasked}`, { gap: 0 });
  para(`Le ${suspendedOn}`, { gap: 20 });
  para('Objet : suspension de votre profil Mon espace santé', { font: bold, size: 13, gap: 16 });
  para('Madame, Monsieur,');
  para(`Le ${suspendedOn}, l’Assurance Maladie a suspendu votre profil Mon espace santé pour le motif suivant :`, { gap: 4 });
  para(`« ${d.reason} »`, { font: bold });
  para('Pendant la suspension, vous ne pouvez plus vous connecter à votre profil. Les professionnels de santé qui vous soignent peuvent toujours le consulter et l’alimenter.');
  para('Vous pouvez contester cette décision', { font: bold, gap: 4 });
  para(`Vous avez ${SUSPENSION_DAYS} jours (6 semaines) pour la contester, jusqu’au ${longDay(d.lastObjectionDay)} inclus :`, { gap: 4 });
  para('• par téléphone au 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ;', { gap: 2 });
  para(`• par courrier adressé à votre caisse d’assurance maladie, en rappelant la référence ${d.reference}.`);
  para('Votre contestation arrête le délai : l’Assurance Maladie réexamine alors la situation et lève la suspension ou ferme le profil par une décision motivée.');
  para('Sans contestation de votre part', { font: bold, gap: 4 });
  para(`Si vous ne contestez pas d’ici le ${longDay(d.lastObjectionDay)}, votre profil sera fermé automatiquement le lendemain. Ses données seront archivées pendant 10 ans ; pendant ce temps, vous pourrez le rouvrir en l’activant avec un nouveau code provisoire.`);
  y -= 8;
  para('Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.', { gap: 20 });
  para('Le service Mon espace santé de l’Assurance Maladie', { font: bold });
  return pdf.save();
}
