import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { myPatients } from '@/lib/professional-access/my-patients';

export const metadata: Metadata = { title: 'Mes patients' };
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** « Mes patients »: the profiles this professional is authorised on (PRO-4, PRO-5) or reads in an emergency. */
export default async function ProHome({ searchParams }: { searchParams: Promise<{ apres?: string }> }) {
  const actor = await requireAudience('pro');
  const { apres } = await searchParams;
  const { patients, next } = await myPatients(getDb(), actor, { after: apres }, clock.now());
  return (
    <>
      <PageTitle title="Mes patients" lead={`${actor.name}, ${actor.professionLabel}${actor.facility ? ` — ${actor.facility.name}` : ''} · RPPS ${actor.rpps}`} />
      <p className="mb-6"><ButtonLink href="/pro/patients/recherche">Rechercher un patient par son INS</ButtonLink></p>
      <Table caption="Patients qui vous ont autorisé" rowKey={(p) => p.profileId} rows={patients}
        empty="Aucun patient ne vous a encore autorisé. Recherchez un patient par son INS lors de la consultation."
        columns={[
          { key: 'name', header: 'Patient', rowHeader: true, cell: (p) => <Link className="underline" href={`/pro/patients/${p.profileId}`}>{p.name}</Link> },
          { key: 'birth', header: 'Date de naissance', cell: (p) => p.birthDate.split('-').reverse().join('/') },
          { key: 'basis', header: 'Accès', cell: (p) => (p.basis === 'CONSENT' ? `Autorisé depuis le ${DATE.format(p.since)}`
            : p.basis === 'CARE_TEAM' ? `Équipe de soins depuis le ${DATE.format(p.since)}` : `Accès en urgence jusqu’au ${DATE_TIME.format(p.emergencyUntil!)}`) },
          { key: 'seen', header: 'Dernière consultation', cell: (p) => DATE.format(p.seenAt) },
        ]} />
      {next && <p className="mt-4"><Link className="underline" href={`/pro?apres=${encodeURIComponent(next)}`}>Patients suivants</Link></p>}
    </>
  );
}
