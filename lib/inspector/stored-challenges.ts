import { z } from 'zod';
import type { ChallengeView } from './views';

/**
 * The questions of an open round, kept with its continuation so a reload or another tab can
 * answer it. Read back through zod: the column is JSON written by an older or newer server.
 */
const challengeImageSchema = z.union([
  z.object({ src: z.string(), problem: z.null() }),
  z.object({ src: z.null(), problem: z.string() }),
]);

const storedChallengesSchema = z.array(
  z.object({
    type: z.string(),
    prompt: z.string(),
    iterables: z.array(z.string()),
    images: z.array(challengeImageSchema).optional(),
  }),
);

export function parseStoredChallenges(value: unknown): ChallengeView[] | null {
  const parsed = storedChallengesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
