/**
 * FlinksCode → plain explanation, who must act, and whether retrying helps.
 * Every code of docs/flinks-api.md §6. HTTP statuses disagree between Flinks' tables (§6, §10.12),
 * so the UI keys off the code, never the status.
 */

export type WhoActs = 'customer' | 'our_team' | 'flinks' | 'nobody';
export type Retry = 'yes' | 'no' | 'later';

export type CodeInfo = {
  code: string;
  explanation: string;
  whoActs: WhoActs;
  retry: Retry;
  /** What to do next, in one sentence. */
  action: string;
};

type Entry = Omit<CodeInfo, 'code'>;

/** A Map, not an object: codes come from Flinks, and `constructor` must not find Object's own. */
const CATALOGUE: ReadonlyMap<string, Entry> = new Map(Object.entries({
  OPERATION_PENDING: { explanation: 'Flinks is still collecting the data for this request.', whoActs: 'nobody', retry: 'yes', action: 'Poll the matching …Async endpoint until it answers 200.' },
  OPERATION_DISPATCHED: { explanation: 'The request ran past 210 seconds and was moved to a background job; a partial result may be available.', whoActs: 'nobody', retry: 'yes', action: 'Keep polling the …Async endpoint; it completes later.' },
  SESSION_NONEXISTENT: { explanation: 'The RequestId is unknown or its session has ended (8 minutes without activity).', whoActs: 'our_team', retry: 'no', action: 'Open a new session (cached mode with the same LoginId) and use its RequestId.' },
  SESSION_EXPIRED: { explanation: 'The RequestId expired: 8 minutes idle during authorization or 30 minutes of data processing.', whoActs: 'our_team', retry: 'no', action: 'Open a new session and call the data endpoint sooner.' },
  CARD_IN_USE: { explanation: 'The login is still being processed by another operation.', whoActs: 'our_team', retry: 'later', action: 'Wait for the running operation to finish, then try again.' },
  ACCESS_DENIED: { explanation: 'Flinks did not accept the credentials of this call (authorize token or keys).', whoActs: 'our_team', retry: 'no', action: 'Check the customer id and keys in the configuration; generate a fresh authorize token.' },
  UNAUTHORIZED: { explanation: 'The call was not authorized: a missing, wrong, expired or already-used authorize token or API key, or a data call made before the session finished MFA.', whoActs: 'our_team', retry: 'no', action: 'Check the keys, use a fresh authorize token per session, and finish MFA before calling data endpoints.' },
  INVALID_LOGIN: { explanation: 'The LoginId does not exist on this instance, or the username or password is wrong.', whoActs: 'customer', retry: 'no', action: 'Check the LoginId belongs to this instance, or ask the customer to reconnect with the right credentials.' },
  INVALID_REQUEST: { explanation: 'The request was malformed or missing required fields.', whoActs: 'our_team', retry: 'no', action: 'Fix the request body (see ValidationDetails) before sending it again.' },
  INVALID_USERNAME: { explanation: 'The bank did not recognise the username.', whoActs: 'customer', retry: 'yes', action: 'Ask the customer to check the username and try again.' },
  INVALID_PASSWORD: { explanation: 'The bank rejected the password.', whoActs: 'customer', retry: 'yes', action: 'Ask the customer to check the password and try again.' },
  INVALID_SECURITY_RESPONSE: { explanation: 'The answer to the security question was wrong or incomplete.', whoActs: 'customer', retry: 'yes', action: 'Answer the new security question shown.' },
  INVALID_SECURITY_RESPONSE_NO_RETRY: { explanation: 'Too many wrong security answers: the bank ended the session.', whoActs: 'customer', retry: 'no', action: 'Start a new session; the customer may need to check their answers with the bank.' },
  QUESTION_NOT_FOUND: { explanation: 'The bank asked a security question that has no stored answer (background or cached refresh).', whoActs: 'customer', retry: 'no', action: 'Run a live session so the customer can answer the new question.' },
  UNKNOWN_CHALLENGE_KEY: { explanation: 'The answer was keyed to a question that was not asked.', whoActs: 'our_team', retry: 'yes', action: 'Send the answers keyed by the exact prompt text of the pending questions.' },
  SECURITYRESPONSES_INCOMPLETE: { explanation: 'Not every security question was answered.', whoActs: 'customer', retry: 'yes', action: 'Answer every question of the round in one call.' },
  RETRY_LATER: { explanation: 'Flinks could not reach the bank (maintenance or outage).', whoActs: 'flinks', retry: 'later', action: 'Try again later; if it persists, contact Flinks support.' },
  'BANK MAINTENANCE_RETRY_LATER': { explanation: 'The bank is in maintenance.', whoActs: 'flinks', retry: 'later', action: 'Try again later.' },
  TOO_MANY_REQUESTS: { explanation: 'Too many requests in a short time window.', whoActs: 'our_team', retry: 'later', action: 'Slow down and retry after a pause.' },
  DISABLED_LOGIN: { explanation: 'The bank has deactivated this account.', whoActs: 'customer', retry: 'no', action: 'The customer must contact their bank.' },
  NEW_ACCOUNT: { explanation: 'The customer must act in online banking first (accept terms, set up the account).', whoActs: 'customer', retry: 'no', action: 'Ask the customer to log in to online banking, complete the step, then reconnect.' },
  DISABLED_INSTITUTION: { explanation: 'The institution is currently unavailable through Flinks.', whoActs: 'flinks', retry: 'later', action: 'Try again later or contact Flinks support.' },
  AGGREGATION_ERROR: { explanation: 'An unexpected error inside Flinks.', whoActs: 'flinks', retry: 'later', action: 'Retry once; if it persists, send the support bundle to Flinks support.' },
  CONCURRENT_SESSION: { explanation: 'Another session is already open for this login.', whoActs: 'our_team', retry: 'later', action: 'Wait for the other session to finish, then retry.' },
  ALREADY_AUTHORIZED: { explanation: 'Authorize was called again on a session that is already authorized.', whoActs: 'our_team', retry: 'no', action: 'Use the existing RequestId for data calls.' },
  NO_TRANSACTION: { explanation: 'The account has no (or too few) transactions.', whoActs: 'nobody', retry: 'no', action: 'Nothing to fix: there is no transaction data.' },
  METHOD_NOT_AVAILABLE: { explanation: 'This API is not enabled on the instance.', whoActs: 'flinks', retry: 'no', action: 'Ask Flinks to enable the feature for this instance.' },
  OK: { explanation: 'Success.', whoActs: 'nobody', retry: 'no', action: 'Nothing to do.' },
  CREATED: { explanation: 'Created.', whoActs: 'nobody', retry: 'no', action: 'Nothing to do.' },
} satisfies Record<string, Entry>));

export const KNOWN_FLINKS_CODES = [...CATALOGUE.keys()];

export const WHO_ACTS_LABEL: Record<WhoActs, string> = {
  customer: 'The customer',
  our_team: 'Our team (integration or configuration)',
  flinks: 'Flinks',
  nobody: 'Nobody: wait',
};

export const RETRY_LABEL: Record<Retry, string> = {
  yes: 'Retrying helps',
  no: 'Retrying the same call will not help',
  later: 'Retry later',
};

/** Unknown codes still get an honest entry rather than a crash: Flinks adds codes over time. */
export function describeFlinksCode(code: string): CodeInfo {
  const entry = CATALOGUE.get(code);
  if (entry) return { code, ...entry };
  return {
    code,
    explanation: 'A code this dashboard does not know yet.',
    whoActs: 'flinks',
    retry: 'no',
    action: 'Check the Message from Flinks and the Flinks error-code reference.',
  };
}
