import { describe, expect, it } from 'vitest';
import { coloursOf, OUTCOME_CLASS, STEP_NUMBER_CLASS } from './timeline-colours';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('timeline colours meet 4.5:1 for text', () => {
  it('computes known ratios (the check itself can fail)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // slate-400 on white, the old step number: fails.
    expect(contrast('#94a3b8', '#ffffff')).toBeLessThan(4.5);
  });

  it('the step number badge', () => {
    const { text, background } = coloursOf(STEP_NUMBER_CLASS);
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
    // The badge sits on the white card: its text must also read against white.
    expect(contrast(text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(OUTCOME_CLASS))('the %s status badge', (_outcome, classes) => {
    const { text, background } = coloursOf(classes);
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });
});
