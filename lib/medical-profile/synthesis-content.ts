import { describeEntry, frenchDate } from './describe-entry';
import type { MedicalEntry } from './entry-rows';
import { NOT_A_DECLARATION, ORGAN_DONATION_NOTICE } from './vocabulary';
import { SECTIONS, type SectionCode } from './sections';

/** One block of the Synthèse médicale: a section's heading and its lines (an entry, with its details). */
export type SynthesisBlock = { heading: string; items: { title: string; details: string[] }[]; notes: string[] };
export type SynthesisContent = { title: string; intro: string[]; blocks: SynthesisBlock[] };

export type SynthesisData = {
  person: { name: string; birthDate: string };
  requestedBy: string;
  today: string;
  entries: readonly MedicalEntry[];
  /** « Poids : 72,5 kg (le 30/11/2026) », one per measure type, prepared by the caller. */
  measures: readonly string[];
  directives: { createdOn: string } | undefined;
  adminDocuments: readonly { title: string }[];
  questionnaires: readonly { title: string }[];
};

const NOTHING = 'Aucune information renseignée.';

/**
 * PRF-6: what the Synthèse médicale says, for the sections the user ticked, in the profil médical's
 * order. Pure: the PDF layout (synthesis-pdf.ts) only draws it, and tests read it here.
 */
export function synthesisContent(chosen: readonly SectionCode[], data: SynthesisData): SynthesisContent {
  const blocks = SECTIONS.filter((s) => chosen.includes(s.code)).map((s): SynthesisBlock => {
    const entries = data.entries.filter((e) => (s.kinds as readonly string[]).includes(e.kind));
    const items = entries.map((e) => {
      const d = describeEntry(e.kind, e.payload);
      return e.source === 'PS' ? { ...d, details: [...d.details, `Enregistré par ${e.sourceLabel ?? 'un professionnel de santé'}`] } : d;
    });
    const simple = (lines: readonly string[]) => lines.map((title) => ({ title, details: [] }));
    switch (s.code) {
      case 'MEASURES':
        return { heading: s.label, items: simple(data.measures), notes: data.measures.length ? [] : [NOTHING] };
      case 'DIRECTIVES':
        return { heading: s.label, items: [], notes: [data.directives
          ? `Des directives anticipées ont été déposées le ${data.directives.createdOn} dans Mon espace santé (document « Directives anticipées »).`
          : 'Aucune directive anticipée déposée.'] };
      case 'ADMIN_DOCUMENTS':
        return { heading: s.label, items: simple(data.adminDocuments.map((d) => d.title)), notes: data.adminDocuments.length ? [] : [NOTHING] };
      case 'QUESTIONNAIRES':
        return { heading: s.label, items: simple(data.questionnaires.map((d) => d.title)), notes: data.questionnaires.length ? [] : [NOTHING] };
      case 'PROFESSIONALS':
        return { heading: s.label, items, notes: items.length ? [NOT_A_DECLARATION] : [NOTHING] };
      case 'ENTOURAGE':
        return { heading: s.label, items, notes: items.length ? (entries.some((e) => e.kind === 'ORGAN_DONATION') ? [ORGAN_DONATION_NOTICE] : []) : [NOTHING] };
      default:
        return { heading: s.label, items, notes: items.length ? [] : [NOTHING] };
    }
  });
  return {
    title: 'Synthèse médicale',
    intro: [
      `${data.person.name}, né(e) le ${frenchDate(data.person.birthDate)}`,
      `Générée le ${frenchDate(data.today)} par Mon espace santé, à la demande de ${data.requestedBy}.`,
      `Rubriques : ${blocks.map((b) => b.heading).join(', ')}.`,
      'Ces informations ont été saisies dans le profil médical ; elles ne remplacent pas l’avis d’un professionnel de santé.',
    ],
    blocks,
  };
}
