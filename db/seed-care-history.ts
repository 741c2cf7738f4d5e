import type { Db } from './client';
import type { CareCategory } from './schema';

type DemoEpisode = { claimLineId: string; date: string; category: CareCategory; label: string; specialty: string | null };

/**
 * Demo episodes of Mon histoire de santé (HIS-1, HIS-2), as the reimbursement feed would have brought
 * them: fixed claim-line ids keep the seed idempotent (HIS-3).
 */
export async function ensureDemoEpisodes(db: Db, profileId: string, episodes: DemoEpisode[]): Promise<void> {
  await db.insertInto('care_episodes').values(episodes.map((e) => ({
    profile_id: profileId, claim_line_id: e.claimLineId, care_date: e.date, category: e.category, label: e.label,
    prescriber_specialty: e.specialty, import_id: null,
  }))).onConflict((oc) => oc.column('claim_line_id').doNothing()).execute();
}

export const MARIE_EPISODES: DemoEpisode[] = [
  { claimLineId: 'demo-marie-0001', date: '2025-02-11', category: 'MEDICAL_DENTAL_CARE', label: 'Consultation de médecine générale', specialty: null },
  { claimLineId: 'demo-marie-0002', date: '2025-02-11', category: 'MEDICINE', label: 'Amoxicilline 1 g, comprimé', specialty: 'Médecine générale' },
  { claimLineId: 'demo-marie-0003', date: '2025-06-04', category: 'MEDICAL_DENTAL_CARE', label: 'Détartrage', specialty: null },
  { claimLineId: 'demo-marie-0004', date: '2025-10-17', category: 'VACCINE', label: 'Vaccin contre la grippe saisonnière', specialty: 'Médecine générale' },
  { claimLineId: 'demo-marie-0005', date: '2026-09-12', category: 'RADIOLOGY', label: 'IRM du genou', specialty: 'Médecine générale' },
  { claimLineId: 'demo-marie-0006', date: '2026-09-22', category: 'MEDICAL_DENTAL_CARE', label: 'Séances de masso-kinésithérapie', specialty: 'Médecine générale' },
  { claimLineId: 'demo-marie-0007', date: '2026-10-14', category: 'BIOLOGY', label: 'Bilan lipidique et glycémie', specialty: 'Médecine générale' },
  { claimLineId: 'demo-marie-0008', date: '2026-11-03', category: 'MEDICAL_DENTAL_CARE', label: 'Consultation de médecine générale', specialty: null },
];

export const LEO_EPISODES: DemoEpisode[] = [
  { claimLineId: 'demo-leo-0001', date: '2025-12-02', category: 'MEDICINE', label: 'Paracétamol 2,4 %, suspension buvable', specialty: 'Pédiatrie' },
  { claimLineId: 'demo-leo-0002', date: '2026-06-10', category: 'MEDICAL_DENTAL_CARE', label: 'Consultation de pédiatrie', specialty: null },
  { claimLineId: 'demo-leo-0003', date: '2026-06-10', category: 'VACCINE', label: 'Vaccin diphtérie, tétanos, coqueluche, poliomyélite', specialty: 'Pédiatrie' },
];
