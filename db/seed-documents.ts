import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from './client';
import type { DocumentAuthorType } from './schema';
import { blobStore } from '@/lib/storage/blob-store';

type DemoDocument = { uniqueId: string; title: string; category: string; typeCode: string | null; date: string;
  authorType: DocumentAuthorType; authorLabel: string; lines: string[] };

/** A one-page PDF with a few lines of text (Helvetica covers French accents in WinAnsi). */
async function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  page.drawText(title, { x: 56, y: 770, size: 18, font: bold });
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 730 - i * 20, size: 12, font }));
  page.drawText('Document de démonstration : aucune donnée réelle.', { x: 56, y: 60, size: 10, font });
  return Buffer.from(await pdf.save());
}

/** Demo documents (DOC-1, DOC-4), added once: their fixed unique ids make the seed idempotent (DOC-12). */
export async function ensureDemoDocuments(db: Db, profileId: string, documents: DemoDocument[], now: Date): Promise<void> {
  for (const d of documents) {
    const exists = await db.selectFrom('documents').select('id').where('unique_id', '=', d.uniqueId).executeTakeFirst();
    if (exists) continue;
    const stored = await blobStore().put(await demoPdf(d.title, d.lines));
    await db.insertInto('documents').values({
      profile_id: profileId, unique_id: d.uniqueId, title: d.title, category: d.category, type_code: d.typeCode, document_date: d.date,
      mime_type: 'application/pdf', size_bytes: stored.size, sha256: stored.sha256, sha1: stored.sha1, blob_key: stored.key,
      wrapped_key: stored.wrappedKey, author_type: d.authorType, author_id: d.authorType === 'PATIENT' ? 'demo' : '10000000001',
      author_label: d.authorLabel, author_professional_id: null, replaces_id: null, mask_origin: null, folder_id: null,
      created_at: new Date(`${d.date}T09:00:00Z`), updated_at: now,
    }).onConflict((oc) => oc.column('unique_id').doNothing()).execute();
  }
}

export const MARIE_DOCUMENTS: DemoDocument[] = [
  { uniqueId: 'urn:demo:marie:biologie-2026-10', title: 'Bilan sanguin', category: 'BIOLOGIE', typeCode: '11502-2', date: '2026-10-14',
    authorType: 'HEALTHCARE_PROFESSIONAL', authorLabel: 'Laboratoire de biologie médicale du Faubourg',
    lines: ['Hémoglobine : 13,4 g/dL (12,0 - 16,0)', 'Glycémie à jeun : 0,92 g/L (0,70 - 1,10)', 'Cholestérol total : 1,85 g/L'] },
  { uniqueId: 'urn:demo:marie:consultation-2026-11', title: 'Compte rendu de consultation', category: 'CPT_REND', typeCode: '11488-4', date: '2026-11-03',
    authorType: 'HEALTHCARE_PROFESSIONAL', authorLabel: 'Dr Claire Martin, médecin généraliste',
    lines: ['Motif : suivi annuel.', 'Examen clinique sans particularité.', 'Conduite à tenir : bilan sanguin dans un an.'] },
  { uniqueId: 'urn:demo:marie:kine-2026-09', title: 'Ordonnance de kinésithérapie', category: 'ORD_SOIN', typeCode: null, date: '2026-09-20',
    authorType: 'PATIENT', authorLabel: 'Marie DUPONT', lines: ['10 séances de rééducation du genou droit.'] },
];

export const LEO_DOCUMENTS: DemoDocument[] = [
  { uniqueId: 'urn:demo:leo:examen-2026-06', title: 'Examen de santé de l’enfant', category: 'DEPISTAG', typeCode: '59283-2', date: '2026-06-10',
    authorType: 'HEALTHCARE_PROFESSIONAL', authorLabel: 'Dr Paul Lefèvre, pédiatre', lines: ['Croissance harmonieuse.', 'Vaccinations à jour.'] },
];
