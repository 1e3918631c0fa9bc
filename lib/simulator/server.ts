/**
 * `npm run simulator`: the simulator alone on http://127.0.0.1:$PORT (default 4010), API at the root
 * (/v3/{customerId}/BankingServices/...). Settings come from lib/env.ts (SIMULATOR_* variables); run
 * with the react-server condition because env.ts imports 'server-only'. Logs one line (and one per replayed
 * support bundle: `-- --replay bundle.json`, repeatable), nothing per request.
 */
import { createServer } from 'node:http';
import { parseEnv } from '../env';
import { createSimulator } from './handler';
import { nodeListener } from './node-adapter';
import { TOOLBOX } from '../flinks/toolbox';
import { describeReplay, loadReplayArgs } from './replay/cli';

// An entry point, so it hands process.env to env.ts's parser itself: PORT defaults to 4010 here,
// not the app's 3000, so both can run side by side.
const parsed = parseEnv({ ...process.env, PORT: process.env.PORT?.trim() || '4010' });
if (!parsed.ok) {
  console.error(`Invalid configuration:\n  ${parsed.problems.join('\n  ')}`);
  process.exit(1);
}
const { env } = parsed;
// `npm run simulator -- --replay bundle.json`: support bundles answered from their recording (replay/replays.ts).
const replays = loadReplayArgs(process.argv.slice(2));
if (!replays.ok) {
  console.error(`Cannot start the simulator:\n  ${replays.problems.join('\n  ')}`);
  process.exit(1);
}
const sim = createSimulator({
  ...env.simulator,
  customerId: env.flinks.customerId,
  secretKey: env.flinks.secretKey,
  apiKeys: [env.flinks.apiKey, TOOLBOX.legacyApiKey],
  replays: replays.bundles.map((r) => r.bundle),
});
const server = createServer(nodeListener(sim.handle, sim.options.maxBodyBytes));
server.listen(env.port, '127.0.0.1', () => {
  console.log(`Flinks toolbox simulator: http://127.0.0.1:${env.port}/v3/${sim.options.customerId}/BankingServices`);
  for (const r of replays.bundles) console.log(describeReplay(r.file, r.bundle));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
