/**
 * `npm run simulator`: the simulator alone on http://127.0.0.1:$PORT (default 4010), API at the root
 * (/v3/{customerId}/BankingServices/...). Settings come from lib/env.ts (SIMULATOR_* variables); run
 * with the react-server condition because env.ts imports 'server-only'. Logs one line, nothing per request.
 */
import { createServer } from 'node:http';
import { parseEnv } from '../env';
import { createSimulator } from './handler';
import { nodeListener } from './node-adapter';
import { TOOLBOX } from '../flinks/toolbox';

// An entry point, so it hands process.env to env.ts's parser itself: PORT defaults to 4010 here,
// not the app's 3000, so both can run side by side.
const parsed = parseEnv({ ...process.env, PORT: process.env.PORT?.trim() || '4010' });
if (!parsed.ok) {
  console.error(`Invalid configuration:\n  ${parsed.problems.join('\n  ')}`);
  process.exit(1);
}
const { env } = parsed;
const sim = createSimulator({
  ...env.simulator,
  customerId: env.flinks.customerId,
  secretKey: env.flinks.secretKey,
  apiKeys: [env.flinks.apiKey, TOOLBOX.legacyApiKey],
});
const server = createServer(nodeListener(sim.handle, sim.options.maxBodyBytes));
server.listen(env.port, '127.0.0.1', () => {
  console.log(`Flinks toolbox simulator: http://127.0.0.1:${env.port}/v3/${sim.options.customerId}/BankingServices`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
