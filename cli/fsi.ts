import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Command, Option } from '@commander-js/extra-typings';
import { askAtTerminal, parseAnswerFlags } from './answers';
import { apiClient, settle, type Answer, type Outcome } from './client';
import { configPath, isTokenLike, loadConfig, saveConfig, tokenPrefix, type FsiConfig } from './config';
import { completeMfa, followLink, openInspection, type FollowOptions, type LinkName, type OpenBody } from './operations';
import { bold, describeProblem, dim, green, print, printJson, red, warn, yellow } from './output';
import { junitXml, loadScenario, runScenario } from './scenario';

/**
 * fsi — the Session Inspector from a terminal or a CI job, through /api/v1 with a personal API token.
 * Exit codes: 0 done, 1 the API refused or an expectation was not met, 2 usage or configuration.
 * The token is never printed (only its prefix).
 */

const program = new Command().name('fsi').description('Flinks Session Inspector from the command line (API /api/v1).').version('1.0.0');

function fail(message: string, code = 1): never {
  warn(red(message));
  process.exit(code);
}

function configOrExit(): FsiConfig {
  const c = loadConfig();
  if (!c.ok) fail(c.message, 2);
  return c.config;
}

function orProblem<T>(r: Answer<T>, json: boolean): T {
  if (r.ok) return r.data;
  if (json) printJson(r.problem);
  else warn(red(describeProblem(r.problem)));
  process.exit(1);
}

const interactive = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

async function readLine(prompt: string, hidden = false): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped: the first line of stdin (e.g. `echo "$TOKEN" | fsi login --url …`).
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    // Echo nothing while the secret is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(prompt)) process.stderr.write(prompt);
    };
  }
  const answer = await rl.question(prompt);
  if (hidden) process.stderr.write('\n');
  rl.close();
  return answer.trim();
}

function printOutcome(o: Outcome) {
  const colour = o.status === 'authorized' ? green : o.status === 'failed' ? red : yellow;
  print(`${bold('Inspection')} ${o.id}: ${colour(o.status)}`);
  if (o.requestId) print(`  RequestId  ${o.requestId}`);
  if (o.loginId) print(`  LoginId    ${o.loginId}`);
  if (o.session?.institutionName) print(`  Institution ${o.session.institutionName}`);
  if (o.error) print(describeProblem(o.error).split('\n').map((l) => `  ${l}`).join('\n'));
  for (const c of o.challenges) print(`  MFA: ${c.prompt}${c.iterables.length ? dim(` (${c.iterables.length} choices)`) : ''}`);
}

