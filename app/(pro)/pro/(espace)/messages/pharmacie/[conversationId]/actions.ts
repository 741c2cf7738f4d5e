'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { uploadedFiles } from '@/app/_forms/fields';
import { replyAsPharmacy } from '@/lib/messaging/reply-as-pharmacy';

const str = (form: FormData, name: string) => { const v = form.get(name); return typeof v === 'string' ? v : ''; };

/** MSG-3(b), MSG-4, MSG-7, MSG-8: a pharmacist answers (or closes, « [FIN] ») a conversation of their pharmacy. */
export async function replyAsPharmacyAction(form: FormData) {
  const actor = await requireAudience('pro');
  const conversationId = str(form, 'conversationId');
  const page = `/pro/messages/pharmacie/${encodeURIComponent(conversationId)}`;
  const files = await uploadedFiles(form);
  let outcome: string;
  try {
    const r = await replyAsPharmacy(getDb(), actor, {
      conversationId, subject: str(form, 'sujet'), body: str(form, 'message'), replyOption: str(form, 'reponse') || 'REPLY', files,
    }, clock.now(), 'PRO');
    outcome = r.outcome;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    redirect(`${page}?${new URLSearchParams({ erreur: error.message })}`);
  }
  redirect(`${page}?${new URLSearchParams({ envoye: outcome })}`);
}
