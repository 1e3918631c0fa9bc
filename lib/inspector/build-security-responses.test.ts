import { describe, expect, it } from 'vitest';
import { buildSecurityResponses, imageSrc, mfaFieldName, mfaQuestionFieldName, valuesFromFormData, widgetFor } from './build-security-responses';
import type { ChallengeView } from './views';

const qa = (prompt: string): ChallengeView => ({ type: 'QuestionAndAnswer', prompt, iterables: [] });
const PNG_A = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';
const PNG_B = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/2Q4j5AAAAABJRU5ErkJggg==';

describe('widgetFor', () => {
  it('chooses the widget by Type', () => {
    expect(widgetFor(qa('x'))).toBe('text');
    expect(widgetFor({ type: 'MultipleChoice', prompt: 'p', iterables: ['a'] })).toBe('radio');
    expect(widgetFor({ type: 'MultipleChoiceMultipleAnswers', prompt: 'p', iterables: ['a'] })).toBe('checkbox');
    expect(widgetFor({ type: 'ImageSelection', prompt: 'p', iterables: [PNG_A] })).toBe('image-radio');
    expect(widgetFor({ type: 'TextOrCall', prompt: 'p', iterables: ['SMS', 'Call'] })).toBe('radio');
    expect(widgetFor({ type: 'Fingerprint', prompt: 'p', iterables: [] })).toBe('unknown');
  });

  it('a QuestionAndAnswer with Iterables is a question select (§4.2)', () => {
    expect(widgetFor({ type: 'QuestionAndAnswer', prompt: 'p', iterables: ['Q1?', 'Q2?'] })).toBe('question-select');
  });

  it('falls back to a text input when a choice type comes without choices', () => {
    expect(widgetFor({ type: 'MultipleChoice', prompt: 'p', iterables: [] })).toBe('text');
  });
});

