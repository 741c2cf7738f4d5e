import { describe, expect, test } from 'vitest';
import { mergeTeaser, pushText, renderTeaserTemplate } from '@/lib/prevention-campaigns/teaser-template';

describe('PRV-9, NOT-7: the prevention teaser rendered once, merged per recipient', () => {
  test('a representative\'s email names the profile (escaped in HTML) and links to its « Prévention » section', async () => {
    const template = await renderTeaserTemplate({ teaser: 'Un message vous attend.', appUrl: 'http://mes.test', holder: false });
    const mail = mergeTeaser(template, { profileFirstName: 'Léa<script>', profileId: '6f1c2d3e-0000-4000-8000-000000000001' });
    expect(mail.html).toContain('attend Léa&lt;script&gt; dans Mon espace santé');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('http://mes.test/espace/prevention?profil=6f1c2d3e-0000-4000-8000-000000000001');
    expect(mail.text).toContain('attend Léa<script> dans Mon espace santé');
    expect(mail.html).not.toContain('XXMES');
  });

  test('the holder\'s email says « vous attend » and names nobody', async () => {
    const template = await renderTeaserTemplate({ teaser: 'Un message vous attend.', appUrl: 'http://mes.test', holder: true });
    const mail = mergeTeaser(template, { profileFirstName: 'Léa', profileId: 'x' });
    expect(mail.text).toContain('vous attend dans Mon espace santé');
    expect(mail.text).not.toContain('Léa');
    expect(mail.html).toContain('http://mes.test/espace/prevention"');
  });

  test('the push text: the teaser, and whose profile for a representative', () => {
    expect(pushText('Un message vous attend.', null)).toBe('Mon espace santé : un nouveau message de prévention vous attend. Un message vous attend.');
    expect(pushText('Un message vous attend.', 'Léa')).toBe('Mon espace santé : un nouveau message de prévention attend Léa. Un message vous attend.');
  });
});
