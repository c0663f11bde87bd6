/**
 * BuzzerSound against a recording stand-in for the AudioContext: neither Node nor happy-dom (nor
 * jsdom) has Web Audio, so the calls the sound makes are checked instead of the sound itself.
 */
import type { PartView } from "@ohmcloud/avr-sim";
import { expect, it } from "vitest";
import {
  BUZZER_VOLUME,
  BuzzerSound,
  unlockOnFirstGesture,
  type AudioContextLike,
  type AudioNodeLike,
} from "./buzzer-sound";

function recordingContext() {
  const calls: string[] = [];
  const gains: { gain: { value: number } }[] = [];
  let oscillators = 0;
  const node = (name: string): AudioNodeLike & { name: string } => ({
    name,
    connect: (to) => calls.push(`${name}.connect(${(to as unknown as { name: string }).name})`),
    disconnect: () => calls.push(`${name}.disconnect()`),
  });
  const context: AudioContextLike & { state: string } = {
    currentTime: 1.5,
    state: "suspended",
    destination: node("destination"),
    createGain() {
      calls.push("createGain()");
      const gain = { ...node("gain"), gain: { value: 1 } };
      gains.push(gain);
      return gain;
    },
    createOscillator() {
      const name = `osc${++oscillators}`;
      calls.push(`createOscillator() → ${name}`);
      const oscillator = {
        ...node(name),
        type: "sine" as OscillatorType,
        frequency: {
          setValueAtTime: (value: number, time: number) =>
            calls.push(`${name}.frequency(${value} at ${time})`),
        },
        start: () => calls.push(`${name}.start() ${oscillator.type}`),
        stop: () => calls.push(`${name}.stop()`),
      };
      return oscillator;
    },
    resume: async () => {
      calls.push("resume()");
      context.state = "running";
    },
    close: async () => void calls.push("close()"),
  };
  return { context, calls, gains };
}

const views = (...hz: (number | null)[]): Record<string, PartView> =>
  Object.fromEntries(hz.map((frequencyHz, i) => [`bz${i + 1}`, { type: "buzzer", frequencyHz }]));

it("makes no sound and no AudioContext before a user gesture unlocks it", () => {
  let made = 0;
  const sound = new BuzzerSound(() => {
    made++;
    return recordingContext().context;
  });
  sound.update(views(440));
  expect(made).toBe(0);
  expect(sound.unlocked).toBe(false);
});

it("plays a square wave per sounding buzzer, retunes it and stops it", () => {
  const { context, calls } = recordingContext();
  const sound = new BuzzerSound(() => context);
  sound.update(views(440)); // before the gesture: remembered
  sound.unlock();
  expect(calls).toEqual([
    "createGain()",
    "gain.connect(destination)",
    "resume()",
    "createOscillator() → osc1",
    "osc1.frequency(440 at 1.5)",
    "osc1.connect(gain)",
    "osc1.start() square",
  ]);
  calls.length = 0;
  sound.update(views(440.1, 1000)); // a wobble on bz1: left alone; bz2 starts
  sound.update(views(494, 1000));
  sound.update(views(null, 1000));
  expect(calls).toEqual([
    "createOscillator() → osc2",
    "osc2.frequency(1000 at 1.5)",
    "osc2.connect(gain)",
    "osc2.start() square",
    "osc1.frequency(494 at 1.5)",
    "osc1.stop()",
    "osc1.disconnect()",
  ]);
});

it("is silent while muted and when the simulation pauses", () => {
  const { context, calls } = recordingContext();
  const sound = new BuzzerSound(() => context);
  sound.unlock();
  sound.setMuted(true);
  sound.update(views(440));
  expect(calls.filter((c) => c.includes("osc"))).toEqual([]);
  sound.setMuted(false); // the tone asked for comes back at once
  expect(calls.at(-1)).toBe("osc1.start() square");
  sound.silence();
  expect(calls.slice(-2)).toEqual(["osc1.stop()", "osc1.disconnect()"]);
  sound.update(views(440)); // running again
  expect(calls.at(-1)).toBe("osc2.start() square");
  expect(sound.muted).toBe(false);
});

it("sets a quiet master volume and closes the context on dispose", () => {
  const { context, calls, gains } = recordingContext();
  const sound = new BuzzerSound(() => context);
  sound.unlock();
  expect(gains.map((g) => g.gain.value)).toEqual([BUZZER_VOLUME]);
  sound.update(views(440));
  sound.dispose();
  expect(calls.slice(-3)).toEqual(["osc1.stop()", "osc1.disconnect()", "close()"]);
  expect(sound.unlocked).toBe(false);
});

it("unlocks on the first pointer or key press, once", () => {
  let made = 0;
  const sound = new BuzzerSound(() => {
    made++;
    return recordingContext().context;
  });
  const page = new EventTarget();
  unlockOnFirstGesture(sound, page);
  page.dispatchEvent(new Event("keydown"));
  page.dispatchEvent(new Event("pointerdown"));
  expect(made).toBe(1);
  expect(sound.unlocked).toBe(true);
});

it("runs silent where there is no Web Audio", () => {
  const sound = new BuzzerSound(() => {
    throw new ReferenceError("AudioContext is not defined");
  });
  sound.unlock();
  sound.update({ bz: { type: "buzzer", frequencyHz: 440 } });
  expect(sound.unlocked).toBe(false);
});
