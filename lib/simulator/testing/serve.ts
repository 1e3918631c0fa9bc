/**
 * startSimulatorServer — the simulator on a real HTTP port, for tests (this folder's and the Flinks
 * client's). Binds 127.0.0.1 on a free port; `close()` aborts hanging requests (sim_hang) and stops it.
 *
 *   const srv = await startSimulatorServer({ seed: 'test', slowMs: 50 });
 *   srv.baseUrl   // 'http://127.0.0.1:54321'            (use as FLINKS base URL)
 *   srv.apiBase   // `${baseUrl}/v3/${customerId}/BankingServices`
 *   srv.sim       // the Simulator: reset(), advanceClock(ms), now(), summary()
 *   srv.credentials // customerId, secretKey, apiKey the simulator accepts
 *   await srv.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator } from '../handler';
import { nodeListener } from '../node-adapter';
import type { SimulatorOptions } from '../options';

export interface SimulatorServer {
  baseUrl: string;
  apiBase: string;
  sim: Simulator;
  credentials: { customerId: string; secretKey: string; apiKey: string };
  close(): Promise<void>;
}

export async function startSimulatorServer(options: SimulatorOptions = {}): Promise<SimulatorServer> {
  const sim = createSimulator(options);
  const inFlight = new Set<AbortController>();
  const server = createServer(nodeListener(sim.handle, sim.options.maxBodyBytes, inFlight));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}${sim.options.basePath}`;
  return {
    baseUrl,
    apiBase: `${baseUrl}/v3/${sim.options.customerId}/BankingServices`,
    sim,
    credentials: {
      customerId: sim.options.customerId,
      secretKey: sim.options.secretKey,
      apiKey: sim.options.apiKeys[0] ?? '',
    },
    close: () =>
      new Promise<void>((resolve) => {
        inFlight.forEach((c) => c.abort());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
