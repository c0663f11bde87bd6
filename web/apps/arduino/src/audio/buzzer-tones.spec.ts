import type { PartView } from "@ohmcloud/avr-sim";
import { expect, it } from "vitest";
import { buzzerTones, planTones } from "./buzzer-tones";

const buzzer = (frequencyHz: number | null): PartView => ({ type: "buzzer", frequencyHz });

it("plays every buzzer sounding an audible tone, nothing else", () => {
  const tones = buzzerTones({
    bz1: buzzer(440),
    bz2: buzzer(null),
    bz3: buzzer(31_250), // PWM on a buzzer pin: not audible
    led1: { type: "led", brightness: 1 },
    bz4: buzzer(1000),
  });
  expect([...tones]).toEqual([
    ["bz1", 440],
    ["bz4", 1000],
  ]);
});

it("plans the starts, retunes and stops from what plays to what is wanted", () => {
  const playing = new Map([
    ["a", 440],
    ["b", 1000],
    ["c", 262],
  ]);
  const wanted = new Map([
    ["a", 440.2], // a wobble of the measurement: left alone
    ["b", 1200],
    ["d", 330],
  ]);
  expect(planTones(playing, wanted)).toEqual({
    start: [["d", 330]],
    retune: [["b", 1200]],
    stop: ["c"],
  });
  expect(planTones(new Map(), new Map())).toEqual({ start: [], retune: [], stop: [] });
});
