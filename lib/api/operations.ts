import { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import {
  answersSchema,
  bundleSchema,
  compareQuerySchema,
  comparisonSchema,
  followOptionsBodySchema,
  followQuerySchema,
  historyQuerySchema,
  inspectionDetailSchema,
  inspectionOutcomeSchema,
  inspectionPageSchema,
  inspectionSummarySchema,
  linkNameSchema,
  linkResultSchema,
  openInspectionSchema,
} from './schemas';

/**
 * The operations of /api/v1: path, permission, and the schemas of what goes in and out. Pure data
 * (no server code), so the OpenAPI document can be generated from it anywhere (the route, the
 * types script, the tests); lib/api/handlers.ts gives each operationId its behaviour.
 */

export type ApiOperation = {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI template, relative to /api/v1. */
  path: string;
  summary: string;
  description?: string;
  tag: 'Inspections' | 'Links' | 'Reference';
  permission: Permission;
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → body schema (JSON); problems are added for every operation by the document builder. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Problem statuses this operation answers besides the guard's 401/403/429. */
  problems: number[];
};

const id = z.uuid().describe('The inspection id (ours, not the RequestId).');

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: 'listInspections',
    method: 'get',
    path: '/inspections',
    summary: 'History of inspections, newest first, with the filters of /sessions',
    tag: 'Inspections',
    permission: 'inspection:view',
    query: historyQuerySchema,
    responses: { 200: { description: 'A page of inspections.', schema: inspectionPageSchema } },
    problems: [400],
  },
  {
    operationId: 'openInspection',
    method: 'post',
    path: '/inspections',
    summary: 'Open a Flinks session (cached with a LoginId, or live with a persona or credentials)',
    description: 'Answers 201 with the inspection as it stands: authorized, mfa_pending with the challenges to answer, or failed with the Flinks error (the failed attempt is kept and has a timeline).',
    tag: 'Inspections',
    permission: 'inspection:open_cached',
    body: openInspectionSchema,
    responses: { 201: { description: 'The inspection was recorded.', schema: inspectionOutcomeSchema } },
    problems: [400, 504],
  },
  {
    operationId: 'getInspection',
    method: 'get',
    path: '/inspections/{id}',
    summary: 'One inspection with its timeline, redacted and masked as on screen',
    tag: 'Inspections',
    permission: 'inspection:view',
    params: { id },
    responses: { 200: { description: 'The inspection.', schema: inspectionDetailSchema } },
    problems: [404],
  },
  {
    operationId: 'answerMfa',
    method: 'post',
    path: '/inspections/{id}/answers',
    summary: 'Answer the open MFA round',
    description: 'A wrong answer is not an error: the bank asks again (status mfa_pending, error INVALID_SECURITY_RESPONSE).',
    tag: 'Inspections',
    permission: 'inspection:open_cached',
    params: { id },
    body: answersSchema,
    responses: { 200: { description: 'The inspection after this round.', schema: inspectionOutcomeSchema } },
    problems: [400, 404, 409, 504],
  },
  {
    operationId: 'reopenInspection',
    method: 'post',
    path: '/inspections/{id}/reopen',
    summary: 'Open the same LoginId again in cached mode (an expired RequestId cannot be revived)',
    tag: 'Inspections',
    permission: 'inspection:open_cached',
    params: { id },
    responses: { 201: { description: 'The new inspection.', schema: inspectionSummarySchema } },
    problems: [404, 409, 502, 504],
  },
  {
    operationId: 'followLink',
    method: 'post',
    path: '/inspections/{id}/links/{link}',
    summary: 'Follow a Link of an authorized session (accounts summary, accounts detail, statements)',
    description: 'accounts-detail may answer 202 while Flinks collects the data: call again (each call polls once), or pass wait=true to let the server poll at POLL_INTERVAL_MS for up to waitSeconds. The optional body chooses the window (FollowOptions); send the same body again when calling again.',
    tag: 'Links',
    permission: 'link:follow',
    params: { id, link: linkNameSchema },
    query: followQuerySchema,
    body: followOptionsBodySchema,
    responses: {
      200: { description: 'The data.', schema: linkResultSchema },
      202: { description: 'Still being collected (OPERATION_PENDING / OPERATION_DISPATCHED).', schema: linkResultSchema },
    },
    problems: [400, 404, 409, 410, 502, 504],
  },
  {
    operationId: 'getBundle',
    method: 'get',
    path: '/inspections/{id}/bundle',
    summary: 'The support bundle (recorded as bundle.download)',
    tag: 'Inspections',
    permission: 'bundle:download',
    params: { id },
    responses: { 200: { description: 'The bundle.', schema: bundleSchema } },
    problems: [404],
  },
  {
    operationId: 'compareInspections',
    method: 'get',
    path: '/compare',
    summary: 'Compare two sessions (the /compare page as data)',
    description: 'a and b each name one session by inspection id or Request ID. 404 when one matches no session; 400 when one matches several or both name the same.',
    tag: 'Inspections',
    permission: 'inspection:view',
    query: compareQuerySchema,
    responses: { 200: { description: 'The comparison.', schema: comparisonSchema } },
    problems: [400, 404],
  },
  {
    operationId: 'getOpenApi',
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    tag: 'Reference',
    permission: 'account:self',
    responses: { 200: { description: 'The OpenAPI 3.1 document.', contentType: 'application/json' } },
    problems: [],
  },
  {
    operationId: 'getDocs',
    method: 'get',
    path: '/docs',
    summary: 'The operations of this document, as a page for people',
    tag: 'Reference',
    permission: 'account:self',
    responses: { 200: { description: 'HTML.', contentType: 'text/html' } },
    problems: [],
  },
];
