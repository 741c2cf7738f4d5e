import { describe, expect, test } from 'vitest';
import { JUSTIFICATIF_TITLE, justificatifLines, renderJustificatifPdf } from '@/lib/aidants/justificatif-pdf';

const base = {
  aide: { name: 'Hélène MARTIN', birthDate: '1950-04-02' }, aidant: { name: 'Paul ROUX', birthDate: '1980-10-15' },
  invitedAt: new Date('2026-12-01T09:00:00Z'), acceptedAt: new Date('2026-12-02T10:30:00Z'),
};

describe('AID-5: the « Justificatif d’accès aidant »', () => {
  test('AID-5: names both people, the acceptance and what the aidant may not do (AID-4)', () => {
    const { heading, paragraphs } = justificatifLines(base);
    expect(heading).toBe(JUSTIFICATIF_TITLE);
    expect(paragraphs.join(' ')).toContain('Personne aidée : Hélène MARTIN');
    expect(paragraphs.join(' ')).toContain('Aidant : Paul ROUX');
    expect(paragraphs.join(' ')).toMatch(/acceptée par l’aidant le 2 décembre 2026 à 11:30/);
    expect(paragraphs.join(' ')).toMatch(/ne peut pas gérer le partage du profil/);
    expect(paragraphs.join(' ')).not.toMatch(/Fin de l’accès/);
  });

  test('AID-5, AID-6: the version filed at revocation records the end date and who ended it', () => {
    const { heading, paragraphs } = justificatifLines({ ...base, ended: { at: new Date('2027-01-05T08:00:00Z'), by: 'AIDANT' } });
    expect(heading).toMatch(/accès terminé/);
    expect(paragraphs.at(-1)).toMatch(/^Fin de l’accès : le 5 janvier 2027 à 09:00, à la demande de l’aidant/);
  });

  test('AID-5: renders a PDF', async () => {
    const bytes = await renderJustificatifPdf(base);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
