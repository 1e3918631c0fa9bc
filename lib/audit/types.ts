/** The audit trail's vocabulary: actions are named exactly as the team's runbooks and queries expect. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'inspection.open',
  'mfa.answer',
  'inspection.reopen',
  'inspection.cancel',
  'link.follow',
  'statement.download',
  'bundle.download',
  'bundle.import',
  'pii.reveal',
  'user.create',
  'user.role_change',
  'user.password_reset',
  'user.deactivate',
  'user.reactivate',
  'access.denied',
  'audit.export',
  'token.create',
  'token.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditOutcome = 'permitted' | 'denied' | 'error';
export type AuditInterface = 'web' | 'api' | 'system';

export type AuditActor =
  | { type: 'user'; id: string | null; email: string | null; role: string | null }
  | { type: 'system' };

export type RequestMeta = { requestId: string | null; ip: string | null; userAgent: string | null };

export type AuditInput = {
  action: AuditAction;
  actor: AuditActor;
  outcome: AuditOutcome;
  target?: { type: 'login' | 'request' | 'inspection' | 'user' | 'route'; id: string } | null;
  environment?: string | null;
  reason?: string | null;
  interface?: AuditInterface;
  request?: RequestMeta | null;
  /** Names, never values (e.g. the fields revealed). */
  metadata?: Record<string, unknown> | null;
};

export type AuditEvent = {
  id: string;
  at: Date;
  actorType: 'user' | 'system';
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  environment: string | null;
  reason: string | null;
  outcome: AuditOutcome;
  interface: AuditInterface;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
};
