import { renderEmail } from '@/emails';

/**
 * STACK.md: a react-email render costs milliseconds; a campaign renders each notice variant once per
 * batch with placeholders, then merges each recipient's fields (microseconds).
 */
export type NoticeFields = { firstName: string; childFirstName: string; code: string };
export type NoticeTemplate = { subject: string; html: string; text: string; child: boolean };

const TOKENS: Record<keyof NoticeFields, string> = {
  firstName: 'XXMESFIRSTNAMEXX', childFirstName: 'XXMESCHILDNAMEXX', code: 'XXMESCODEXX',
};

export async function renderNoticeTemplate(opts: {
  child: boolean; appUrl: string; lastOppositionDay: string; codeExpiresAt: Date;
}): Promise<NoticeTemplate> {
  const email = await renderEmail({
    template: 'notice', to: '', profileId: '',
    data: { firstName: TOKENS.firstName, appUrl: opts.appUrl, codeExpiresAt: opts.codeExpiresAt.toISOString(),
      ...(opts.child ? { childFirstName: TOKENS.childFirstName } : {}) },
  }, { code: TOKENS.code, lastOppositionDay: opts.lastOppositionDay });
  return { ...email, child: opts.child };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

export function personalize(t: NoticeTemplate, fields: NoticeFields): { subject: string; html: string; text: string } {
  const merge = (s: string, escape: (v: string) => string) => s
    .replaceAll(TOKENS.firstName, escape(fields.firstName))
    .replaceAll(TOKENS.childFirstName, escape(fields.childFirstName))
    .replaceAll(TOKENS.code, fields.code);
  return { subject: merge(t.subject, (v) => v), html: merge(t.html, escapeHtml), text: merge(t.text, (v) => v) };
}
