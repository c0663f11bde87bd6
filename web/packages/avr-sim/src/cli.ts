/**
 * `node dist/cli.js`: one JSON request on stdin, one JSON response on stdout (README.md has the
 * format). Errors are `{"error": "..."}` on stdout with exit code 1. The caller enforces the wall-clock
 * limit (the server runs this with a timeout); the run itself stops after the simulated time.
 */
import { CircuitError } from "./circuit/circuit";
import { CIRCUIT_LIMITS } from "./circuit-request";
import { IntelHexError } from "./intel-hex";
import { runSim } from "./run-sim";
import { LIMITS, parseSimRequest, SimRequestError } from "./sim-request";

/** The HEX, a circuit of the largest size plus the other fields; anything bigger is not a request we would run. */
const MAX_STDIN_BYTES =
  LIMITS.hexChars +
  LIMITS.serialInputChars * 6 +
  CIRCUIT_LIMITS.components * 2_000 +
  CIRCUIT_LIMITS.wires * 500 +
  1_000_000;

/** The error line for what went wrong: the field (or "hex", "circuit") first. */
function errorMessage(error: unknown): string {
  if (error instanceof SimRequestError) return error.message;
  if (error instanceof IntelHexError) return `hex: ${error.message}`;
  if (error instanceof CircuitError) return `circuit: ${error.message}`;
  return `simulation failed: ${error instanceof Error ? error.message : String(error)}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_STDIN_BYTES)
      throw new SimRequestError(`request larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(body: unknown, exitCode: number): void {
  process.stdout.write(JSON.stringify(body) + "\n", () => process.exit(exitCode));
}

async function main(): Promise<void> {
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch (error) {
    const message =
      error instanceof SimRequestError ? error.message : "the request is not valid JSON";
    reply({ error: message }, 1);
    return;
  }
  try {
    reply(runSim(parseSimRequest(input)), 0);
  } catch (error) {
    reply({ error: errorMessage(error) }, 1);
  }
}

void main();
