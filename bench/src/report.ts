/** The markdown table of bench/results/latest.md: each figure, its baseline, the ratio and the target. */
type Fig = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : '**not met**');

export function renderTable(r: { measuredAt: string; scale: number; machine: Record<string, unknown>; figures: Record<string, unknown>; failures: Record<string, string> }): string {
  const f = r.figures as Record<string, Fig | undefined>;
  const rows: string[][] = [];
  const e = f.escalation;
  if (e) rows.push(['1. Escalation latency, deadline → visible via API (n=' + e.n + ', burst)', `p50 ${e.ours.latency.p50} / p99 ${e.ours.latency.p99} ms`, `bare sleep→activity p50 ${e.bare.latency.p50} / p99 ${e.bare.latency.p99} ms`, `escalationOverheadP99Ms = ${e.escalationOverheadP99Ms}`, '≤ 250', verdict(e.escalationOverheadP99Ms <= 250)]);
  const s = f.start;
  if (s) rows.push([`2. Start a programme via API over HTTP (n=${s.n})`, `p50 ${s.api.p50} / p99 ${s.api.p99} ms`, `client.workflow.start p50 ${s.bareStart.p50} / p99 ${s.bareStart.p99} ms`, `startRatio = ${s.startRatio}`, '≤ 1.3', verdict(s.startRatio <= 1.3)]);
  const g = f.getList;
  if (g) rows.push([`3. getList ${g.actions} actions, sort dueOn + filter, ${g.concurrency} clients over HTTP (${g.calls} calls)`, `p50 ${g.api.p50} / p99 ${g.api.p99} ms`, `raw SQL via pg p50 ${g.rawSql.p50} / p99 ${g.rawSql.p99} ms`, `getListRatio = ${g.getListRatio}; p99 ${g.getListP99Ms} ms`, '≤ 1.5; < 50 ms', verdict(g.getListRatio <= 1.5 && g.getListP99Ms < 50)]);
  const a = f.asAt;
  if (a) rows.push(['4. State "as at", 5,000-event history', a.asAtP50Ms !== undefined ? `p50 ${a.asAtP50Ms} ms (${a.events} events)` : 'not run', a.replayP50Ms !== undefined ? `runReplayHistory p50 ${a.replayP50Ms} ms` : '', a.asAtRatio !== undefined ? `asAtRatio = ${a.asAtRatio}` : '', '≤ 0.05', verdict(a.asAtRatio === undefined ? undefined : a.asAtRatio <= 0.05)]);
  const m = f.rss;
  if (m) rows.push([`5. Worker RSS, ${m.workflows / 2} programmes + ${m.workflows / 2} actions open`, `${m.oursMiB.loaded} MiB (idle ${m.oursMiB.idle}; +${m.oursMiB.per100}/100)`, `${m.workflows} bare sleeping: ${m.bareMiB.loaded} MiB (idle ${m.bareMiB.idle}; +${m.bareMiB.per100}/100)`, `rssRatio = ${m.rssRatio}`, '≤ 1.2', verdict(m.rssRatio <= 1.2)]);
  const d = f.seed;
  if (d) {
    const how = d.finished ? `${d.seedSeconds} s, ${d.seedErrors} errors, ${d.retries} retried (${d.workflowsPerSecond}/s)`
      : `budget of ${d.budgetSeconds} s ran out: ${d.created} of ${d.workflows} created, ${d.seedErrors} errors, ${d.retries} retried (${d.workflowsPerSecond}/s; all would take ~${Math.round(d.workflows / d.workflowsPerSecond)} s)`;
    const met = d.workflows >= 9150 ? d.finished && d.seedSeconds < 600 && d.seedErrors === 0 : undefined;
    rows.push([`6. Seed ${d.authorities} authorities × ${d.actionsPerAuthority} actions (${d.workflows} workflows) via API, 16 clients`, how, '—', `seedSeconds = ${d.finished ? d.seedSeconds : `> ${d.budgetSeconds}`}; seedErrors = ${d.seedErrors}`, '< 600 s, 0 errors', verdict(met)]);
  }
  const b = f.bundle;
  if (b) rows.push(['7. Console JS, gzip', `${b.console.gzipKiB} KiB (${b.console.files} files)`, `minimal react-admin app ${b.minimalReactAdmin.gzipKiB} KiB`, `bundleRatio = ${b.bundleRatio}`, '≤ 1.3', verdict(b.bundleRatio <= 1.3)]);
  const so = f.scaleOutSeed;
  if (so && d) rows.push([`8a. Scale-out seed (${so.created} workflows): 2 workers + 2 APIs vs 1 + 1 (figure 6)`, `${so.workflowsPerSecond} workflows/s`, `${d.workflowsPerSecond} workflows/s`, `scaleOut = ${(so.workflowsPerSecond / d.workflowsPerSecond).toFixed(2)}`, '> 1 (spreads)', verdict(undefined)]);
  const dl = f.delivery;
  if (dl) rows.push([`9. Email deliveries, burst of ${dl.n} escalations through deliverEscalationWorkflow`, `${dl.ours.perSecond}/s (activity alone ${dl.direct.perSecond}/s)`, `raw nodemailer, same server and pool: ${dl.raw.perSecond}/s`, `deliveryRatio = ${dl.deliveryRatio}; kept ${dl.keptAtServer}, repeats ${dl.duplicatesAbsorbed}`, '— (reported)', verdict(undefined)]);
  const se = f.scaleOutEscalation;
  if (se && e) rows.push(['8b. Scale-out escalation burst: 2 workers + 2 APIs vs 1 + 1', `${se.ours.perSecond}/s (p99 ${se.ours.latency.p99} ms)`, `${e.ours.perSecond}/s (p99 ${e.ours.latency.p99} ms)`, `scaleOut = ${(se.ours.perSecond / e.ours.perSecond).toFixed(2)}`, '> 1 (spreads)', verdict(undefined)]);
  const hb = f.historyBytes;
  if (hb) {
    const at300 = (hb.checkpoints as Fig[]).find((c) => c.updates === 300) ?? hb.checkpoints.at(-1);
    rows.push([`10a. History bytes of one action after ${at300.updates} progress updates`, `${Math.round(at300.ours.bytes / 1024)} KiB, ${at300.ours.events} events`, `bare workflow, same Updates: ${Math.round(at300.bare.bytes / 1024)} KiB, ${at300.bare.events} events`, `historyBytesRatio = ${Math.round((at300.ours.bytes / at300.bare.bytes) * 100) / 100}`, '≤ 2', verdict(at300.ours.bytes / at300.bare.bytes <= 2)]);
    rows.push([`10b. History bytes per update (updates ${hb.checkpoints.at(-2).updates}→${hb.updates})`, `${hb.historyBytesPerUpdate} B`, `bare ${hb.bareBytesPerUpdate} B`, `perUpdateGrowth = ${hb.perUpdateGrowth} (late slope / early slope)`, 'flat (≈ 1)', verdict(hb.perUpdateGrowth <= 1.2)]);
  }
  const cw = f.clusterWorkerStart;
  if (cw) rows.push([`11. Worker start to polling (n=${cw.n}), split Temporal cluster`, `built dist/main.js + prebuilt bundle: p50 ${cw.builtMs.p50} ms`, `from source (tsx, bundling at start): p50 ${cw.sourceMs.p50} ms`, `startSpeedup = ${cw.startSpeedup}`, '> 1', verdict(cw.startSpeedup > 1)]);
  const cst = f.clusterStart;
  if (cst) rows.push([`12a. Start a programme via API, split Temporal cluster (n=${cst.n})`, `p50 ${cst.api.p50} / p99 ${cst.api.p99} ms`, `client.workflow.start p50 ${cst.bareStart.p50} / p99 ${cst.bareStart.p99} ms`, `startRatio = ${cst.startRatio}`, '≤ 1.3', verdict(cst.startRatio <= 1.3)]);
  const cg = f.clusterGetList;
  if (cg) rows.push([`12b. getList ${cg.actions} actions, ${cg.concurrency} clients, split Temporal cluster`, `p50 ${cg.api.p50} / p99 ${cg.api.p99} ms`, `raw SQL p50 ${cg.rawSql.p50} / p99 ${cg.rawSql.p99} ms`, `getListRatio = ${cg.getListRatio}`, '≤ 1.5; < 50 ms', verdict(cg.getListRatio <= 1.5 && cg.getListP99Ms < 50)]);
  const csd = f.clusterSeed;
  const csd2 = f.clusterScaleOutSeed;
  if (csd && csd2) rows.push([`13a. Seed ${csd.workflows} workflows via API, split cluster: 2 workers + 2 APIs vs 1 + 1`, `${csd2.workflowsPerSecond} workflows/s (${csd2.seedErrors} errors)`, `${csd.workflowsPerSecond} workflows/s (${csd.seedErrors} errors)`, `scaleOut = ${(csd2.workflowsPerSecond / csd.workflowsPerSecond).toFixed(2)}`, '> 1 (spreads)', verdict(undefined)]);
  const ce = f.clusterEscalation;
  const ce2 = f.clusterScaleOutEscalation;
  if (ce && ce2) rows.push([`13b. Escalation burst (${ce.escalations} escalations, command → stored), split cluster: 2 + 2 vs 1 + 1`, `p50 ${ce2.latencyMs.p50} / p99 ${ce2.latencyMs.p99} ms, ${ce2.perSecond}/s`, `p50 ${ce.latencyMs.p50} / p99 ${ce.latencyMs.p99} ms, ${ce.perSecond}/s`, `scaleOut = ${(ce2.perSecond / ce.perSecond).toFixed(2)}`, '> 1 (spreads)', verdict(undefined)]);
  const cl = f.clusterLive;
  if (cl) {
    // Figures before the APIs had a role of their own were whole-database transactions/s.
    const idle = (cl.idle as { consoles: number; apiStatementsPerSecond?: number; transactionsPerSecond?: number }[]).map((x) => ({ consoles: x.consoles, rate: x.apiStatementsPerSecond ?? x.transactionsPerSecond ?? 0 }));
    const unit = (cl.idle as { apiStatementsPerSecond?: number }[])[0]?.apiStatementsPerSecond !== undefined ? 'statements/s by the APIs' : 'transactions/s on the database';
    const none = idle.find((x) => x.consoles === 0)?.rate ?? 0;
    const most = idle.at(-1)!;
    rows.push([`14a. Live updates: PostgreSQL with ${idle.map((x) => x.consoles).join(' / ')} idle consoles`, `${idle.map((x) => x.rate).join(' / ')} ${unit}`, `polling: 4 queries/s per console = ${most.consoles * 4}/s at ${most.consoles}`, `extra at ${most.consoles} = ${(most.rate - none).toFixed(2)}/s`, 'independent of consoles', verdict(most.rate - none < 0.5)]);
    rows.push([`14b. Live updates: change → console under a burst (${cl.burst.changes} changes × ${cl.burst.consoles} consoles)`, `p50 ${cl.burst.changeToConsoleMs.p50} / p99 ${cl.burst.changeToConsoleMs.p99} ms`, '—', `every console got every change once: ${cl.burst.everyConsoleGotEvery && cl.burst.duplicates === 0}`, 'each once, in order', verdict(cl.burst.everyConsoleGotEvery && cl.burst.duplicates === 0)]);
  }
  const mc = r.machine;
  return [
    `# Bench results (${r.measuredAt}, scale ${r.scale})`,
    '',
    `Machine: ${mc.cpus} × ${mc.cpuModel}, ${mc.memoryGiB} GiB RAM, Node ${mc.node}, ${mc.platform}; load average (1/5/15 min) ${JSON.stringify((mc.loadAverage as Record<string, unknown>)?.atStart)} at start, ${JSON.stringify((mc.loadAverage as Record<string, unknown>)?.atEnd)} at end; ${mc.note}.`,
    '',
    '| figure | ours | baseline (same run) | result | target | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...Object.entries(r.failures).map(([k, v]) => `- **${k} failed**: ${v.split('\n')[0]}`),
    '',
  ].join('\n');
}
