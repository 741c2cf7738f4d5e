'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { uploadedFiles } from '@/app/_forms/fields';
import { writeToPatient } from '@/lib/messaging/write-to-patient';

const str = (form: FormData, name: string) => { const v = form.get(name); return typeof v === 'string' ? v : ''; };

/** MSG-2, MSG-4, MSG-7, MSG-8: the professional sends a message (new conversation or in one of theirs). */
export async function sendMessageAction(form: FormData) {
  const actor = await requireAudience('pro');
  const profileId = str(form, 'profileId');
  const page = `/pro/patients/${encodeURIComponent(profileId)}/messages`;
  const files = await uploadedFiles(form);
  let outcome: string;
  try {
    const r = await writeToPatient(getDb(), actor, {
      profileId, conversationId: str(form, 'conversationId') || undefined, subject: str(form, 'sujet'), body: str(form, 'message'),
      replyOption: str(form, 'reponse') || 'REPLY', files,
    }, clock.now(), 'PRO');
    outcome = r.outcome;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    redirect(`${page}?${new URLSearchParams({ erreur: error.message })}`);
  }
  redirect(`${page}?${new URLSearchParams({ envoye: outcome })}`);
}
