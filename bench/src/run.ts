/**
 * `pnpm bench`: benchmarks against real PostgreSQL, each figure paired with a baseline measured in
 * the same run (these machines are shared and noisy). Writes bench/results/latest.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchGetListActions } from './getlist-actions.js';

const log = (m: string) => console.error(`[bench] ${m}`);
const getList = await benchGetListActions({ log });
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  getListActions: getList,
};
writeFileSync(new URL('../results/latest.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
console.log(`| figure | ours | baseline | ratio |
| --- | --- | --- | --- |
| getList 10,000 actions (sort dueOn, filter programme+status), p50 ms | ${getList.api.p50} | ${getList.rawSql.p50} (raw SQL via pg) | ${getList.getListRatioP50} |
| same, p99 ms | ${getList.api.p99} | ${getList.rawSql.p99} | ${getList.getListRatioP99} |`);
