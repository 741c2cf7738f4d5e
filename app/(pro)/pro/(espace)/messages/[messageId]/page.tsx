import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { openProfessionalMessage } from '@/lib/professional-access/pro-messages';

export const metadata: Metadata = { title: 'Message' };

/** EMG-6: one message of the professional's own inbox; opening it marks it read. */
export default async function ProMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const actor = await requireAudience('pro');
  const { messageId } = await params;
  const message = await openProfessionalMessage(getDb(), actor, messageId, clock.now()).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <PageTitle title={message.subject} lead={`Reçu le ${whenLong(message.createdAt)}`} />
      <div className="max-w-2xl space-y-3 rounded-lg border border-border bg-white p-6">
        {message.body.split('\n').map((line, i) => <p key={i}>{line}</p>)}
      </div>
      <p className="mt-6"><Link href="/pro/messages">Retour à la messagerie sécurisée</Link></p>
    </>
  );
}
