import { describe, expect, it } from 'vitest';
import { oncePerClick } from './once-per-click';

describe('oncePerClick', () => {
  it('runs one call for two posts of the same click, and a new one for another click', async () => {
    let runs = 0;
    const call = async () => ++runs;
    const [a, b] = await Promise.all([oncePerClick('u1:p:c1', call), oncePerClick('u1:p:c1', call)]);
    expect([a, b]).toEqual([1, 1]);
    expect(await oncePerClick('u1:p:c1', call)).toBe(1);
    expect(await oncePerClick('u1:p:c2', call)).toBe(2);
  });

  it('forgets an answer that opened nothing, and a failure, so the click can be sent again', async () => {
    let runs = 0;
    expect(await oncePerClick('k-invalid', async () => ++runs, () => false)).toBe(1);
    await Promise.resolve();
    expect(await oncePerClick('k-invalid', async () => ++runs, () => false)).toBe(2);
    await expect(oncePerClick('k-throw', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(await oncePerClick('k-throw', async () => 'ok')).toBe('ok');
  });
});
