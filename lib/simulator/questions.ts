import type { Language } from '@/lib/flinks/schemas';
import { IMAGE_CHOICES } from './png';
import type { Rng } from './random';

/**
 * MFA challenges. A Challenge carries its own answer check; only Type/Prompt/Iterables go on the wire.
 * D7: answers are compared ignoring case and surrounding spaces.
 */

export interface Challenge {
  Type: string;
  Prompt: string;
  Iterables?: string[];
  /** The SecurityResponses keys this challenge accepts (one is used); absent means [Prompt] (§5 step 3). */
  answerKeys?: readonly string[];
  accepts(answers: readonly string[], key: string): boolean;
}

export const answerKeysOf = (c: Challenge): readonly string[] => c.answerKeys ?? [c.Prompt];

export const norm = (s: string) => s.trim().toLowerCase();

const one = (expected: string) => (answers: readonly string[]) =>
  answers.length === 1 && norm(answers[0] ?? '') === norm(expected);

const sameSet = (expected: readonly string[]) => (answers: readonly string[]) => {
  const got = new Set(answers.map(norm));
  return got.size === expected.length && expected.every((e) => got.has(norm(e)));
};

export const qa = (Prompt: string, answer: string): Challenge => ({ Type: 'QuestionAndAnswer', Prompt, accepts: one(answer) });

/** §7 Canadian toolbox questions; French wording is ours (§7 says only "Où"/"Quel"/"Quelle"). */
export const TOOLBOX_QUESTIONS = [
  { en: 'What city were you born in?', fr: 'Dans quelle ville êtes-vous né?', answer: 'Montreal' },
  { en: 'What is the best country on earth?', fr: 'Quel est le meilleur pays du monde?', answer: 'Canada' },
  { en: 'What shape do people like most?', fr: 'Quelle forme les gens préfèrent-ils?', answer: 'Triangle' },
] as const;

/** D4/D7: one of the three at random; after a wrong answer, a different one ("another question"). */
export function toolboxQuestion(rng: Rng, lang: Language, previous?: readonly Challenge[]): Challenge {
  const prev = new Set(previous?.map((c) => c.Prompt));
  const candidates = TOOLBOX_QUESTIONS.filter((q) => !prev.has(q[lang]));
  const q = rng.pick(candidates.length > 0 ? candidates : TOOLBOX_QUESTIONS);
  return qa(q[lang], q.answer);
}

const T = {
  colour: { en: 'What is your favourite colour?', fr: 'Quelle est votre couleur préférée?' },
  pickColour: { en: 'Which colour is your card?', fr: 'Quelle est la couleur de votre carte?' },
  flag: { en: 'Select every colour in your security flag.', fr: 'Quelles couleurs figurent sur votre drapeau de sécurité?' },
  image: { en: 'Select your security image.', fr: 'Quelle est votre image de sécurité?' },
  delivery: { en: 'How would you like to receive your security code?', fr: 'Où voulez-vous recevoir votre code de sécurité?' },
  code: { en: 'Enter the security code we sent you.', fr: 'Quel est le code de sécurité que nous vous avons envoyé?' },
  pickQuestion: { en: 'Choose a security question and answer it.', fr: 'Choisissez une question de sécurité et répondez-y.' },
} as const;

const COLOURS = ['Red', 'Green', 'Blue', 'Yellow'];
const DELIVERY = ['Text message to (***) ***-7777', 'Phone call to (***) ***-7777'];

export const favouriteColour = (lang: Language) => qa(T.colour[lang], 'Blue');

export const multipleChoice = (lang: Language): Challenge => ({
  Type: 'MultipleChoice', Prompt: T.pickColour[lang], Iterables: COLOURS, accepts: one('Blue'),
});

export const multipleAnswers = (lang: Language): Challenge => ({
  Type: 'MultipleChoiceMultipleAnswers', Prompt: T.flag[lang], Iterables: COLOURS, accepts: sameSet(['Red', 'Green']),
});

export const imageSelection = (lang: Language): Challenge => ({
  Type: 'ImageSelection', Prompt: T.image[lang], Iterables: [...IMAGE_CHOICES], accepts: one(IMAGE_CHOICES[1] ?? ''),
});

/** Any offered delivery option is right; the code follows in the next round (sim_text_or_call). */
export const textOrCall = (lang: Language): Challenge => ({
  Type: 'TextOrCall',
  Prompt: T.delivery[lang],
  Iterables: DELIVERY,
  accepts: (answers) => answers.length === 1 && DELIVERY.some((d) => norm(d) === norm(answers[0] ?? '')),
});

export const securityCode = (lang: Language) => qa(T.code[lang], '123456');

/**
 * §4.2 "QuestionAndAnswer with Iterables" (sim_pick_question): the Iterables are questions to choose
 * from, and the answer is keyed by the chosen question, not by the Prompt (FOAM's selection form).
 */
export function pickQuestion(lang: Language): Challenge {
  const questions: string[] = TOOLBOX_QUESTIONS.map((q) => q[lang]);
  const answerOf = new Map<string, string>(TOOLBOX_QUESTIONS.map((q) => [q[lang], q.answer]));
  return {
    Type: 'QuestionAndAnswer',
    Prompt: T.pickQuestion[lang],
    Iterables: questions,
    answerKeys: questions,
    accepts: (answers, key) => {
      const expected = answerOf.get(key);
      return expected !== undefined && one(expected)(answers);
    },
  };
}
