/**
 * The benchmark under Node: `node node.js < request.json` runs one `ScenarioRequest` with the same
 * bundled `scenarios` module the Web Worker uses and prints its `ScenarioResult` as one JSON line,
 * plus `threadCpuMs`: the CPU time the simulating (main) thread got, which, unlike wall time, does
 * not count the time other processes on a busy machine took from it.
 */
import { readFileSync } from "node:fs";
import { runScenario, type ScenarioRequest } from "./scenarios";

/** Linux's clock tick (`getconf CLK_TCK`): /proc counts thread CPU time in 10 ms units. */
const MS_PER_TICK = 10;

/** User + system CPU time of the main thread so far, from /proc (Linux only: this is a benchmark). */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // from field 3, "state", on
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK; // fields 14 and 15: utime, stime
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const request = JSON.parse(await readStdin()) as ScenarioRequest;
const cpuBefore = mainThreadCpuMs();
const result = runScenario(request);
const threadCpuMs = mainThreadCpuMs() - cpuBefore;
process.stdout.write(JSON.stringify({ ...result, threadCpuMs }) + "\n");
