import type { CodeInfo } from './codes';

/**
 * What support can paste to the customer when the customer must act (codes.ts says who acts): plain
 * words, no code, no internal detail. Only codes whose who-acts is `customer` get one; a code without
 * its own text gets the generic one, so a new customer-side code is never left without a reply.
 */
const REPLIES: ReadonlyMap<string, string> = new Map([
  ['INVALID_LOGIN', 'We could not connect to your bank with the saved connection. Please reconnect your bank account, checking your username and password as you sign in.'],
  ['INVALID_USERNAME', 'Your bank did not recognise the username. Please reconnect your bank account and check the username you type (it is the one you use for online banking).'],
  ['INVALID_PASSWORD', 'Your bank did not accept the password. Please reconnect your bank account with the password you use for online banking.'],
  ['INVALID_SECURITY_RESPONSE', 'The answer to your bank\'s security question was not accepted. Please reconnect and answer the new question your bank asks.'],
  ['INVALID_SECURITY_RESPONSE_NO_RETRY', 'Your bank ended the connection after several security answers were not accepted. Please check your security answers with your bank, then reconnect.'],
  ['QUESTION_NOT_FOUND', 'Your bank asked a new security question. Please reconnect your bank account so you can answer it.'],
  ['SECURITYRESPONSES_INCOMPLETE', 'Not every security question from your bank was answered. Please reconnect and answer each question.'],
  ['DISABLED_LOGIN', 'Your bank reports that this online banking account is deactivated. Please contact your bank to reactivate it, then reconnect.'],
  ['NEW_ACCOUNT', 'Your bank needs you to complete a step in online banking first (for example accepting new terms). Please sign in to your online banking, complete it, then reconnect.'],
]);

const GENERIC = 'Your bank needs something from you before we can connect. Please sign in to your online banking to check for any message, then reconnect your bank account.';

export function customerReplyFor(info: Pick<CodeInfo, 'code' | 'whoActs'>): string | null {
  if (info.whoActs !== 'customer') return null;
  return REPLIES.get(info.code) ?? GENERIC;
}
