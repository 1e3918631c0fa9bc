import { z } from 'zod';
import { inspectionIdSchema } from './session-action-schema';

/** Input of revealHolderDataAction (plain module: 'use server' files export only functions). */
export const revealHolderDataInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  // Kept for the audit trail: why someone looked at a customer's personal data.
  reason: z
    .string({ error: 'Enter a reason.' })
    .trim()
    .min(3, 'Enter a reason of at least 3 characters (a ticket number, for example).')
    .max(500, 'Keep the reason under 500 characters.'),
});

export type RevealHolderDataInput = z.infer<typeof revealHolderDataInputSchema>;
