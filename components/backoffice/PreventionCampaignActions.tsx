import type { PreventionCampaignStatus } from '@/db/schema';
import type { FormState } from '@/app/_forms/form-state';
import { canApplyPrevention, type PreventionCommand } from '@/lib/prevention-campaigns/manage';
import { dateTime } from './campaign-format';
import { CampaignCommandButton } from './CampaignCommandButton';
import { CancelCampaignForm } from './CancelCampaignForm';
import { ScheduleCampaignForm } from './ScheduleCampaignForm';

type Action = (s: FormState, f: FormData) => Promise<FormState>;
type Props = {
  campaign: { id: string; status: PreventionCampaignStatus; scheduledAt: Date | null };
  actions: { command: Action; schedule: Action; cancel: Action };
};

/** PRV-6, BO: only the commands the prevention campaign's status allows (manage.ts), each with its own form. */
export function PreventionCampaignActions({ campaign: { id, status, scheduledAt }, actions }: Props) {
  const can = (command: PreventionCommand) => canApplyPrevention(command, status);
  if (!(['start', 'schedule', 'pause', 'resume', 'cancel'] as const).some(can)) return null;
  return (
    <section aria-labelledby="actions-titre" className="mb-10 max-w-3xl">
      <h2 id="actions-titre" className="mb-4 text-2xl font-bold">Actions</h2>
      {can('start') && (
        <CampaignCommandButton campaignId={id} command="start" label="Lancer maintenant" action={actions.command}
          hint="Le nombre de profils visés est arrêté au lancement ; les messages partent ensuite par lots de 10 000." />
      )}
      {status === 'SCHEDULED' && scheduledAt && (
        <p className="mb-4">Lancement programmé le {dateTime.format(scheduledAt)} (heure de Paris). Vous pouvez choisir une autre heure ou le déprogrammer.</p>
      )}
      {can('schedule') && <ScheduleCampaignForm campaignId={id} action={actions.schedule} />}
      {can('unschedule') && (
        <CampaignCommandButton campaignId={id} command="unschedule" label="Déprogrammer" variant="secondary" action={actions.command}
          hint="La campagne revient en brouillon : rien ne part tant qu’elle n’est pas lancée ou programmée de nouveau." />
      )}
      {can('pause') && (
        <CampaignCommandButton campaignId={id} command="pause" label="Mettre en pause" variant="secondary" action={actions.command}
          hint="Le lot en cours s’achève ; aucun autre ne part avant la reprise." />
      )}
      {can('resume') && <CampaignCommandButton campaignId={id} command="resume" label="Reprendre" action={actions.command} />}
      {can('cancel') && (
        <CancelCampaignForm campaignId={id} action={actions.cancel}
          effects="L’annulation est définitive. Les profils qui n’ont pas encore reçu ce message ne le recevront pas ; les messages déjà remis restent dans leur espace." />
      )}
    </section>
  );
}