program
  .command('login')
  .description(`Save the dashboard URL and your API token (create one on /account) in ${configPath()}`)
  .option('--url <url>', 'the dashboard, e.g. http://127.0.0.1:3000')
  .option('--token-stdin', 'read the token from standard input (keeps it out of the shell history)')
  .action(async (opts) => {
    const url = (opts.url ?? (await readLine('Dashboard URL: '))).replace(/\/+$/, '');
    const token = await readLine('API token (fsi_…): ', true);
    if (!/^https?:\/\//.test(url)) fail('The URL must start with http:// or https://.', 2);
    if (!isTokenLike(token)) fail('That is not an API token (fsi_ followed by 32 characters).', 2);
    const probe = await settle(apiClient({ url, token }).GET('/openapi.json'));
    if (!probe.ok) fail(`The dashboard refused the token: ${describeProblem(probe.problem)}`);
    const file = saveConfig({ url, token });
    print(`Logged in to ${url} with token ${tokenPrefix(token)} (saved in ${file}, mode 0600).`);
  });

program
  .command('open')
  .description('Open a Flinks session: --cached LOGINID, or --live with --persona or --institution/--username/--password; MFA from --answer or asked at the terminal')
  .addOption(new Option('--cached <loginId>', 'cached mode with this LoginId').conflicts('live'))
  .option('--live', 'live mode')
  .option('--persona <name>', 'a test persona (e.g. Greatday)')
  .option('--institution <name>')
  .option('--username <name>')
  .option('--password <password>', 'prefer --persona, or the prompt, to keep passwords out of the shell history')
  .option('--login-id <loginId>', 'live refresh of a saved login')
  .option('--tag <tag>')
  .option('--reason <reason>', 'why (a ticket number); required against production')
  .option('--answer <prompt=value>', 'an MFA answer (repeat; "#2" = the second choice offered)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--no-input', 'never ask at the terminal; fail when an answer is missing')
  .option('--json', 'print the API answer as JSON')
  .action(async (opts) => {
    if (!opts.cached && !opts.live) fail('Say --cached LOGINID or --live.', 2);
    const book = parseAnswerFlags(opts.answer);
    if (!book.ok) fail(book.message, 2);
    const config = configOrExit();
    const api = apiClient(config);
    let body: OpenBody;
    if (opts.cached) body = { mode: 'cached', loginId: opts.cached, tag: opts.tag, reason: opts.reason };
    else {
      let password = opts.password;
      if (!opts.persona && opts.username && !password && !opts.loginId && interactive() && opts.input) password = await readLine('Password: ', true);
      body = { mode: 'live', persona: opts.persona as never, institution: opts.institution, username: opts.username, password, loginId: opts.loginId, tag: opts.tag, reason: opts.reason };
    }
    const opened = orProblem(await openInspection(api, body), Boolean(opts.json));
    const ask = opts.input && interactive() ? askAtTerminal : null;
    const done = opened.status === 'mfa_pending' ? await completeMfa(api, opened, book.book, ask) : ({ ok: true, status: 201, data: opened } as const);
    if ('unanswered' in done) {
      if (opts.json) printJson(done.outcome);
      else printOutcome(done.outcome);
      fail(`No answer for: ${done.unanswered.map((p) => `"${p}"`).join(', ')}. Pass --answer "prompt=value", or run at a terminal.`);
    }
    const final = orProblem(done, Boolean(opts.json));
    if (opts.json) printJson(final);
    else printOutcome(final);
    if (final.status === 'failed') process.exit(1);
  });

program
  .command('follow')
  .description('Follow a Link of an authorized session')
  .argument('<id>', 'inspection id')
  .argument('<link>', 'accounts-summary | accounts-detail | statements')
  .option('--wait', 'accounts-detail: wait while Flinks collects the data (202)')
  .option('--wait-seconds <n>', 'how long to wait at most', '300')
  .option('--days <Days90|Days365>', 'accounts-detail: DaysOfTransactions')
  .option('--account <id>', 'only this account (AccountsFilter; repeat for more)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--statements <MostRecent|Months3|Months12>', 'statements: NumberOfStatements')
  .option('--no-transactions', 'accounts-detail: WithTransactions false')
  .option('--no-balance', 'accounts-detail: WithBalance false')
  .option('--no-identity', 'accounts-detail: WithAccountIdentity false')
  .option('--no-kyc', 'accounts-detail: WithKYC false')
  .option('--json')
  .action(async (id, link, opts) => {
    if (!['accounts-summary', 'accounts-detail', 'statements'].includes(link)) fail('The link is accounts-summary, accounts-detail or statements.', 2);
    const api = apiClient(configOrExit());
    // Only what was given: the server fills in the rest (and refuses a misspelt value with 400).
    const options = {
      ...(opts.days ? { daysOfTransactions: opts.days as FollowOptions['daysOfTransactions'] } : {}),
      ...(opts.account.length > 0 ? { accountsFilter: opts.account } : {}),
      ...(opts.statements ? { numberOfStatements: opts.statements as FollowOptions['numberOfStatements'] } : {}),
      ...(opts.transactions === false ? { withTransactions: false } : {}),
      ...(opts.balance === false ? { withBalance: false } : {}),
      ...(opts.identity === false ? { withAccountIdentity: false } : {}),
      ...(opts.kyc === false ? { withKYC: false } : {}),
    };
    const r = orProblem(
      await followLink(api, id, link as LinkName, { wait: Boolean(opts.wait), waitSeconds: Number(opts.waitSeconds), quiet: Boolean(opts.json), ...(Object.keys(options).length > 0 ? { options } : {}) }),
      Boolean(opts.json),
    );
    if (opts.json) return printJson(r);
    if (r.status === 'pending') {
      print(`${yellow('pending')} ${r.flinksCode ?? ''}: ${r.message ?? 'Flinks is still collecting the data.'} Run again, or add --wait.`);
      return;
    }
    for (const a of r.accounts ?? []) print(`${a.title ?? a.type ?? 'Account'} ${a.lastFour ? `••••${a.lastFour}` : ''}  ${a.currency ?? ''} ${a.current ?? ''}  ${dim(`${a.transactions.length} transactions`)}`);
    for (const s of r.statements ?? []) print(`Statement ••••${s.accountLastFour ?? '?'} ${s.periodStart && s.periodEnd ? `${s.periodStart} to ${s.periodEnd}` : s.uniqueId} ${s.fileType} ${s.bytes} bytes`);
    print(green(`${r.accounts?.length ?? r.statements?.length ?? 0} ${r.accounts ? 'accounts' : 'statements'}`) + dim(r.polls ? ` after ${r.polls} polls` : ''));
  });

program
  .command('sessions')
  .description('The history, newest first, with the filters of /sessions')
  .option('--tag <tag>')
  .option('--login-id <loginId>')
  .option('--request-id <requestId>')
  .option('--institution <institution>')
  .addOption(new Option('--mode <mode>').choices(['cached', 'live'] as const))
  .addOption(new Option('--status <status>').choices(['in_progress', 'mfa_pending', 'authorized', 'failed'] as const))
  .option('--from <day>', 'YYYY-MM-DD')
  .option('--to <day>', 'YYYY-MM-DD')
  .option('--limit <n>', 'page size', '20')
  .option('--cursor <cursor>', 'the next page (printed after a full page)')
  .option('--json')
  .action(async (opts) => {
    const api = apiClient(configOrExit());
    const query = { tag: opts.tag, loginId: opts.loginId, requestId: opts.requestId, institution: opts.institution, mode: opts.mode, status: opts.status, from: opts.from, to: opts.to, cursor: opts.cursor, limit: Number(opts.limit) };
    const page = orProblem(await settle(api.GET('/inspections', { params: { query } })), Boolean(opts.json));
    if (opts.json) return printJson(page);
    if (page.items.length === 0) return print('No sessions.');
    for (const i of page.items) {
      const colour = i.status === 'authorized' ? green : i.status === 'failed' ? red : yellow;
      print(`${i.createdAt.slice(0, 19).replace('T', ' ')}  ${i.id}  ${i.mode.padEnd(6)} ${colour(i.status.padEnd(11))} ${i.institution ?? ''} ${i.username ?? ''} ${i.flinksCode ?? ''} ${i.tag ? dim(`#${i.tag}`) : ''}`.trimEnd());
    }
    if (page.nextCursor) print(dim(`More: --cursor ${page.nextCursor}`));
  });

program
  .command('show')
  .description('One inspection with its timeline')
  .argument('<id>')
  .option('--json')
  .action(async (id, opts) => {
    const api = apiClient(configOrExit());
    const d = orProblem(await settle(api.GET('/inspections/{id}', { params: { path: { id } } })), Boolean(opts.json));
    if (opts.json) return printJson(d);
    print(`${bold('Inspection')} ${d.inspection.id}: ${d.inspection.status} ${d.inspection.flinksCode ?? ''}`);
    for (const s of d.timeline) print(`  ${String(s.seq).padStart(2)} ${s.method} ${s.endpoint} → ${s.httpStatus ?? '—'} ${s.flinksCode ?? ''} ${dim(`${s.durationMs} ms`)}`);
  });

program
  .command('bundle')
  .description('Download the support bundle')
  .argument('<id>')
  .option('-o, --output <file>', 'where to write it ("-" for standard output)')
  .action(async (id, opts) => {
    const api = apiClient(configOrExit());
    const bundle = orProblem(await settle(api.GET('/inspections/{id}/bundle', { params: { path: { id } } })), opts.output === '-');
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (opts.output === '-') return void process.stdout.write(text);
    const file = opts.output ?? `flinks-session-${bundle.generatedAt.slice(0, 10)}-${id.slice(0, 8)}.json`;
    writeFileSync(file, text);
    print(`Support bundle written to ${file}.`);
  });

program
  .command('compare')
  .description('Compare two sessions (inspection ids or Request IDs): what differs, as /compare shows it')
  .argument('<a>')
  .argument('<b>')
  .option('--json')
  .action(async (a, b, opts) => {
    const api = apiClient(configOrExit());
    const c = orProblem(await settle(api.GET('/compare', { params: { query: { a, b } } })), Boolean(opts.json));
    if (opts.json) return printJson(c);
    print(`${bold('Compare')} ${c.a.id} ↔ ${c.b.id}: ${c.differences === 0 ? green('no differences') : yellow(`${c.differences} difference(s)`)}`);
    for (const f of c.fields.filter((x) => x.differs)) print(`  ${f.label}: ${f.a ?? '—'} → ${f.b ?? '—'}`);
    for (const r of c.accounts.filter((x) => x.differs)) {
      const change = r.currentDiff ? ` current ${r.currentDiff > 0 ? '+' : ''}${r.currentDiff}` : '';
      print(`  Account ${r.title ?? r.id}:${!r.a ? ' only in B' : !r.b ? ' only in A' : change} ${dim(`${r.onlyInA.length} transaction(s) only in A, ${r.onlyInB.length} only in B`)}`);
    }
    for (const s of c.steps.filter((x) => x.differs)) print(`  Step ${s.index + 1}: ${s.a ? `${s.a.endpoint} ${s.a.httpStatus ?? '—'} ${s.a.flinksCode ?? ''}` : '—'} → ${s.b ? `${s.b.endpoint} ${s.b.httpStatus ?? '—'} ${s.b.flinksCode ?? ''}` : '—'}`);
  });

program
  .command('run')
  .description('Run a scenario file (steps open, answer, follow, get, expect); exits 1 at the first unmet expectation')
  .argument('<scenario>', 'a scenario JSON file (see scenarios/)')
  .option('--junit <file>', 'also write a JUnit XML report')
  .option('--json', 'print the report as JSON')
  .action(async (file, opts) => {
    const loaded = loadScenario(file);
    if (!loaded.ok) fail(loaded.message, 2);
    const api = apiClient(configOrExit());
    if (!opts.json) print(bold(`Scenario: ${loaded.scenario.name}`));
    const report = await runScenario(api, loaded.scenario, {
      quiet: Boolean(opts.json),
      onStep: (s) => {
        if (!opts.json) print(`  ${s.ok ? green('✓') : red('✗')} ${s.name} ${dim(`${s.ms} ms`)}${s.message ? `\n    ${red(s.message)}` : ''}`);
      },
    });
    if (opts.junit) writeFileSync(opts.junit, junitXml(report));
    if (opts.json) printJson(report);
    if (!report.ok) {
      const failed = report.steps.at(-1)!;
      fail(`Scenario "${report.scenario}" failed at step ${failed.name}: ${failed.message}`);
    }
    if (!opts.json) print(green(`Passed: ${report.steps.length} steps.`));
  });

// Unknown flags and missing arguments are usage errors (exit 2), as the header says.
program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
await program.parseAsync(process.argv).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
