import { z } from 'zod';
import { parseFrenchDecimal } from '@/lib/measures/validate-measure';
import { questionsFor, type Band, type Question } from './questions';

/**
 * PRV-10: the checks of one filled-in questionnaire for one age band, with zod: every required question
 * answered with one of its choices, numbers in range with their unit's decimals, texts trimmed and
 * bounded. Questions of other bands are ignored. All field errors at once, in French. Pure.
 */
export type Answers = Record<string, string | number | null>;
export type FieldErrors = Record<string, string>;

const decimalsOf = (s: string) => s.replace(/\s/g, '').split(/[.,]/)[1]?.length ?? 0;
const frenchNumber = (n: number) => String(n).replace('.', ',');

function schemaOf(q: Question): z.ZodType<string | number | null> {
  const raw = z.string().default('').transform((v) => v.trim());
  switch (q.kind) {
    case 'choice': {
      const values = q.options.map((o) => o.value);
      return raw.transform((v, ctx) => {
        if (v === '') {
          if (q.required) ctx.addIssue({ code: 'custom', message: q.requiredMessage });
          return null;
        }
        if (!values.includes(v)) ctx.addIssue({ code: 'custom', message: 'Choisissez une des réponses proposées.' });
        return v;
      });
    }
    case 'number':
      return raw.transform((v, ctx) => {
        if (v === '') return null;
        const n = parseFrenchDecimal(v);
        const the = q.the.charAt(0).toUpperCase() + q.the.slice(1);
        if (n === undefined) { ctx.addIssue({ code: 'custom', message: `${the} doit être un nombre, par exemple ${q.example}.` }); return null; }
        if (n < q.min || n > q.max) {
          ctx.addIssue({ code: 'custom', message: `${the} doit être compris${q.feminine ? 'e' : ''} entre ${frenchNumber(q.min)} et ${frenchNumber(q.max)} ${q.unit}.` });
          return null;
        }
        if (decimalsOf(v) > q.decimals) {
          ctx.addIssue({ code: 'custom', message: q.decimals === 0 ? `${the} s’écrit sans décimale, par exemple ${q.example}.`
            : `${the} s’écrit avec ${q.decimals} décimale au plus, par exemple ${q.example}.` });
          return null;
        }
        return n;
      });
    case 'text':
      return raw.transform((v) => v.replace(/[ \t]+/g, ' ')).pipe(z.string().max(q.maxLength, `Ce texte ne doit pas dépasser ${q.maxLength} caractères.`))
        .transform((v) => v || null);
  }
}

export function answersSchema(band: Band) {
  return z.object(Object.fromEntries(questionsFor(band).map((q) => [q.id, schemaOf(q)])));
}

export function validateAnswers(band: Band, fields: Record<string, string | undefined>):
  { ok: true; answers: Answers } | { ok: false; errors: FieldErrors } {
  const parsed = answersSchema(band).safeParse(fields);
  if (parsed.success) return { ok: true, answers: parsed.data as Answers };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}
