import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert, Button, PageTitle, Table } from '@/components/ui';
import { ChannelBox } from '@/components/notifications/ChannelBox';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { SWITCHABLE_KINDS, type SwitchableKind } from '@/lib/notifications/kinds';
import { notificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { saveVisitNotificationsAction } from './actions';

export const metadata: Metadata = { title: 'Préférences de notification de la personne' };

/** FS-3, NOT-1: the person present chooses their notifications on the advisor's screen. */
export default async function VisitNotificationsPage({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const search = await searchParams;
  let email: ChannelSwitches, sms: ChannelSwitches, push: ChannelSwitches;
  try {
    const load = (channel: 'EMAIL' | 'SMS' | 'PUSH') => notificationPreferences(getDb(), advisor, channel, now);
    [email, sms, push] = await Promise.all([load('EMAIL'), load('SMS'), load('PUSH')]);
  } catch (e) {
    if (e instanceof DomainError) redirect(`/accompagnement/visite?${new URLSearchParams({ erreur: e.message })}`);
    throw e;
  }
  const rows = (Object.entries(SWITCHABLE_KINDS) as [SwitchableKind, string][]).map(([kind, label]) => ({ kind, label }));
  return (
    <>
      <PageTitle title="Préférences de notification de la personne"
        lead="La personne choisit les notifications qu’elle reçoit. Ces choix valent pour son compte, y compris pour les profils qu’elle représente." />
      <p className="mb-6"><Link href="/accompagnement/visite">← Accompagnement en cours</Link></p>
      {search.erreur && <Alert variant="error" title="L’enregistrement n’a pas abouti">{search.erreur}</Alert>}
      <form action={saveVisitNotificationsAction} className="max-w-4xl">
        <Table caption="Notifications que la personne peut désactiver, par canal" captionHidden rows={rows} rowKey={(r) => r.kind}
          columns={[
            { key: 'label', header: 'Notification', rowHeader: true, cell: (r) => r.label },
            { key: 'email', header: 'Par courriel', cell: (r) => <ChannelBox field="courriel" how="par courriel" kind={r.kind} label={r.label} on={email[r.kind]} /> },
            { key: 'sms', header: 'Par SMS', cell: (r) => <ChannelBox field="sms" how="par SMS" kind={r.kind} label={r.label} on={sms[r.kind]} /> },
            { key: 'push', header: 'Sur l’application mobile', cell: (r) => <ChannelBox field="push" how="sur l’application mobile" kind={r.kind} label={r.label} on={push[r.kind]} /> },
          ]} />
        <p className="mb-4">Les notifications liées à la sécurité du compte et aux accès des professionnels sont toujours envoyées.</p>
        <Button type="submit">Enregistrer les préférences</Button>
      </form>
    </>
  );
}
