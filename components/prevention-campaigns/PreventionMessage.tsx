import type { PreventionMessageView } from '@/lib/prevention-campaigns/messages';

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** PRV-7, PRV-9: a prevention message from « Assurance Maladie », with « Pourquoi ce message ? » in a disclosure. */
export function PreventionMessage({ message, headingLevel = 3, brief = false }: { message: PreventionMessageView; headingLevel?: 2 | 3; brief?: boolean }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <article className="rounded-lg border border-border bg-white p-6">
      <Heading className="text-xl font-bold">{message.title}</Heading>
      <p className="mt-1 text-sm text-muted">
        De la part de l’Assurance Maladie, le {day.format(message.createdAt)}{!message.readAt && !brief ? ' — nouveau' : ''}
      </p>
      <p className={brief ? 'mt-3 line-clamp-3 whitespace-pre-line' : 'mt-3 whitespace-pre-line'}>{message.body}</p>
      <details className="mt-4">
        <summary className="cursor-pointer font-semibold text-primary-700 underline">Pourquoi ce message ?</summary>
        <ul className="mt-2 list-disc pl-6">
          {message.why.map((line) => <li key={line}>{line}</li>)}
        </ul>
        <p className="mt-2 text-sm text-muted">
          Ces messages sont établis à partir de votre âge, de votre sexe, de votre lieu de résidence et de vos remboursements (décret 2024-468).
          Vous pouvez les refuser à tout moment dans la rubrique « Prévention ».
        </p>
      </details>
    </article>
  );
}
