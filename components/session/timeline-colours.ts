/**
 * The step number badge's colours, written as literal Tailwind classes (Tailwind finds classes by
 * reading the source) with hex values, so timeline-colours.test.ts can compute their contrast: the
 * old slate-400 number on white was about 2.6:1, under WCAG's 4.5:1 for text.
 */
export const STEP_NUMBER_CLASS = 'bg-[#f1f5f9] text-[#334155]';

/** The status badges, one look per outcome; text on its own background, each ≥ 4.5:1 (tested). */
export const OUTCOME_CLASS: Record<string, string> = {
  ok: 'border-emerald-300 bg-[#ecfdf5] text-[#065f46]',
  mfa_required: 'border-amber-300 bg-[#fffbeb] text-[#78350f]',
  pending: 'border-sky-300 bg-[#f0f9ff] text-[#0c4a6e]',
  flinks_error: 'border-red-300 bg-[#fef2f2] text-[#991b1b]',
  transport_error: 'border-red-300 bg-[#fef2f2] text-[#991b1b]',
  cancelled: 'border-zinc-300 bg-[#f4f4f5] text-[#3f3f46]',
};

/** The hex colours of a class string above, for the contrast test. */
export function coloursOf(classes: string): { text: string; background: string } {
  const text = /text-\[(#[0-9a-f]{6})\]/i.exec(classes)?.[1];
  const background = /bg-\[(#[0-9a-f]{6})\]/i.exec(classes)?.[1];
  if (!text || !background) throw new Error(`no hex text/background colour in "${classes}"`);
  return { text, background };
}
