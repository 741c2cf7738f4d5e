import { describe, expect, test } from 'vitest';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import type { EmergencyDetails } from '@/lib/notifications/kinds';
import { emailContent, emergencyDetails, inAppContent } from '@/lib/notifications/messages';
import { professionalNameKey } from '@/lib/professional-access/names';
import { emergencyStartFields, gpMessage } from '@/lib/professional-access/start-emergency';

const details: EmergencyDetails = {
  professional: 'Claire Martin', profession: 'Médecin', at: '2026-07-14T21:05:00Z', mode: 'REGULATION',
  justification: 'Patient inconscient, recherche d’allergies',
};

describe('EMG-6: the médecin traitant named in « Mes professionnels de santé »', () => {
  test.each([
    ['Dr Claire Martin', 'claire martin'],
    ['  dr.   Claire   MARTIN ', 'claire martin'],
    ['Docteur Jean-Luc Le Goff', 'jean-luc le goff'],
    ['Claire Drouet', 'claire drouet'],
    ['Dr', 'dr'],
  ])('%j compares as %j', (typed, key) => expect(professionalNameKey(typed)).toBe(key));

  test('the secure message says who, when (Paris time), the mode, the reason and the justification', () => {
    const m = gpMessage(details, 'Détresse vitale', { firstNames: 'Marie Claire', birthName: 'DUPONT', birthDate: '1985-03-21' });
    expect(m.subject).toBe('Accès en urgence au profil de Marie Claire DUPONT');
    expect(m.body.split('\n')).toEqual([
      'Vous êtes le médecin traitant de Marie Claire DUPONT, né(e) le 21/03/1985. Son profil Mon espace santé a fait l’objet d’un accès en urgence.',
      'Professionnel de santé : Claire Martin (Médecin)',
      'Date et heure : 14 juillet 2026 à 23:05',
      'Mode d’accès : Régulation SAMU',
      'Motif : Détresse vitale',
      'Justification : « Patient inconscient, recherche d’allergies »',
      'Cet accès permet seulement de consulter le profil, pendant 2 heures. Le patient et ses représentants légaux en ont été informés.',
    ]);
  });
});

describe('EMG-2: the form fields', () => {
  test.each([
    [{ mode: 'EMERGENCY', reasonCode: 'DETRESSE_VITALE', justification: '  Arrêt cardiaque.  ' }, null],
    [{ mode: 'EMERGENCY', reasonCode: 'DETRESSE_VITALE', justification: '  Arrêt cardia  ' }, 'justification'],
    [{ mode: 'AUTRE', reasonCode: 'DETRESSE_VITALE', justification: 'Arrêt cardiaque.' }, 'mode'],
    [{ reasonCode: 'DETRESSE_VITALE', justification: 'Arrêt cardiaque.' }, 'mode'],
    [{ mode: 'REGULATION', reasonCode: '', justification: 'Arrêt cardiaque.' }, 'reasonCode'],
  ])('%j → error on %s', (input, field) => {
    const parsed = emergencyStartFields.safeParse(input);
    expect(parsed.success ? null : parsed.error.issues[0]!.path[0]).toBe(field);
    if (parsed.success) expect(parsed.data.justification).toBe('Arrêt cardiaque.');
  });
});

describe('EMG-5: the emergency email and in-app notification', () => {
  test('the email lists professional, profession, Paris date-time, mode label and justification', () => {
    expect(emergencyDetails({ ...details, mode: 'EMERGENCY' })).toEqual([
      { label: 'Professionnel de santé', value: 'Claire Martin' },
      { label: 'Profession', value: 'Médecin' },
      { label: 'Date et heure', value: '14 juillet 2026 à 23:05' },
      { label: 'Mode d’accès', value: 'Bris de glace' },
      { label: 'Justification', value: 'Patient inconscient, recherche d’allergies' },
    ]);
    const email = emailContent('EMERGENCY_ACCESS', { profileFirstName: 'Léo', emergency: details });
    expect(email.sentence).toBe('Un professionnel de santé a accédé au profil de Léo en situation d’urgence.');
    expect(email.details?.map((d) => d.value)).toContain('Régulation SAMU');
    // Without details (older rows), the generic wording stays.
    expect(emailContent('EMERGENCY_ACCESS', { profileFirstName: null }).details).toBeUndefined();
  });

  test('the in-app row names the mode and the justification', () => {
    expect(inAppContent('EMERGENCY_ACCESS', { actorLabel: 'Claire Martin (Médecin)', emergency: details }).body)
      .toBe('Claire Martin (Médecin) a accédé au profil en situation d’urgence (Régulation SAMU). Justification : « Patient inconscient, recherche d’allergies »');
  });
});

describe('EMG-7: the per-professional report is for staff only', () => {
  const cases: [string, Actor, boolean][] = [
    ['agent', { kind: 'STAFF', staffId: 's', role: 'AGENT', name: 'A' }, true],
    ['supervisor', { kind: 'STAFF', staffId: 's', role: 'SUPERVISOR', name: 'S' }, true],
    ['professional', { kind: 'PROFESSIONAL', professionalId: 'p', rpps: '1', name: 'P', professionCode: '10', professionLabel: 'Médecin' }, false],
    ['advisor', { kind: 'ADVISOR', staffId: 'a', siteId: 's', name: 'C' }, false],
    ['patient', { kind: 'PATIENT', accountId: 'a', name: 'M', ownProfileId: null, representedProfileIds: [] }, false],
  ];
  test.each(cases)('%s → %s', (_, actor, allowed) => expect(authorize(actor, 'emergency.report').allowed).toBe(allowed));
});
