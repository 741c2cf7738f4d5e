import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, PageTitle } from '@/components/ui';
import { medicalHref } from '@/components/medical-profile/links';
import { SectionDocuments } from '@/components/medical-profile/SectionDocuments';
import { requireAudience } from '@/lib/auth/session';
import { withProfile } from '../../selected-profile';
import { loadMedicalProfile, whose } from '../load';

export const metadata: Metadata = { title: 'Documents administratifs' };

/** PRF-1: the profile's administrative documents (DOC_ADM), kept in Documents and listed here. */
export default async function AdminDocumentsPage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  const { profile, adminDocuments } = await loadMedicalProfile(actor, profil);
  const other = profile.own ? undefined : profile.id;
  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, 'Documents administratifs')}
        lead="Vos pièces administratives (attestations, justificatifs, cartes) sont des documents de la catégorie « Pièces administratives »." />
      <SectionDocuments caption="Pièces administratives" documents={adminDocuments} empty="Aucune pièce administrative pour le moment."
        href={(id) => withProfile(`/espace/documents/${id}`, other)} />
      <p className="mt-6"><ButtonLink href={withProfile('/espace/documents/ajouter', other, { categorie: 'DOC_ADM' })}>Ajouter une pièce administrative</ButtonLink></p>
    </>
  );
}
