// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { toFlinksErrorView, toTransportErrorView } from '@/lib/inspector/views';
import { ErrorPanel } from './error-panel';

afterEach(cleanup);

describe('ErrorPanel', () => {
  it('explains a Flinks error: code, meaning, who acts, retry and next step', () => {
    render(<ErrorPanel error={toFlinksErrorView(400, { HttpStatusCode: 400, FlinksCode: 'SESSION_NONEXISTENT', Message: 'RequestId r is invalid or session has ended', RequestId: 'r' })} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('SESSION_NONEXISTENT');
    expect(alert).toHaveTextContent('HTTP 400');
    expect(alert).toHaveTextContent('8 minutes without activity');
    expect(alert).toHaveTextContent('Who must act');
    expect(alert).toHaveTextContent('Retrying the same call will not help');
    expect(alert).toHaveTextContent('Next step');
  });

  it('shows a transport failure with its raw response', () => {
    render(<ErrorPanel error={toTransportErrorView({ reason: 'non_json', message: 'not JSON', status: 200, bodySnippet: '<html>' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Flinks sent a response that is not JSON');
    expect(screen.getByText('<html>')).toBeInTheDocument();
  });

  it('gives a transport failure who acts and the next step', () => {
    render(<ErrorPanel error={toTransportErrorView({ reason: 'timeout', message: 'Flinks did not answer within 2 s.', status: null, bodySnippet: null })} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Who must actFlinks');
    expect(alert).toHaveTextContent('Next step');
    expect(screen.queryByRole('button', { name: 'Copy reply for the customer' })).toBeNull();
  });

  it('shows Retry-After and, where the customer acts, a reply to copy', () => {
    render(<ErrorPanel error={toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'TOO_MANY_REQUESTS' }, { 'retry-after': '30' })} />);
    expect(screen.getByTestId('retry-after')).toHaveTextContent('Retry after 30 s');
    cleanup();
    render(<ErrorPanel error={toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'INVALID_PASSWORD' })} />);
    expect(screen.getByRole('button', { name: 'Copy reply for the customer' })).toBeInTheDocument();
    expect(screen.getByTestId('customer-reply')).toHaveTextContent('password');
  });

  it('shows our own message as it is', () => {
    render(<ErrorPanel error={{ kind: 'app', message: 'Reopening failed. Try again.' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Reopening failed. Try again.');
  });
});
