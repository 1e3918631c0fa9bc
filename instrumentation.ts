/**
 * Server start: validate the configuration so an invalid variable stops the server with a message
 * naming it, instead of failing on the first request. Node-only code sits behind the runtime check
 * in its own module so the Edge bundle never sees process.exit.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./instrumentation-node');
    await startServer();
  }
}
