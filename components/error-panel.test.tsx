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

  it('shows our own message as it is', () => {
    render(<ErrorPanel error={{ kind: 'app', message: 'Reopening failed. Try again.' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Reopening failed. Try again.');
  });
});
