import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, ErrorSummary, PageTitle } from '@/components/ui';
import { ErrorMessage } from '@/components/ui/field-parts';
import { medicalHref } from '@/components/medical-profile/links';
import { requireAudience } from '@/lib/auth/session';
import { SECTIONS } from '@/lib/medical-profile/sections';
import { generateSynthesisAction } from '../actions';
import { loadMedicalProfile, whose } from '../load';

export const metadata: Metadata = { title: 'Créer une synthèse médicale' };

/**
 * PRF-6: the user ticks the sections to sum up; the PDF is generated, filed in Documents as a
 * « Synthèse médicale », and opened. Professionals read the other sections only through it (PRO-11).
 */
export default async function SynthesisPage({ searchParams }: { searchParams: Promise<{ profil?: string; erreur?: string; champ?: string }> }) {
  const actor = await requireAudience('patient');
  const sp = await searchParams;
  const { profile } = await loadMedicalProfile(actor, sp.profil);
  const error = sp.erreur && sp.champ === 'rubriques' ? sp.erreur : undefined;
  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, 'Créer une synthèse médicale')}
        lead="Choisissez les rubriques à rassembler dans un document PDF. Il sera enregistré dans vos documents, catégorie « Synthèse médicale », et les professionnels de santé autorisés pourront le consulter, sauf si vous le masquez." />
      <form action={generateSynthesisAction} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
        {error && <ErrorSummary errors={[{ field: 'rubriques', message: error }]} />}
        {sp.erreur && !error && <p role="alert" className="mb-4 font-semibold text-error-700">{sp.erreur}</p>}
        <input type="hidden" name="profileId" value={profile.id} />
        <fieldset id="rubriques" tabIndex={-1} aria-describedby={error ? 'rubriques-error' : undefined} className="mb-6">
          <legend className="mb-2 font-semibold">Rubriques à inclure <span className="font-normal text-muted">(au moins une)</span></legend>
          {error && <ErrorMessage id="rubriques-error">{error}</ErrorMessage>}
          <div className="mt-2 space-y-3">
            {SECTIONS.map((s) => (
              <div key={s.code} className="flex items-start gap-3">
                <input id={`rubrique-${s.slug}`} name="rubriques" type="checkbox" value={s.code} className="mt-0.5 size-6 shrink-0 accent-primary-700" />
                <label htmlFor={`rubrique-${s.slug}`}>{s.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit">Générer la synthèse</Button>
          <Link href={medicalHref(profile.id, profile.own)}>Annuler</Link>
        </div>
      </form>
    </>
  );
}
