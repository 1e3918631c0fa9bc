// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ChallengeView } from '@/lib/inspector/views';
import { MfaForm } from './mfa-form';

afterEach(cleanup);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';
const ALL: ChallengeView[] = [
  { type: 'QuestionAndAnswer', prompt: 'What city were you born in?', iterables: [] },
  { type: 'MultipleChoice', prompt: 'Which colour is your card?', iterables: ['Red', 'Blue'] },
  { type: 'MultipleChoiceMultipleAnswers', prompt: 'Select every colour in your flag.', iterables: ['Red', 'Green', 'Blue'] },
  { type: 'ImageSelection', prompt: 'Select your security image.', iterables: [PNG, `data:image/png;base64,${PNG}`] },
  { type: 'TextOrCall', prompt: 'How would you like to receive your code?', iterables: ['Text message', 'Phone call'] },
  { type: 'Fingerprint', prompt: 'Describe the sensor', iterables: [] },
];

describe('MfaForm', () => {
  it('renders one field per challenge, named by its prompt', () => {
    render(<MfaForm challenges={ALL} round={1} pending={false} onAnswer={() => {}} />);
    expect(screen.getByRole('textbox', { name: 'What city were you born in?' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Which colour is your card?' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Select every colour in your flag.' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Select your security image.' })).toBeInTheDocument();
    // Named by place and count, not four times "Image".
    expect(screen.getByRole('radio', { name: 'Image 2 of 2' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Image 1 of 2' })).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    expect(screen.getByRole('img', { name: 'Image 2 of 2' })).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    expect(screen.getByRole('radiogroup', { name: 'How would you like to receive your code?' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Describe the sensor' })).toBeInTheDocument();
    expect(screen.getByText('Challenge type: Fingerprint')).toBeInTheDocument();
  });

  it('submits every answer keyed by its exact prompt', () => {
    const onAnswer = vi.fn();
    render(<MfaForm challenges={ALL} round={1} pending={false} onAnswer={onAnswer} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'What city were you born in?' }), { target: { value: 'Montreal' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Blue' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Red' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Green' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Image 2 of 2' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Phone call' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Describe the sensor' }), { target: { value: 'round' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(onAnswer).toHaveBeenCalledWith({
      'What city were you born in?': ['Montreal'],
      'Which colour is your card?': ['Blue'],
      'Select every colour in your flag.': ['Red', 'Green'],
      'Select your security image.': [`data:image/png;base64,${PNG}`],
      'How would you like to receive your code?': ['Phone call'],
      'Describe the sensor': ['round'],
    });
  });

  it('shows remote images only as the inline copies the server fetched, and a reason when one failed', () => {
    const onAnswer = vi.fn();
    const remote: ChallengeView = {
      type: 'ImageSelection',
      prompt: 'Select your security image.',
      iterables: ['https://images.bank.test/a.png', 'https://images.bank.test/b.png'],
      images: [
        { src: `data:image/png;base64,${PNG}`, problem: null },
        { src: null, problem: 'The image could not be loaded: the server answered HTTP 404.' },
      ],
    };
    const { container } = render(<MfaForm challenges={[remote]} round={1} pending={false} onAnswer={onAnswer} />);
    expect(screen.getByRole('img', { name: 'Image 1 of 2' })).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    expect(screen.getByText(/Image 2 of 2: The image could not be loaded: the server answered HTTP 404\./)).toBeInTheDocument();
    expect(container.querySelectorAll('img[src^="http"]')).toHaveLength(0);
    // Still answerable: the value sent back is the choice as offered.
    fireEvent.click(screen.getByRole('radio', { name: /^Image 2/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(onAnswer).toHaveBeenCalledWith({ 'Select your security image.': ['https://images.bank.test/b.png'] });
  });

  it('counts the attempts, warns before the last one, and keeps the persona hint on screen', () => {
    const one = ALL.slice(0, 1);
    const { rerender } = render(<MfaForm challenges={one} round={1} pending={false} onAnswer={() => {}} attempt={{ number: 1, of: 3, last: false }} personaHint="Greatday: MFA: one security question (Montreal / Canada / Triangle)." />);
    expect(screen.getByTestId('mfa-attempt')).toHaveTextContent('Attempt 1 of 3');
    expect(screen.queryByTestId('mfa-last-attempt')).toBeNull();
    expect(screen.getByTestId('persona-hint')).toHaveTextContent('Montreal / Canada / Triangle');
    rerender(<MfaForm challenges={one} round={1} pending={false} onAnswer={() => {}} attempt={{ number: 2, of: 3, last: false }} personaHint="Greatday: hint" />);
    expect(screen.getByTestId('mfa-attempt')).toHaveTextContent('Attempt 2 of 3');
    expect(screen.queryByTestId('mfa-last-attempt')).toBeNull();
    rerender(<MfaForm challenges={one} round={1} pending={false} onAnswer={() => {}} attempt={{ number: 3, of: 3, last: true }} personaHint="Greatday: hint" />);
    expect(screen.getByTestId('mfa-attempt')).toHaveTextContent('Attempt 3 of 3');
    expect(screen.getByTestId('mfa-last-attempt')).toHaveTextContent(/^Last attempt: another wrong answer ends this session/);
    expect(screen.getByTestId('persona-hint')).toHaveTextContent('Greatday: hint');
  });

  it('marks unanswered fields invalid and does not submit', () => {
    const onAnswer = vi.fn();
    render(<MfaForm challenges={ALL.slice(0, 1)} round={1} pending={false} onAnswer={onAnswer} />);
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(onAnswer).not.toHaveBeenCalled();
    const input = screen.getByRole('textbox', { name: 'What city were you born in?' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter an answer.');
  });

  describe('a QuestionAndAnswer with Iterables', () => {
    const PICK: ChallengeView = {
      type: 'QuestionAndAnswer',
      prompt: 'Choose a security question and answer it.',
      iterables: ['What city were you born in?', 'What shape do people like most?'],
    };

    it('is a select named by the prompt, starting on a disabled placeholder, and an answer box', () => {
      render(<MfaForm challenges={[PICK]} round={1} pending={false} onAnswer={() => {}} />);
      const select = screen.getByRole('combobox', { name: PICK.prompt });
      expect(select).toHaveValue('');
      expect(screen.getByRole('option', { name: 'Choose a question…' })).toBeDisabled();
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a question…', ...PICK.iterables]);
      expect(screen.getByRole('textbox', { name: `Answer to the question chosen for “${PICK.prompt}”` })).toBeInTheDocument();
    });

    it('sends the answer keyed by the chosen question', () => {
      const onAnswer = vi.fn();
      render(<MfaForm challenges={[PICK]} round={1} pending={false} onAnswer={onAnswer} />);
      fireEvent.change(screen.getByRole('combobox', { name: PICK.prompt }), { target: { value: 'What shape do people like most?' } });
      expect(screen.getByRole('textbox', { name: /^Answer/ })).toHaveAccessibleDescription(/^\s*What shape do people like most\?\s*$/);
      fireEvent.change(screen.getByRole('textbox', { name: /^Answer/ }), { target: { value: ' Triangle ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
      expect(onAnswer).toHaveBeenCalledWith({ 'What shape do people like most?': ['Triangle'] });
    });

    it('flags a missing question and a missing answer on their own fields', () => {
      const onAnswer = vi.fn();
      render(<MfaForm challenges={[PICK]} round={1} pending={false} onAnswer={onAnswer} />);
      fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
      expect(onAnswer).not.toHaveBeenCalled();
      const select = screen.getByRole('combobox', { name: PICK.prompt });
      expect(select).toHaveAttribute('aria-invalid', 'true');
      expect(select).toHaveAccessibleDescription('Choose a question.');
      const answer = screen.getByRole('textbox', { name: /^Answer/ });
      expect(answer).toHaveAttribute('aria-invalid', 'true');
      expect(answer).toHaveAccessibleDescription(/^\s*Enter an answer\.\s*$/);
    });
  });
});
