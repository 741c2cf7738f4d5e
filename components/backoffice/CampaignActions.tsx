import type { CampaignStatus } from '@/db/schema';
import type { FormState } from '@/app/_forms/form-state';
import { canApply } from '@/lib/campaigns/campaign-rules';
import { CampaignCommandButton } from './CampaignCommandButton';
import { CancelCampaignForm } from './CancelCampaignForm';
import { ScheduleCampaignForm } from './ScheduleCampaignForm';

type Action = (s: FormState, f: FormData) => Promise<FormState>;
type Props = {
  campaign: { id: string; status: CampaignStatus; failed: number };
  actions: { command: Action; schedule: Action; cancel: Action };
};

/** BO-1: only the commands the campaign's status allows (campaign-rules), each with its own form. */
export function CampaignActions({ campaign: { id, status, failed }, actions }: Props) {
  const can = (command: Parameters<typeof canApply>[0]) => canApply(command, status).ok;
  if (!can('start') && !can('pause') && !can('resume') && !can('cancel') && !(can('retry') && failed > 0)) return null;
  return (
    <section aria-labelledby="actions-titre" className="mb-10 max-w-3xl">
      <h2 id="actions-titre" className="mb-4 text-2xl font-bold">Actions</h2>
      {can('start') && (
        <CampaignCommandButton campaignId={id} command="start" label="Lancer maintenant" action={actions.command}
          hint="Les destinataires sont sélectionnés au lancement ; les avis partent aussitôt par courriel, les courriers par lots." />
      )}
      {can('schedule') && <ScheduleCampaignForm campaignId={id} action={actions.schedule} />}
      {can('pause') && (
        <CampaignCommandButton campaignId={id} command="pause" label="Mettre en pause" variant="secondary" action={actions.command}
          hint="Les avis en cours d’envoi partent ; les suivants attendent la reprise." />
      )}
      {can('resume') && <CampaignCommandButton campaignId={id} command="resume" label="Reprendre" action={actions.command} />}
      {can('retry') && failed > 0 && (
        <CampaignCommandButton campaignId={id} command="retry" label="Relancer les envois en échec" variant="secondary" action={actions.command}
          hint="Seuls les avis en échec repartent ; aucun avis déjà envoyé n’est renvoyé." />
      )}
      {can('cancel') && <CancelCampaignForm campaignId={id} action={actions.cancel} />}
    </section>
  );
}