describe('buildSecurityResponses', () => {
  it('keys a QuestionAndAnswer by the exact prompt, value in an array, trimmed', () => {
    const prompt = 'What shape do people like most?';
    const built = buildSecurityResponses([qa(prompt)], { [mfaFieldName(0)]: ['  Triangle '] });
    expect(built).toEqual({ ok: true, responses: { [prompt]: ['Triangle'] } });
  });

  it('never transforms the keys (case, accents, punctuation, spaces)', () => {
    const prompts = ['Dans quelle ville êtes-vous né?', 'WHAT is  2 + 2 ?', ' leading space'];
    const built = buildSecurityResponses(prompts.map(qa), { 'mfa-0': ['Montréal'], 'mfa-1': ['4'], 'mfa-2': ['x'] });
    expect(built.ok && Object.keys(built.responses)).toEqual(prompts);
  });

  it('sends one MultipleChoice value exactly as offered', () => {
    const c: ChallengeView = { type: 'MultipleChoice', prompt: 'Which colour is your card?', iterables: ['Red', 'Blue'] };
    expect(buildSecurityResponses([c], { 'mfa-0': ['Blue'] })).toEqual({ ok: true, responses: { 'Which colour is your card?': ['Blue'] } });
  });

  it('sends every checked MultipleChoiceMultipleAnswers value', () => {
    const c: ChallengeView = { type: 'MultipleChoiceMultipleAnswers', prompt: 'Flag colours', iterables: ['Red', 'Green', 'Blue'] };
    expect(buildSecurityResponses([c], { 'mfa-0': ['Red', 'Green'] })).toEqual({ ok: true, responses: { 'Flag colours': ['Red', 'Green'] } });
  });

  it('sends the chosen ImageSelection Iterables value (the base64 data itself)', () => {
    const c: ChallengeView = { type: 'ImageSelection', prompt: 'Select your security image.', iterables: [PNG_A, PNG_B] };
    expect(buildSecurityResponses([c], { 'mfa-0': [PNG_B] })).toEqual({ ok: true, responses: { 'Select your security image.': [PNG_B] } });
  });

  it('sends the chosen TextOrCall delivery option', () => {
    const c: ChallengeView = { type: 'TextOrCall', prompt: 'How?', iterables: ['Text message to (***) ***-7777', 'Phone call'] };
    expect(buildSecurityResponses([c], { 'mfa-0': ['Text message to (***) ***-7777'] })).toEqual({ ok: true, responses: { 'How?': ['Text message to (***) ***-7777'] } });
  });

  it('answers an unknown type as free text', () => {
    const c: ChallengeView = { type: 'Fingerprint', prompt: 'Touch the sensor', iterables: [] };
    expect(buildSecurityResponses([c], { 'mfa-0': ['done'] })).toEqual({ ok: true, responses: { 'Touch the sensor': ['done'] } });
  });

  it('builds one object for several challenges of different types', () => {
    const cs: ChallengeView[] = [
      qa('What city were you born in?'),
      { type: 'MultipleChoice', prompt: 'Card colour', iterables: ['Red', 'Blue'] },
      { type: 'MultipleChoiceMultipleAnswers', prompt: 'Flag', iterables: ['Red', 'Green'] },
    ];
    const built = buildSecurityResponses(cs, { 'mfa-0': ['Montreal'], 'mfa-1': ['Blue'], 'mfa-2': ['Red', 'Green'] });
    expect(built).toEqual({ ok: true, responses: { 'What city were you born in?': ['Montreal'], 'Card colour': ['Blue'], Flag: ['Red', 'Green'] } });
  });

  it('reports every unanswered field instead of sending an empty array', () => {
    const cs: ChallengeView[] = [qa('A?'), { type: 'MultipleChoiceMultipleAnswers', prompt: 'B?', iterables: ['x'] }, { type: 'MultipleChoice', prompt: 'C?', iterables: ['y'] }];
    const built = buildSecurityResponses(cs, { 'mfa-0': ['   '] });
    expect(built).toEqual({ ok: false, errors: { 'mfa-0': 'Enter an answer.', 'mfa-1': 'Choose at least one answer.', 'mfa-2': 'Choose an answer.' } });
  });

  describe('QuestionAndAnswer with Iterables (pick a question, then answer it)', () => {
    const QUESTIONS = ['What city were you born in?', 'What shape do people like most?', ' Quelle forme les gens préfèrent-ils? '];
    const pick: ChallengeView = { type: 'QuestionAndAnswer', prompt: 'Choose a security question and answer it.', iterables: QUESTIONS };

    it('keys the trimmed answer by the chosen question, exactly as offered, never by the prompt', () => {
      const built = buildSecurityResponses([pick], { [mfaQuestionFieldName(0)]: [QUESTIONS[1] ?? ''], [mfaFieldName(0)]: ['  Triangle '] });
      expect(built).toEqual({ ok: true, responses: { 'What shape do people like most?': ['Triangle'] } });
    });

    it('keeps the chosen question verbatim (spaces, accents)', () => {
      const built = buildSecurityResponses([pick], { 'mfa-0-question': [QUESTIONS[2] ?? ''], 'mfa-0': ['Triangle'] });
      expect(built.ok && Object.keys(built.responses)).toEqual([' Quelle forme les gens préfèrent-ils? ']);
    });

    it('asks for a question and an answer when either is missing', () => {
      expect(buildSecurityResponses([pick], {})).toEqual({ ok: false, errors: { 'mfa-0-question': 'Choose a question.', 'mfa-0': 'Enter an answer.' } });
      expect(buildSecurityResponses([pick], { 'mfa-0-question': [QUESTIONS[0] ?? ''], 'mfa-0': ['  '] })).toEqual({ ok: false, errors: { 'mfa-0': 'Enter an answer.' } });
      expect(buildSecurityResponses([pick], { 'mfa-0': ['Montreal'] })).toEqual({ ok: false, errors: { 'mfa-0-question': 'Choose a question.' } });
    });

    it('refuses a question that was not offered', () => {
      const built = buildSecurityResponses([pick], { 'mfa-0-question': ['What is your name?'], 'mfa-0': ['Bob'] });
      expect(built).toEqual({ ok: false, errors: { 'mfa-0-question': 'Choose a question.' } });
    });

    it('sits in one object beside other challenges', () => {
      const built = buildSecurityResponses([qa('What city were you born in?'), pick], {
        'mfa-0': ['Montreal'],
        'mfa-1-question': ['What shape do people like most?'],
        'mfa-1': ['Triangle'],
      });
      expect(built).toEqual({ ok: true, responses: { 'What city were you born in?': ['Montreal'], 'What shape do people like most?': ['Triangle'] } });
    });
  });

  it.each(['constructor', '__proto__', 'toString'])('keys a prompt named %s like any other prompt', (prompt) => {
    const built = buildSecurityResponses([qa(prompt)], { 'mfa-0': ['x'] });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(Object.hasOwn(built.responses, prompt)).toBe(true);
    expect(JSON.parse(JSON.stringify(built.responses))).toEqual(JSON.parse(`{${JSON.stringify(prompt)}:["x"]}`));
  });

  it('a form field named constructor or __proto__ stays a field', () => {
    const fd = new FormData();
    fd.append('__proto__', 'a');
    fd.append('constructor', 'b');
    const values = valuesFromFormData(fd);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(values['mfa-0']).toBeUndefined();
  });

  it('reads checkbox groups from FormData as arrays', () => {
    const fd = new FormData();
    fd.append('mfa-0', 'Red');
    fd.append('mfa-0', 'Green');
    fd.append('mfa-1', 'Montreal');
    expect(valuesFromFormData(fd)).toEqual({ 'mfa-0': ['Red', 'Green'], 'mfa-1': ['Montreal'] });
  });
});

describe('imageSrc', () => {
  it('turns raw base64 into a PNG data URL', () => {
    expect(imageSrc(PNG_A)).toBe(`data:image/png;base64,${PNG_A}`);
  });
  it('keeps data: and http(s) URLs as they are', () => {
    expect(imageSrc('data:image/jpeg;base64,AAAA')).toBe('data:image/jpeg;base64,AAAA');
    // Remote images are fetched by the server; the browser never gets their URL as a src.
    expect(imageSrc('https://example.test/a.png')).toBeNull();
    expect(imageSrc('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
  });
  it('drops whitespace inside wrapped base64', () => {
    expect(imageSrc('iVBO\nRw0K')).toBe('data:image/png;base64,iVBORw0K');
  });
});
