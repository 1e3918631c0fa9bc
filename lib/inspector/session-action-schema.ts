import { z } from 'zod';

/** Inputs of the session page's server actions (plain module: 'use server' files export only functions). */
export const inspectionIdSchema = z.uuid();

export const followLinkInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  link: z.enum(['summary', 'detail', 'statements']),
});

export const sessionInputSchema = z.object({ inspectionId: inspectionIdSchema });
