import { createElement } from 'react';
import { render } from '@react-email/render';
import { PREVENTION_TEASER_SUBJECT, PreventionTeaserEmail } from '@/emails/prevention-teaser';

/**
 * PRV-9: the campaign's email teaser, rendered ONCE per batch and variant (holder, representative) with
 * placeholders, then merged per recipient (microseconds), as lib/campaigns/notice-template.ts does for
 * the creation notices (STACK.md: a react-email render costs milliseconds).
 */
export type TeaserTemplate = { subject: string; html: string; text: string };
export type TeaserFields = { profileFirstName: string; profileId: string };

const TOKENS: Record<keyof TeaserFields, string> = { profileFirstName: 'XXMESPROFILENAMEXX', profileId: 'XXMESPROFILEIDXX' };

export async function renderTeaserTemplate(opts: { teaser: string; appUrl: string; holder: boolean }): Promise<TeaserTemplate> {
  const element = createElement(PreventionTeaserEmail, {
    teaser: opts.teaser, appUrl: opts.appUrl,
    profileFirstName: opts.holder ? null : TOKENS.profileFirstName, profileId: opts.holder ? null : TOKENS.profileId,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: PREVENTION_TEASER_SUBJECT, html, text };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

export function mergeTeaser(t: TeaserTemplate, fields: TeaserFields): TeaserTemplate {
  const merge = (s: string, escape: (v: string) => string) => s
    .replaceAll(TOKENS.profileFirstName, escape(fields.profileFirstName))
    .replaceAll(TOKENS.profileId, encodeURIComponent(fields.profileId));
  return { subject: t.subject, html: merge(t.html, escapeHtml), text: merge(t.text, (v) => v) };
}

/** PRV-9, NOT-7: the push text: the campaign's teaser line, and whose profile for a representative. Never medical. */
export function pushText(teaser: string, profileFirstName: string | null): string {
  return profileFirstName
    ? `Mon espace santé : un nouveau message de prévention attend ${profileFirstName}. ${teaser}`
    : `Mon espace santé : un nouveau message de prévention vous attend. ${teaser}`;
}
