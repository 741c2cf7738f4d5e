'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requestCodeOnline } from '@/lib/accounts/reissue-code';
import { clientIp, limitActivationByIp } from '@/lib/auth/ip-limit';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, nirField, vitaleSerialField } from '@/app/_forms/fields';
import { headers } from 'next/headers';

const input = z.object({
  nir: nirField,
  vitaleSerial: vitaleSerialField,
  birthDate: frenchDateField(),
  withdrawOpposition: z.literal('oui').optional(),
});

/** CMP-8: a new code provisoire, online (same per-IP limit as activation tries, ACT-5). */
export async function requestNewCodeAction(_: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const ip = clientIp(await headers());
  const result = await runUseCase(form, async () => {
    await limitActivationByIp(ip, clock.now());
    return requestCodeOnline(getDb(), { ...parsed.data, withdrawOpposition: parsed.data.withdrawOpposition === 'oui' }, clock.now());
  });
  if (!result.ok) return result.state;
  const where = result.value.channel === 'EMAIL'
    ? `à l’adresse électronique que l’Assurance Maladie connaît pour vous (${result.value.to})`
    : `par SMS au numéro de mobile que l’Assurance Maladie connaît pour vous (${result.value.to})`;
  return { status: 'success', message: `Un nouveau code provisoire vient d’être envoyé ${where}. Les codes précédents ne fonctionnent plus.`, fieldErrors: {}, values: {}, version: Date.now() };
}
