import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where `fsi login` keeps the dashboard's URL and the API token: $XDG_CONFIG_HOME/fsi/config.json
 * (default ~/.config/fsi), folder 0700 and file 0600, since the token stands for its owner.
 * FSI_URL and FSI_TOKEN override it (CI). The CLI's one reader of process.env.
 */

const configSchema = z.object({ url: z.url(), token: z.string().regex(/^fsi_[A-Za-z0-9_-]{32}$/) });
export type FsiConfig = z.infer<typeof configSchema>;

export const configDir = () => path.join(process.env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'fsi');
export const configPath = () => path.join(configDir(), 'config.json');

export const isTokenLike = (t: string) => configSchema.shape.token.safeParse(t).success;

export function saveConfig(config: FsiConfig): string {
  const dir = configDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = configPath();
  writeFileSync(file, `${JSON.stringify(configSchema.parse(config), null, 2)}\n`, { mode: 0o600 });
  // An existing file keeps its mode on write: make sure.
  chmodSync(file, 0o600);
  return file;
}

export type ConfigResult = { ok: true; config: FsiConfig } | { ok: false; message: string };

export function loadConfig(): ConfigResult {
  const envUrl = process.env.FSI_URL;
  const envToken = process.env.FSI_TOKEN;
  let stored: Partial<FsiConfig> = {};
  try {
    stored = JSON.parse(readFileSync(configPath(), 'utf8')) as Partial<FsiConfig>;
  } catch {
    // No file yet: the environment may still have both.
  }
  const parsed = configSchema.safeParse({ url: envUrl || stored.url, token: envToken || stored.token });
  if (!parsed.success) return { ok: false, message: `Not logged in: run \`fsi login\` (or set FSI_URL and FSI_TOKEN).` };
  return { ok: true, config: { ...parsed.data, url: parsed.data.url.replace(/\/+$/, '') } };
}

/** What may be shown of a token: its prefix, as on the /account page. */
export const tokenPrefix = (token: string) => `${token.slice(0, 12)}…`;

/** Scenario files read ${env.X}; only the variables named there are looked up. */
export const envValue = (name: string): string | undefined => process.env[name];

/** Colours and live progress only for a person at a terminal (NO_COLOR respected). */
export const colourWanted = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !process.env.NO_COLOR;
