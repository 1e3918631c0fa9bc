import { createInterface } from 'node:readline/promises';
import type { Schemas } from './client';

/**
 * MFA answers for the CLI. `--answer "prompt=value"` (repeat a prompt for several values, e.g. a
 * Checkbox), keyed by the exact prompt or, for a question picked from a list, by the chosen
 * question. `#2` stands for the second value offered (image choices are long data). Only answers
 * for the round's questions are sent, so one command line can carry the answers of every round.
 */

type Challenge = Schemas['Challenge'];
export type AnswerBook = Map<string, string[]>;

export function parseAnswerFlags(flags: readonly string[]): { ok: true; book: AnswerBook } | { ok: false; message: string } {
  const book: AnswerBook = new Map();
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    if (at <= 0) return { ok: false, message: `--answer "${flag}": write it as "prompt=value".` };
    const key = flag.slice(0, at).trim();
    book.set(key, [...(book.get(key) ?? []), flag.slice(at + 1).trim()]);
  }
  return { ok: true, book };
}

export function bookOf(record: Record<string, string | string[]>): AnswerBook {
  return new Map(Object.entries(record).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

const resolveValue = (c: Challenge, v: string) => {
  const m = /^#(\d+)$/.exec(v);
  return m ? (c.iterables[Number(m[1]) - 1] ?? v) : v;
};

/** The answers this round needs, and the questions nothing in the book answers. */
export function answersForRound(challenges: readonly Challenge[], book: AnswerBook): { answers: Record<string, string[]>; missing: Challenge[] } {
  const answers: Record<string, string[]> = {};
  const missing: Challenge[] = [];
  for (const c of challenges) {
    const direct = book.get(c.prompt);
    if (direct) {
      answers[c.prompt] = direct.map((v) => resolveValue(c, v));
      continue;
    }
    // QuestionAndAnswer with Iterables: the iterables are questions; the answer is keyed by the one chosen.
    const chosen = c.type === 'QuestionAndAnswer' ? c.iterables.find((q) => book.has(q)) : undefined;
    if (chosen) answers[chosen] = book.get(chosen)!;
    else missing.push(c);
  }
  return { answers, missing };
}

/** Asks a person at a terminal for each missing answer. */
export async function askAtTerminal(challenges: readonly Challenge[]): Promise<Record<string, string[]>> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const out: Record<string, string[]> = {};
  try {
    for (const c of challenges) {
      process.stderr.write(`\n${c.prompt}${c.type !== 'QuestionAndAnswer' ? ` (${c.type})` : ''}\n`);
      const offered = c.iterables.map((v, i) => `  ${i + 1}. ${v.startsWith('data:') || v.length > 80 ? `choice ${i + 1}` : v}`);
      if (offered.length) process.stderr.write(`${offered.join('\n')}\n`);
      if (c.type === 'QuestionAndAnswer' && c.iterables.length > 0) {
        const pick = await rl.question('Question number: ');
        const question = c.iterables[Number(pick) - 1] ?? c.iterables[0]!;
        out[question] = [(await rl.question(`${question} `)).trim()];
      } else if (c.iterables.length > 0) {
        const raw = await rl.question(c.type === 'MultipleChoiceMultipleAnswers' ? 'Numbers, comma-separated: ' : 'Number: ');
        out[c.prompt] = raw.split(',').map((n) => c.iterables[Number(n.trim()) - 1]).filter((v): v is string => Boolean(v));
      } else {
        out[c.prompt] = [(await rl.question('Answer: ')).trim()];
      }
    }
  } finally {
    rl.close();
  }
  return out;
}
