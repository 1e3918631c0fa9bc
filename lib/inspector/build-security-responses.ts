import type { SecurityResponses } from '@/lib/flinks/schemas';
import type { ChallengeView } from './views';

/**
 * MFA form fields → SecurityResponses. Keys are the exact Prompt strings, never transformed
 * (docs/flinks-api.md §5 step 3: a re-cased key is UNKNOWN_CHALLENGE_KEY); values are arrays.
 * The exception is a QuestionAndAnswer with Iterables (§4.2 table): the Iterables are questions to
 * choose from and the answer is keyed by the chosen question, verbatim.
 * Field names are positional (`mfa-0`, `mfa-1`…) so a prompt's punctuation never touches the DOM name.
 */

export const mfaFieldName = (index: number) => `mfa-${index}`;
/** The chosen question of a 'question-select' challenge; its answer stays in `mfa-{i}`. */
export const mfaQuestionFieldName = (index: number) => `${mfaFieldName(index)}-question`;

/** Which widget a challenge gets, by its Type; anything unknown is a text input. */
export type MfaWidget = 'text' | 'question-select' | 'radio' | 'checkbox' | 'image-radio' | 'unknown';

export function widgetFor(c: ChallengeView): MfaWidget {
  switch (c.type) {
    case 'QuestionAndAnswer':
      return c.iterables.length > 0 ? 'question-select' : 'text';
    case 'MultipleChoice':
    case 'TextOrCall':
      return c.iterables.length > 0 ? 'radio' : 'text';
    case 'MultipleChoiceMultipleAnswers':
      return c.iterables.length > 0 ? 'checkbox' : 'text';
    case 'ImageSelection':
      return c.iterables.length > 0 ? 'image-radio' : 'text';
    default:
      return 'unknown';
  }
}

export type MfaValues = Record<string, string[]>;

/**
 * FormData keeps every value of a checkbox group under one name. Object.fromEntries defines own
 * keys, so a field named `__proto__` stays a field instead of replacing the object's prototype.
 */
export function valuesFromFormData(form: FormData): MfaValues {
  return Object.fromEntries(
    [...new Set(form.keys())].map((key) => [key, form.getAll(key).filter((v): v is string => typeof v === 'string')]),
  );
}

export type BuiltResponses =
  | { ok: true; responses: SecurityResponses }
  | { ok: false; errors: Record<string, string> };

export function buildSecurityResponses(challenges: readonly ChallengeView[], values: MfaValues): BuiltResponses {
  // Keyed by prompts Flinks wrote: a Map, so a prompt such as `constructor` or `__proto__` is a plain key.
  const responses = new Map<string, string[]>();
  const errors: Record<string, string> = {};
  challenges.forEach((c, i) => {
    const name = mfaFieldName(i);
    const widget = widgetFor(c);
    if (widget === 'question-select') {
      const chosen = pickedQuestion(c, values[mfaQuestionFieldName(i)]);
      const answer = (values[name] ?? []).map((v) => v.trim()).find(Boolean);
      if (chosen === undefined) errors[mfaQuestionFieldName(i)] = 'Choose a question.';
      if (answer === undefined) errors[name] = 'Enter an answer.';
      if (chosen !== undefined && answer !== undefined) responses.set(chosen, [answer]);
      return;
    }
    const raw = values[name] ?? [];
    // Choice values are sent exactly as offered (an image is its Iterables value); free text is trimmed.
    const answers = widget === 'text' || widget === 'unknown' ? raw.map((v) => v.trim()).filter(Boolean) : raw.filter((v) => v !== '');
    if (answers.length === 0) {
      errors[name] = widget === 'checkbox' ? 'Choose at least one answer.' : widget === 'text' || widget === 'unknown' ? 'Enter an answer.' : 'Choose an answer.';
      return;
    }
    const key = c.prompt;
    responses.set(key, [...(responses.get(key) ?? []), ...(widget === 'checkbox' ? answers : answers.slice(0, 1))]);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, responses: Object.fromEntries(responses) };
}

/** The chosen question exactly as offered (never re-typed), or undefined when none or not offered. */
function pickedQuestion(c: ChallengeView, raw: readonly string[] | undefined): string | undefined {
  const value = raw?.find((v) => v !== '');
  return value !== undefined && c.iterables.includes(value) ? value : undefined;
}

/**
 * An Iterable as an <img> src when it is inline: base64 PNG data (§4.2) or a data: URI of a raster
 * image. Null for an http(s) URL: the browser must never contact the upstream's hosts, the server
 * fetches those (lib/inspector/challenge-images.ts). Null for other data: types (SVG…) too.
 */
export function imageSrc(value: string): string | null {
  const v = value.trim();
  if (/^https?:\/\//i.test(v)) return null;
  if (/^data:/i.test(v)) return /^data:image\/(png|jpeg|gif|webp)[;,]/i.test(v) ? v : null;
  return `data:image/png;base64,${v.replace(/\s+/g, '')}`;
}
