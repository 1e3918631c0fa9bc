/**
 * The Flinks toolbox's public credentials (docs/flinks-api.md §2.1). One definition for the
 * dashboard's defaults (lib/env.ts) and the simulator's accepted values, so a client configured for
 * the real toolbox works against the simulator unchanged. Public values: not secrets.
 */
export const TOOLBOX = {
  baseUrl: 'https://toolbox-api.private.fin.ag',
  customerId: '43387ca6-0391-4c82-857d-70d95f087ecb',
  secretKey: 'c4569c54-e167-4d34-8de6-f4113bc82414',
  apiKey: '3d5266a8-b697-48d4-8de6-52e2e2662acc',
  /** An older toolbox x-api-key seen in client fixtures (§2.1); the simulator accepts it too. */
  legacyApiKey: '3980e499d84f4e04aea9a0b350be7a64',
  /** The documented sample LoginId (Greatday, en; D10): cached mode's "Use sample" fills it in. */
  sampleLoginId: '5e115eac-1209-4f19-641c-08d6d484e2fe',
} as const;
