import { describe, expect, test } from 'vitest';
import { finOf, finWarning, isBlankBody, isContactable, replyRefusal, writtenByLabel, type FinKind } from '@/lib/messaging/rules';

type Row = [rule: string, subject: string, body: string, attachments: number, expected: FinKind];
const ROWS: Row[] = [
  ['MSG-7 plain [FIN], empty body', '[FIN]', '', 0, 'CLOSE_ONLY'],
  ['MSG-7 lower case [fin]', 'Suivi [fin]', '', 0, 'CLOSE_ONLY'],
  ['MSG-7 mixed case [Fin]', '[Fin] Suivi', '   ', 0, 'CLOSE_ONLY'],
  ['MSG-7 glued to a word: the brackets make it a token', 'Suivi[FIN]', '', 0, 'CLOSE_ONLY'],
  ['MSG-7 HTML-only body <p><br></p>', '[FIN]', '<p><br></p>', 0, 'CLOSE_ONLY'],
  ['MSG-7 &nbsp; and whitespace only', '[FIN]', '<div>&nbsp;&nbsp;</div>\n\t', 0, 'CLOSE_ONLY'],
  ['MSG-7 numeric nbsp and zero-width space', '[FIN]', '&#160;\u200b\u00a0', 0, 'CLOSE_ONLY'],
  ['MSG-7 HTML comment only', '[FIN]', '<!-- signature -->', 0, 'CLOSE_ONLY'],
  ['MSG-8 [FIN] with text', '[FIN]', 'Bonne continuation.', 0, 'DELIVER_THEN_CLOSE'],
  ['MSG-8 [FIN] with text in HTML', '[fin]', '<p>Résultats normaux</p>', 0, 'DELIVER_THEN_CLOSE'],
  ['MSG-8 [FIN] with an entity that is content (&amp;)', '[FIN]', '&amp;', 0, 'DELIVER_THEN_CLOSE'],
  ['MSG-8 [FIN], empty body but an attachment', '[FIN]', '<p><br></p>', 1, 'DELIVER_THEN_CLOSE'],
  ['MSG-7 spaces inside the brackets do not count', '[ FIN ]', '', 0, 'NONE'],
  ['MSG-7 [FINANCE] is not [FIN]', '[FINANCE] devis', '', 0, 'NONE'],
  ['MSG-7 FIN without brackets does not count', 'FIN du suivi', '', 0, 'NONE'],
  ['MSG-7 "fin" inside words does not count', 'Enfin finie', '', 0, 'NONE'],
  ['MSG-7 [FIN] in the body only does not count', 'Résultats', '[FIN]', 0, 'NONE'],
  ['MSG-7 parentheses are not brackets', '(FIN)', '', 0, 'NONE'],
];

describe('MSG-7, MSG-8: [FIN] classification', () => {
  test.each(ROWS)('%s', (_rule, subject, body, attachments, expected) => {
    expect(finOf({ subject, bodyHtmlOrText: body, attachments })).toBe(expected);
  });

  test('MSG-8: the warning shown before sending', () => {
    expect(finWarning('CLOSE_ONLY')).toBe('Ce message ne sera pas transmis au patient : il clôt la conversation.');
    expect(finWarning('DELIVER_THEN_CLOSE')).toBe('Ce message sera transmis, puis la conversation sera close.');
    expect(finWarning('NONE')).toBeNull();
  });

  test('MSG-7: text after stripping tags is content', () => {
    expect(isBlankBody('<p>a</p>')).toBe(false);
    expect(isBlankBody('<br/><br/>')).toBe(true);
  });
});

describe('MSG-4, MSG-5: reply refusals', () => {
  test.each([
    [false, 'REPLY', null],
    [false, 'REPLY_TO_ALL', null],
    [false, 'REPLY_BLOCKED', 'Ce professionnel n’accepte pas de réponse à ce message.'],
    [false, 'NO_REPLY', 'Ce professionnel n’accepte pas de réponse à ce message.'],
    [false, 'NEW_MESSAGE', 'Ce professionnel vous demande d’écrire un nouveau message plutôt que de répondre.'],
    [true, 'REPLY', 'Dr A a mis fin à vos échanges.'],
  ] as const)('closed=%s option=%s', (closed, option, expected) => {
    expect(replyRefusal({ closed, professionalLabel: 'Dr A', lastOption: option })).toBe(expected);
  });
});

describe('MSG-3(a): contactable professionals', () => {
  const d = (n: number) => new Date(2026, 0, n);
  test('needs a PS message and an open latest conversation', () => {
    expect(isContactable([{ openedAt: d(1), closedAt: null, psWrote: true }])).toBe(true);
    expect(isContactable([{ openedAt: d(1), closedAt: null, psWrote: false }])).toBe(false);
    expect(isContactable([{ openedAt: d(1), closedAt: null, psWrote: true }, { openedAt: d(2), closedAt: d(3), psWrote: true }])).toBe(false);
    expect(isContactable([{ openedAt: d(1), closedAt: d(2), psWrote: true }, { openedAt: d(3), closedAt: null, psWrote: true }])).toBe(true);
    expect(isContactable([])).toBe(false);
  });
});

describe('MSG-9: labels', () => {
  test('representative and aidant are named; the holder is not', () => {
    expect(writtenByLabel('REPRESENTATIVE', 'Paul Durand', 'Léa Durand')).toBe('rédigé par Paul Durand, représentant légal');
    expect(writtenByLabel('AIDANT', 'Anne Roy', 'Jean Roy')).toBe('rédigé par Anne Roy, l’aidant de Jean Roy');
    expect(writtenByLabel('HOLDER', 'Jean Roy', 'Jean Roy')).toBeNull();
  });
});
