/**
 * Test helper: builds an Arduino sketch (`.ino` text) with the repo's own build service
 * (`server/arduino/build.py`, the real avr-gcc and Arduino core) and returns its Intel HEX. One HEX
 * per sketch and board within a test run; the service's core cache lives in the system temp
 * directory, so only the first run of the day compiles the core.
 */
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../../../../", import.meta.url));
const CACHE_DIR = join(tmpdir(), "ohmcloud-avr-sim-sketch-cache");

const BUILD_SCRIPT = `
import json, os, sys
from pathlib import Path
sys.path.insert(0, os.path.join(sys.argv[1], "server"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ohmcloud.settings")
import django
django.setup()
from arduino.build import build_sketch
request = json.load(sys.stdin)
result = build_sketch(request["board"], request["sketch"], {}, Path(sys.argv[2]))
if not result.ok:
    sys.exit("sketch build failed: " + json.dumps(result.diagnostics))
sys.stdout.write(result.hex)
`;

const built = new Map<string, string>();

export function buildSketch(sketch: string, board: "uno" | "nano" | "mega2560" = "uno"): string {
  const key = `${board}\n${sketch}`;
  let hex = built.get(key);
  if (hex === undefined) {
    hex = execFileSync(join(REPO, ".venv/bin/python"), ["-c", BUILD_SCRIPT, REPO, CACHE_DIR], {
      input: JSON.stringify({ board, sketch }),
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
      timeout: 120_000,
    });
    built.set(key, hex);
  }
  return hex;
}
