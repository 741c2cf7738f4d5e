'use server';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { designateAdministrateur, removeAdministrateur } from '@/lib/confidentiality/administrateur';
import { endAuthorisation } from '@/lib/confidentiality/authorised-professionals';
import { setEmergencyToggles } from '@/lib/confidentiality/emergency-toggles';
import { retryMaskAll, setMaskAll } from '@/lib/confidentiality/mask-all';
import { blockProfessional, unblockProfessional } from '@/lib/confidentiality/professional-blocks';
import { runThenRedirect, text } from '../form-redirect';
import { withProfile } from '../selected-profile';

const PAGE = '/espace/confidentialite';
const target = async (form: FormData) => {
  const actor = await requireAudience('patient');
  const profil = text(form, 'profil') || undefined;
  return { actor, profil, profileId: profil ?? actor.ownProfileId ?? '', back: withProfile(PAGE, profil) };
};

/** VIS-3: mask-all on or off. */
export async function maskAllAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  const mask = text(form, 'masquer') === 'oui';
  await runThenRedirect(back, withProfile(PAGE, profil, { masquage: mask ? 'active' : 'desactive' }), () =>
    setMaskAll(getDb(), actor, { profileId, mask }, clock.now()));
}

/** VIS-5: run the last switch again for the documents it could not reach. */
export async function retryMaskAllAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  await runThenRedirect(back, withProfile(PAGE, profil, { masquage: 'relance' }), () => retryMaskAll(getDb(), actor, profileId, clock.now()));
}

/** EMG-1: the three emergency toggles (unchecked boxes are not sent: off). */
export async function emergencyTogglesAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  await runThenRedirect(`${back}#urgence`, withProfile(PAGE, profil, { urgence: 'enregistre' }), () => setEmergencyToggles(getDb(), actor, {
    profileId, regulation: form.has('regulation'), other: form.has('autres'), maskedVisible: form.has('masques') }, clock.now()));
}

/** PRO-7: block or unblock one professional. */
export async function blockAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  const professionalId = text(form, 'professionnel');
  const block = text(form, 'bloquer') === 'oui';
  await runThenRedirect(back, withProfile(PAGE, profil, { [block ? 'bloque' : 'debloque']: text(form, 'nom') || '1' }), () =>
    (block ? blockProfessional : unblockProfessional)(getDb(), actor, { profileId, professionalId }, clock.now()));
}

/** VIS-7: designate or withdraw the administrateur. */
export async function administrateurAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  const professionalId = text(form, 'professionnel');
  await runThenRedirect(`${back}#administrateur`, withProfile(PAGE, profil, { administrateur: professionalId ? 'designe' : 'retire' }), () =>
    (professionalId ? designateAdministrateur(getDb(), actor, { profileId, professionalId }, clock.now()) : removeAdministrateur(getDb(), actor, profileId, clock.now())));
}

/** PRO-5: remove a professional's authorisation; a new consent at a consultation is needed to come back. */
export async function endAuthorisationAction(form: FormData) {
  const { actor, profil, profileId, back } = await target(form);
  const professionalId = text(form, 'professionnel');
  await runThenRedirect(back, `${withProfile(PAGE, profil, { retrait: text(form, 'nom') || '1' })}#autorises`, () =>
    endAuthorisation(getDb(), actor, { profileId, professionalId }, clock.now()));
}
