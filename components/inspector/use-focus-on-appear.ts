'use client';

import { useEffect, useRef } from 'react';

/**
 * After the user's action changes what the flow shows, move focus to the heading of what appeared
 * and scroll it into view, so keyboard and screen-reader users land on the result instead of a
 * button that no longer exists. Not on first render: opening the page must not steal focus.
 * `key` names what is on screen; `targetId` is the heading to focus (it needs tabIndex={-1}).
 */
export function useFocusOnAppear(key: string, targetId: string | null) {
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    if (!targetId) return;
    const el = document.getElementById(targetId);
    if (!el) return;
    el.focus({ preventScroll: true });
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    el.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [key, targetId]);
}
