import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { ACTION_LABELS, nextSteps, summaryAvailable } from './rules';

export type VisitSummary = {
  id: string; startedAt: Date; endedAt: Date | null; siteName: string; siteCommune: string; advisorFirstName: string; personFirstName: string;
  actions: { label: string; who: string; detail: string; at: Date }[];
  nextSteps: string[];
};

const firstName = (names: string) => names.split(' ')[0] ?? '';

/**
 * FS-3: « Récapitulatif de votre accompagnement », for the person to take home: date, site, the advisor's
 * first name, what was done, what to do next. Only the visit's own advisor, during it and shortly after.
 */
export async function visitSummary(db: Db, actor: Actor, visitId: string, now: Date): Promise<VisitSummary> {
  const access = authorize(actor, 'advisor.access');
  if (!access.allowed || actor.kind !== 'ADVISOR') throw new AccessDeniedError(access.allowed ? 'réservé aux conseillers France Services.' : access.reason);
  const visit = await db.selectFrom('assisted_visits as v').innerJoin('france_services_sites as s', 's.id', 'v.site_id')
    .innerJoin('staff_users as u', 'u.id', 'v.advisor_id').innerJoin('profiles as p', 'p.id', 'v.profile_id')
    .select(['v.id', 'v.started_at', 'v.expires_at', 'v.ended_at', 's.name as site_name', 's.commune', 'u.display_name', 'p.first_names'])
    .where('v.id', '=', visitId).where('v.advisor_id', '=', actor.staffId).executeTakeFirst();
  if (!visit || !summaryAvailable({ endedAt: visit.ended_at, expiresAt: visit.expires_at }, now)) throw new NotFoundError('Récapitulatif');
  const actions = await db.selectFrom('assisted_visit_actions as a').innerJoin('profiles as p', 'p.id', 'a.profile_id')
    .select(['a.kind', 'a.detail', 'a.at', 'p.first_names', 'p.birth_name']).where('a.visit_id', '=', visitId).orderBy('a.at').orderBy('a.id').execute();
  return {
    id: visit.id, startedAt: visit.started_at, endedAt: visit.ended_at, siteName: visit.site_name, siteCommune: visit.commune,
    advisorFirstName: firstName(visit.display_name), personFirstName: firstName(visit.first_names),
    actions: actions.map((a) => ({ label: ACTION_LABELS[a.kind], who: `${firstName(a.first_names)} ${a.birth_name}`, detail: a.detail, at: a.at })),
    nextSteps: nextSteps(actions.map((a) => a.kind)),
  };
}

const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' });
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
export const summaryDay = (d: Date) => DAY.format(d);
export const summaryTime = (d: Date) => TIME.format(d).replace(':', ' h ');

/** The same summary as a one-page PDF (pdf-lib, like the opposition receipt OPP-6). */
export async function renderSummaryPdf(s: VisitSummary): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Récapitulatif de votre accompagnement');
  pdf.setLanguage('fr-FR');
  pdf.setAuthor('Mon espace santé');
  const page = pdf.addPage([595.28, 841.89]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 780;
  const line = (text: string, opts: { font?: typeof regular; size?: number; gap?: number } = {}) => {
    const size = opts.size ?? 11;
    // Wrap by words to the page width.
    const words = text.split(' ');
    let current = '';
    const lines: string[] = [];
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if ((opts.font ?? regular).widthOfTextAtSize(next, size) > 475 && current) { lines.push(current); current = w; } else current = next;
    }
    if (current) lines.push(current);
    for (const l of lines) {
      page.drawText(l, { x: 60, y, size, font: opts.font ?? regular, color: rgb(0.1, 0.1, 0.2) });
      y -= size + 5;
    }
    y -= (opts.gap ?? 20) - (size + 5);
  };
  line('Mon espace santé', { font: bold, size: 14, gap: 36 });
  line('Récapitulatif de votre accompagnement', { font: bold, size: 16, gap: 30 });
  line(`Date : ${summaryDay(s.startedAt)}, à partir de ${summaryTime(s.startedAt)}`);
  line(`Lieu : ${s.siteName} (${s.siteCommune})`);
  line(`Conseiller ou conseillère : ${s.advisorFirstName}`, { gap: 30 });
  line('Ce qui a été fait', { font: bold, size: 13 });
  if (s.actions.length === 0) line('Aucune démarche.');
  for (const a of s.actions) line(`• ${summaryTime(a.at)} — ${a.label} pour ${a.who}. ${a.detail}`, { gap: 17 });
  y -= 14;
  line('Et maintenant ?', { font: bold, size: 13 });
  for (const step of s.nextSteps) line(`• ${step}`, { gap: 17 });
  y -= 14;
  line('Votre conseiller n’a pas eu accès à vos données de santé. Chaque démarche apparaît dans votre Historique d’activité, avec la mention « avec l’aide d’un conseiller France Services ».');
  return pdf.save();
}
