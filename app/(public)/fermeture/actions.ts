'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { headers } from 'next/headers';
import { ActivationRefusedError } from '@/lib/auth/errors';
import { clientIp, limitActivationByIp } from '@/lib/auth/ip-limit';
import { closeCreatedWithCode } from '@/lib/closure/close-with-code';
import { purgeDueOn } from '@/lib/closure/rules';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, nirField, vitaleSerialField } from '@/app/_forms/fields';
import { setClosureFlash } from './flash';

const closure = z.object({
  nir: nirField,
  vitaleSerial: vitaleSerialField,
  birthDate: frenchDateField({ notFuture: true }),
  code: z.string().trim().min(1, 'Saisissez le code provisoire reçu par courriel ou par courrier.'),
  deleteData: z.literal('oui').optional(),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer la fermeture du profil.' }),
});

const MISMATCH = 'Les informations saisies ne permettent pas de fermer un profil. Vérifiez votre numéro de sécurité sociale, '
  + 'le numéro de série de votre carte Vitale, votre date de naissance et votre code provisoire.';

/** A wrong try is told on the code field, without saying which of the four items did not match (ACT-4). */
function onCodeField(e: unknown): unknown {
  if (!(e instanceof ActivationRefusedError)) return e;
  if (e.code === 'activation.mismatch') return new ActivationRefusedError(e.code, MISMATCH, 'code');
  if (e.code === 'activation.codes-invalidated') return new ActivationRefusedError(e.code, e.message, 'code');
  return e;
}

/** OPP-8, CLO-2: the closure of a CREATED profile with the carte Vitale and a valid code provisoire. */
export async function closeWithCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(closure, form);
  if (!input.ok) return input.state;
  const now = clock.now();
  const deleteData = input.data.deleteData === 'oui';
  const { nir, vitaleSerial, birthDate, code } = input.data;
  const ip = clientIp(await headers());
  // ACT-5 per IP too: guessing codes here must cost what it costs on the activation page.
  const result = await runUseCase(form, async () => {
    await limitActivationByIp(ip, now);
    await closeCreatedWithCode(getDb(), { nir, vitaleSerial, birthDate, code, deleteData }, now).catch((e: unknown) => { throw onCodeField(e); });
  });
  if (!result.ok) return result.state;
  await setClosureFlash({ closedAt: now.toISOString(), deletion: deleteData, purgeDueOn: deleteData ? purgeDueOn(now) : null, firstName: '', whose: 'WITH_CODE' });
  redirect('/fermeture/confirmation');
}
