import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Données de référence' };

/** BO-7: the versioned reference data staff edit — each change a new version with its effective date. */
export default async function ReferenceDataPage() {
  await requireAudience('staff');
  const entries = [
    { href: '/admin/matrice', title: 'Matrice d’habilitation', text: 'Quelles professions de santé consultent quels documents (PRO-9).' },
    { href: '/admin/referentiels/calendriers', title: 'Calendriers de prévention', text: 'Vaccinations, examens de l’enfant, M’T dents, dépistages et bilans : leurs éditions (PRV-1 à PRV-4).' },
    { href: '/admin/referentiels/pourquoi-ce-message', title: '« Pourquoi ce message ? »', text: 'Les phrases qui expliquent les messages de prévention (PRV-7).' },
  ];
  return (
    <>
      <PageTitle title="Données de référence"
        lead="Chaque changement est une nouvelle version, avec sa date d’effet ; une version publiée ne se modifie jamais. Les règles de ciblage des campagnes de prévention se règlent sur chaque campagne." />
      <ul className="grid gap-4 md:grid-cols-3">
        {entries.map((e) => (
          <li key={e.href} className="rounded-lg border border-border bg-white p-6">
            <h2 className="mb-2 text-xl font-bold"><Link href={e.href}>{e.title}</Link></h2>
            <p>{e.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
