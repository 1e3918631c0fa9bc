import { describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { MemoryStore } from '@/lib/store/memory-store';
import { step } from '@/lib/store/store-contract';
import { revealHolderData } from './reveal-holder-data';
import { sealLegacySteps } from './seal-legacy-steps';

describe('sealLegacySteps', () => {
  it('masks and seals steps recorded in clear, once, and the reveal still works', async () => {
    const deps = { store: new MemoryStore(), keyring: testKeyring() };
    const i = await deps.store.createInspection({ mode: 'cached', environment: 'x' });
    const body = { HttpStatusCode: 200, Accounts: [{ Id: 'a1', Title: 'Chequing', AccountNumber: '••••4567', Holder: { Name: 'John Doe', Email: 'johndoe@flinks.io' } }] };
    for (let n = 0; n < 5; n++) await deps.store.appendStep(i.id, step({ endpoint: 'GetAccountsDetail', response: body }));
    // A key that looks personal but whose value is not: listed, left as it is.
    await deps.store.appendStep(i.id, step({ response: { Description: null } }));

    expect(await sealLegacySteps(deps, 2)).toBe(5);
    const steps = await deps.store.listSteps(i.id);
    expect(JSON.stringify(steps.map((s) => s.response))).not.toMatch(/John|johndoe/);
    expect(steps.filter((s) => s.sealedResponse).length).toBe(5);
    expect(await sealLegacySteps(deps, 2)).toBe(0);

    const revealed = await revealHolderData(deps, i.id);
    expect(revealed).toMatchObject({ kind: 'revealed', accounts: [{ accountId: 'a1', holder: { name: 'John Doe', email: 'johndoe@flinks.io' } }] });
  });
});
