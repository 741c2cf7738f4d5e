import { describe, expect, test } from 'vitest';
import { echoValues } from '@/app/_forms/form-state';

describe('a refused form shows its values again, never a secret', () => {
  test('ACT-8, ACT-13, ACT-14: passwords (current, new, confirmation) and codes are not sent back; other fields are', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      identifiant: 'marie.dupont', email: 'marie@exemple.fr', password: 'Azur-Lagon-7x!', passwordConfirmation: 'Azur-Lagon-7x!',
      currentPassword: 'Ancien-Mot-2026!', newPassword: 'Nouveau-Mot-2026!', newPasswordConfirmation: 'Nouveau-Mot-2026!',
      identifiantPassword: 'Ancien-Mot-2026!', motDePasse: 'Ancien-Mot-2026!', otp: '123456', code: 'AB12CD34', $ACTION_ID_x: 'x',
    })) form.set(k, v);
    expect(echoValues(form)).toEqual({ identifiant: 'marie.dupont', email: 'marie@exemple.fr' });
  });
});
