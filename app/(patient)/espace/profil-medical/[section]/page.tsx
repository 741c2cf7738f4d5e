import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { dateTimeFr } from '@/components/documents/labels';
import { ENTRY_FORMS } from '@/components/medical-profile/entry-forms';
import { EntryForm } from '@/components/medical-profile/EntryForm';
import { EntryList } from '@/components/medical-profile/EntryList';
import { medicalHref } from '@/components/medical-profile/links';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { categoryLabel } from '@/lib/documents/categories';
import { describeEntry, formValuesOf } from '@/lib/medical-profile/describe-entry';
import { patientMayChange } from '@/lib/medical-profile/entry-rules';
import type { MedicalEntry } from '@/lib/medical-profile/entry-rows';
import { medicineSuggestions } from '@/lib/medical-profile/medicines';
import { linkableDocuments } from '@/lib/medical-profile/read-profile';
import { SINGLE_VALUE_KINDS, sectionBySlug } from '@/lib/medical-profile/sections';
import { NOT_A_DECLARATION, ORGAN_DONATION_NOTICE, type EntryKind } from '@/lib/medical-profile/vocabulary';
import { withProfile } from '../../selected-profile';
import { deleteEntryAction, saveEntryAction } from '../actions';
import { loadMedicalProfile, whose } from '../load';

type Params = { section: string };
type Search = { profil?: string; modifier?: string; supprimer?: string; enregistre?: string; supprime?: string; erreur?: string; champ?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: sectionBySlug((await params).section)?.label ?? 'Profil médical' };
}

/** The list heading of a kind when a section holds two (Entourage et volontés). */
const LIST_TITLES: Partial<Record<EntryKind, string>> = { CONTACT: 'Mes contacts', ORGAN_DONATION: 'Don d’organes et de tissus' };

/**
 * PRF-1..5: one section of the profil médical: its entries, the form to add one (or edit the one in
 * `?modifier=`), and the confirmation before deleting the one in `?supprimer=`. No JavaScript needed.
 */
export default async function MedicalSectionPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const [{ section: slug }, sp] = await Promise.all([params, searchParams]);
  const section = sectionBySlug(slug);
  if (section?.code === 'MEASURES') redirect(withProfile('/espace/mesures', sp.profil));
  if (!section || section.kinds.length === 0) notFound();
  const data = await loadMedicalProfile(actor, sp.profil);
  const { profile } = data;
  const href = (extra: Record<string, string> = {}) => medicalHref(profile.id, profile.own, section.slug, extra);
  const documentHref = (id: string) => withProfile(`/espace/documents/${id}`, profile.own ? undefined : profile.id);
  const entries = data.entries.filter((e) => section.kinds.includes(e.kind));
  const editing = entries.find((e) => e.id === sp.modifier && patientMayChange(e));
  const deleting = entries.find((e) => e.id === sp.supprimer);
  const documents = section.kinds.includes('HOSPITALISATION') ? await linkableDocuments(getDb(), actor, profile.id, clock.now()) : [];
  const documentOptions = documents.map((d) => ({ value: d.id, label: `${d.title} (${categoryLabel(d.category)}, ajouté le ${dateTimeFr.format(d.created_at)})` }));

  const formOf = (kind: EntryKind, entry: MedicalEntry | undefined) => {
    const spec = ENTRY_FORMS[kind];
    return (
      <EntryForm key={`${kind}-${entry?.id ?? 'nouveau'}-${sp.enregistre ?? ''}`} kind={kind} profileId={profile.id} entryId={entry?.id}
        title={entry ? spec.edit : spec.add} submit={spec.submit} fields={spec.fields}
        defaults={entry ? formValuesOf(kind, entry.payload, entry.documentId) : {}} documentOptions={documentOptions}
        suggestions={kind === 'TREATMENT' ? medicineSuggestions('MEDICINE') : kind === 'VACCINATION' ? medicineSuggestions('VACCINE') : []}
        cancelHref={entry ? href() : undefined} action={saveEntryAction} />
    );
  };

  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, section.label)} lead={section.lead} />
      {sp.enregistre && <Alert variant="success" title="Information enregistrée">Elle apparaît dans la liste ci-dessous.</Alert>}
      {sp.supprime && <Alert variant="success" title="Information supprimée">Elle n’apparaît plus dans votre profil médical.</Alert>}
      {sp.erreur && <Alert variant="error" title="L’action n’a pas abouti">{sp.erreur}</Alert>}
      {section.code === 'PROFESSIONALS' && <Alert variant="info" title="Ce n’est pas une déclaration">{NOT_A_DECLARATION}</Alert>}

      {deleting && (
        <section id="confirmer-suppression" aria-labelledby="confirmer-suppression-titre" tabIndex={-1}
          className="mb-10 max-w-2xl rounded-lg border-2 border-error-700 bg-white p-6">
          <h2 id="confirmer-suppression-titre" className="mb-2 text-2xl font-bold">Supprimer cette information ?</h2>
          {patientMayChange(deleting) ? (
            <form action={deleteEntryAction}>
              <p className="mb-4">« {describeEntry(deleting.kind, deleting.payload).title} » sera supprimé définitivement de votre profil médical.
                {deleting.documentId && ' Le document lié reste dans vos documents.'}</p>
              <input type="hidden" name="profileId" value={profile.id} />
              <input type="hidden" name="entryId" value={deleting.id} />
              <input type="hidden" name="section" value={section.slug} />
              <div className="flex flex-wrap items-center gap-6">
                <SubmitButton variant="danger">Supprimer définitivement</SubmitButton>
                <Link href={href()} className="inline-flex min-h-11 items-center font-semibold">Annuler</Link>
              </div>
            </form>
          ) : <p>Cette information a été enregistrée par un professionnel de santé : elle ne peut pas être supprimée ici.</p>}
        </section>
      )}

      {section.kinds.map((kind) => {
        const ofKind = entries.filter((e) => e.kind === kind);
        const single = SINGLE_VALUE_KINDS.includes(kind);
        const target = editing?.kind === kind ? editing : single ? ofKind.find(patientMayChange) : undefined;
        const listTitle = LIST_TITLES[kind] ?? 'Informations enregistrées';
        return (
          <div key={kind}>
            <section aria-labelledby={`liste-${kind.toLowerCase()}`} className="mb-6 max-w-3xl">
              <h2 id={`liste-${kind.toLowerCase()}`} className="mb-4 text-2xl font-bold">{listTitle}</h2>
              {kind === 'ORGAN_DONATION' && <p className="mb-4">{ORGAN_DONATION_NOTICE}</p>}
              <EntryList entries={ofKind} empty="Aucune information renseignée pour le moment." documentHref={documentHref}
                actions={{ editHref: (e) => `${href({ modifier: e.id })}#formulaire-${kind.toLowerCase()}`,
                  deleteHref: (e) => `${href({ supprimer: e.id })}#confirmer-suppression` }} />
            </section>
            {formOf(kind, target)}
          </div>
        );
      })}
    </>
  );
}
