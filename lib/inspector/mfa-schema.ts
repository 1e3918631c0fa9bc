import { z } from 'zod';

/** Input of the MFA answer action (plain module, shared by the client and the server action). */
export const answerMfaInputSchema = z.object({
  inspectionId: z.string().trim().min(1).max(100),
  /** Keys are the exact prompt texts (never transformed); values are arrays (§5 step 3). */
  responses: z
    .record(z.string().min(1).max(1000), z.array(z.string().max(200_000)).min(1).max(50))
    .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 20, 'Answer at least one question.'),
});
export type AnswerMfaInput = z.infer<typeof answerMfaInputSchema>;
