/**
 * `node dist/cli.js`: one JSON request on stdin, one JSON response on stdout (README.md has the
 * format). Errors are `{"error": "..."}` on stdout with exit code 1. The caller enforces the wall-clock
 * limit (the server runs this with a timeout); the run itself stops after the simulated time.
 */
import { IntelHexError } from "./intel-hex";
import { runSim } from "./run-sim";
import { LIMITS, parseSimRequest, SimRequestError } from "./sim-request";

/** The HEX plus the other fields; anything bigger is not a request we would run. */
const MAX_STDIN_BYTES = LIMITS.hexChars + LIMITS.serialInputChars * 6 + 1_000_000;

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
    if (error instanceof SimRequestError || error instanceof IntelHexError) {
      reply({ error: error instanceof IntelHexError ? `hex: ${error.message}` : error.message }, 1);
    } else {
      reply(
        { error: `simulation failed: ${error instanceof Error ? error.message : String(error)}` },
        1,
      );
    }
  }
}

void main();
