import { describe, expect, it } from 'vitest';
import { HOLDERS } from '@/lib/simulator/fixtures/holders';
import { maskEmail, maskPersonalData, maskPhone, maskWords } from './mask-personal-data';

describe('maskPersonalData', () => {
  const body = {
    HttpStatusCode: 200,
    InstitutionName: 'Flinks Capital',
    Accounts: [
      {
        Id: 'a1',
        Title: 'Chequing CAD',
        AccountNumber: '1234567',
        LastFourDigits: '4567',
        TransitNumber: '77777',
        Balance: { Current: 1234.56, Available: 2000, Limit: null },
        Holder: { ...HOLDERS[0], DateOfBirth: '1980-01-02' },
        Transactions: [{ Id: 't1', Date: '2026-01-02', Description: 'Interac e-Transfer from Jane Flinkyfoot', Debit: 12.5, Credit: null, Balance: 99 }],
      },
    ],
    StatementsByAccount: [{ AccountNumber: '1234567', Statements: [] }],
  };
  const masked = maskPersonalData(body) as typeof body;
  const text = JSON.stringify(masked);

  it('masks the holder, account and transit numbers, and descriptions', () => {
    const a = masked.Accounts[0]!;
    expect(a.Holder).toEqual({
      Name: 'J••• D•••',
      Address: { CivicAddress: '1••• a••• d••• C•••-d•••-M•••', City: 'Montréal', Province: 'QC', PostalCode: 'H3B •••', POBox: null, Country: 'CA' },
      Email: 'j•••@•••.io',
      PhoneNumber: '••••••77',
      DateOfBirth: '1•••-0•••-0•••',
    });
    expect([a.AccountNumber, a.TransitNumber, masked.StatementsByAccount[0]!.AccountNumber]).toEqual(['••••4567', '••••7777', '••••4567']);
    expect(a.Transactions[0]!.Description).toBe('I••• e•••-T••• f••• J••• F•••');
    for (const clear of ['John', 'Doe', 'johndoe', '333-7777', '1234567', '77777', 'H3B 5E8', 'Flinkyfoot', '1275']) expect(text).not.toContain(clear);
  });

  it('keeps what is not personal: balances, amounts, dates, titles, ids', () => {
    const a = masked.Accounts[0]!;
    expect([a.Id, a.Title, a.LastFourDigits, a.Balance, masked.InstitutionName]).toEqual(['a1', 'Chequing CAD', '4567', body.Accounts[0]!.Balance, 'Flinks Capital']);
    expect(a.Transactions[0]).toMatchObject({ Id: 't1', Date: '2026-01-02', Debit: 12.5, Balance: 99 });
  });

  it('gives a masked body back unchanged', () => {
    expect(maskPersonalData(masked)).toEqual(masked);
  });

  it('leaves bodies without personal data equal, and the input untouched', () => {
    const plain = { HttpStatusCode: 200, Login: { Id: 'x', Username: 'Greatday' }, Links: [{ rel: 'a', href: 'b' }] };
    expect(maskPersonalData(plain)).toEqual(plain);
    expect(body.Accounts[0]!.Holder.Name).toBe('John Doe');
  });
});

describe('field masks', () => {
  it('do not keep lengths or domains', () => {
    expect(maskWords('Jo Flinkyfoot')).toBe('J••• F•••');
    expect(maskEmail('marie.tremblay@example.com')).toBe('m•••@•••.com');
    expect(maskEmail('nodomain')).toBe('n•••');
    expect(maskPhone('+1 (418) 555-0199')).toBe('••••••99');
    expect(maskPhone('7')).toBe('••••••');
    expect(maskPhone('••••••77')).toBe('••••••77');
  });
});
