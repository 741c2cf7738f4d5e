import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Badge, Button, PageTitle, Table } from '@/components/ui';
import { ChannelBox } from '@/components/notifications/ChannelBox';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError } from '@/lib/errors';
import { contactDetails } from '@/lib/accounts/change-contact';
import { MANDATORY_KINDS, REMINDER_KINDS, SWITCHABLE_KINDS, type SwitchableKind } from '@/lib/notifications/kinds';
import { notificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { saveEmailPreferencesAction } from './actions';

export const metadata: Metadata = { title: 'Mes préférences de notification' };

type Search = { enregistre?: string; erreur?: string };

/** NOT-1: this account's switches per channel and its mobile (NOT-7); NOT-2, NOT-4: what is always sent. */
export default async function NotificationPreferencesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const now = clock.now();
  const load = (channel: 'EMAIL' | 'SMS' | 'PUSH'): Promise<ChannelSwitches> => notificationPreferences(getDb(), actor, channel, now)
    .catch((e) => { if (e instanceof AccessDeniedError) notFound(); throw e; });
  const [email, sms, push] = await Promise.all([load('EMAIL'), load('SMS'), load('PUSH')]);
  const { mobile } = await contactDetails(getDb(), actor, now);
  // A reminder without a switch of its own is named under the switch it follows (PRF-4 → « Rendez-vous, rappels… »).
  const reminders = (Object.values(REMINDER_KINDS) as { label: string; preference: SwitchableKind }[]);
  const rows = (Object.entries(SWITCHABLE_KINDS) as [SwitchableKind, string][]).map(([kind, label]) => {
    const also = reminders.filter((r) => r.preference === kind).map((r) => r.label.toLocaleLowerCase('fr'));
    return { kind, label: also.length ? `${label} (dont : ${also.join(', ')})` : label };
  });
  return (
    <>
      <PageTitle title="Mes préférences de notification"
        lead="Choisissez les notifications que vous recevez. Ces choix valent pour votre compte, y compris pour les profils que vous représentez ou que vous aidez." />
      <p className="mb-6"><Link href="/espace/notifications">← Mes notifications</Link></p>
      {search.enregistre && <Alert variant="success" title="Vos préférences sont enregistrées" />}
      {search.erreur && <Alert variant="error" title="L’enregistrement n’a pas abouti">{search.erreur}</Alert>}

      <section aria-labelledby="modifiables" className="mb-10 max-w-4xl">
        <h2 id="modifiables" className="mb-2 text-2xl font-bold">Notifications que vous pouvez désactiver</h2>
        <p className="mb-4">
          Décochez une case pour ne plus recevoir cette notification par ce canal. La notification reste visible dans Mon espace santé.
          Les SMS ne sont envoyés qu’à votre numéro de mobile, s’il est renseigné ci-dessous, et jamais entre 21 h et 8 h.
          Les notifications sur l’application mobile arrivent sur les appareils où vous l’avez activée.
        </p>
        <form action={saveEmailPreferencesAction}>
          <Table caption="Notifications que vous pouvez désactiver, par canal" captionHidden rows={rows} rowKey={(r) => r.kind}
            columns={[
              { key: 'label', header: 'Notification', rowHeader: true, cell: (r) => r.label },
              { key: 'email', header: 'Par courriel', cell: (r) => <ChannelBox field="courriel" how="par courriel" kind={r.kind} label={r.label} on={email[r.kind]} /> },
              { key: 'sms', header: 'Par SMS', cell: (r) => <ChannelBox field="sms" how="par SMS" kind={r.kind} label={r.label} on={sms[r.kind]} /> },
              { key: 'push', header: 'Sur l’application mobile', cell: (r) => <ChannelBox field="push" how="sur l’application mobile" kind={r.kind} label={r.label} on={push[r.kind]} /> },
            ]} />
          <Button type="submit">Enregistrer mes préférences</Button>
        </form>
      </section>

      <section aria-labelledby="numero-mobile" className="mb-10 max-w-4xl">
        <h2 id="numero-mobile" className="mb-2 text-2xl font-bold">Mon numéro de mobile</h2>
        <p className="mb-4">
          {mobile ? 'Les SMS de notification sont envoyés au numéro de mobile de votre compte.' : 'Aucun numéro n’est renseigné : vous ne recevez pas de SMS de notification.'}
          {' '}<Link href="/espace/coordonnees">Ajouter, changer ou retirer mon numéro dans « Mes coordonnées »</Link>
        </p>
      </section>

      <section aria-labelledby="obligatoires" className="mb-10 max-w-4xl rounded-lg border border-border bg-white p-6">
        <h2 id="obligatoires" className="mb-2 text-2xl font-bold">Notifications toujours envoyées</h2>
        <p className="mb-4">
          Pour protéger votre profil et votre compte, ces notifications vous sont toujours envoyées par courriel, ainsi que par SMS et sur l’application mobile quand ces canaux sont disponibles. Elles ne peuvent pas être désactivées.
        </p>
        <ul className="space-y-2">
          {Object.entries(MANDATORY_KINDS).map(([kind, label]) => (
            <li key={kind} className="flex flex-wrap items-center gap-3">
              <span>{label}</span>
              <Badge>Toujours envoyée</Badge>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
