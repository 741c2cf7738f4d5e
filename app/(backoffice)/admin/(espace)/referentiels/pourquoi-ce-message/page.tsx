import type { Metadata } from 'next';
import { Alert, PageTitle, Table } from '@/components/ui';
import { UpcomingVersions, VersionsTable, versionMoment } from '@/components/backoffice/ReferenceVersions';
import { WhyTextsForm } from '@/components/backoffice/WhyTextsForm';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parisFormDefaults } from '@/lib/measures/paris-time';
import { whyThisMessage } from '@/lib/prevention-campaigns/rules';
import { readWhyTexts, WHY_FIELDS, WHY_KEYS, WHY_SAMPLES } from '@/lib/prevention-campaigns/why-texts';
import { whyTextsAction } from './actions';

export const metadata: Metadata = { title: '« Pourquoi ce message ? »' };

/** BO-7, PRV-7: the « Pourquoi ce message ? » texts in force, their versions; supervisors publish a new version. */
export default async function WhyTextsPage({ searchParams }: { searchParams: Promise<{ publiee?: string }> }) {
  const actor = await requireAudience('staff');
  const { publiee } = await searchParams;
  const now = clock.now();
  const { inForce, texts, upcoming, versions } = await readWhyTexts(getDb(), actor, now);
  const fields = WHY_KEYS.map((key) => ({ key, ...WHY_FIELDS[key], text: texts[key] }));
  return (
    <>
      <PageTitle title="« Pourquoi ce message ? »"
        lead="Les phrases qui expliquent à chaque personne pourquoi elle reçoit un message de prévention, une par critère de la campagne (PRV-7). Chaque changement est une nouvelle version avec sa date d’effet ; les messages déjà envoyés s’affichent avec la version en vigueur." />
      {publiee && <Alert variant="success" title={`Version ${publiee} publiée`}>Elle s’applique à partir de sa date d’effet.</Alert>}

      <section aria-labelledby="en-vigueur" className="mb-10">
        <h2 id="en-vigueur" className="mb-2 text-2xl font-bold">Version en vigueur</h2>
        <p className="mb-4">{inForce ? `Version ${inForce.number}, en vigueur depuis le ${versionMoment.format(inForce.effectiveFrom)}. ${inForce.note}` : 'Textes initiaux.'}</p>
        <UpcomingVersions upcoming={upcoming} />
        <Table caption="Textes en vigueur par critère" rows={fields} rowKey={(f) => f.key}
          columns={[
            { key: 'label', header: 'Critère', rowHeader: true, cell: (f) => f.label },
            { key: 'text', header: 'Texte', cell: (f) => f.text },
          ]} />
        <Table caption="Exemples avec les textes en vigueur" rows={WHY_SAMPLES} rowKey={(s) => s.label}
          columns={[
            { key: 'who', header: 'Personne', rowHeader: true, cell: (s) => s.label },
            { key: 'why', header: '« Pourquoi ce message ? »', cell: (s) => whyThisMessage(s.criteria, texts).join(' ') },
          ]} />
      </section>

      <section aria-labelledby="publier" className="mb-10">
        <h2 id="publier" className="mb-2 text-2xl font-bold">Publier une nouvelle version</h2>
        {actor.role === 'SUPERVISOR'
          ? <WhyTextsForm action={whyTextsAction} today={parisFormDefaults(now).date} fields={fields} samples={WHY_SAMPLES.map((s) => s.label)} />
          : <p>Seul un superviseur peut publier une nouvelle version des textes.</p>}
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions" className="mb-2 text-2xl font-bold">Toutes les versions</h2>
        <VersionsTable caption="Versions des textes « Pourquoi ce message ? »" versions={versions} inForce={inForce} upcoming={upcoming} />
      </section>
    </>
  );
}
