// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { WorkingIndicator } from './working-indicator';

const ID = '0b6f4b8e-6d1c-4d57-9c4e-2f1b7f3c9a10';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('WorkingIndicator', () => {
  it('offers Cancel at once, and the elapsed time and "Open the inspection" once a second has passed', () => {
    render(<WorkingIndicator active label="Talking to Flinks" limitMs={60_000} onCancel={() => {}} inspectionId={ID} />);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    // The action that writes the session's row has only just been sent: no link to it yet.
    expect(screen.queryByRole('link', { name: 'Open the inspection' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    act(() => vi.advanceTimersByTime(1_250));
    expect(screen.getByRole('status')).toHaveTextContent('Talking to Flinks… 1 s of 60 s elapsed');
    expect(screen.getByRole('link', { name: 'Open the inspection' })).toHaveAttribute('href', `/sessions/${ID}`);
  });

  it('shows nothing once the call has ended', () => {
    render(<WorkingIndicator active={false} label="Talking to Flinks" onCancel={() => {}} inspectionId={ID} />);
    act(() => vi.advanceTimersByTime(2_000));
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
