import { z } from 'zod';

/** Inputs of the session page's server actions (plain module: 'use server' files export only functions). */
export const inspectionIdSchema = z.uuid();

export const followLinkInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  link: z.enum(['summary', 'detail', 'statements']),
});

export const sessionInputSchema = z.object({ inspectionId: inspectionIdSchema });

/**
 * Run again / Reopen: the password only for a live login with credentials (absent: the form is
 * asked for), the production reason, and the click id that makes a double click one inspection.
 */
export const rerunInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  password: z.string().max(200).optional(),
  reason: z.string().max(500).optional(),
  clickId: z.string().min(8).max(64),
});
