/**
 * The buzzers' sound: one Web Audio square-wave oscillator per sounding buzzer, following the
 * buzzer views of each simulation update (`buzzer-tones.ts` decides what plays). Browsers only let
 * a page make sound after a user gesture, so the AudioContext is created lazily by `unlock()` —
 * call it from a click or key press (e.g. Run), or let `unlockOnFirstGesture` do it. The page
 * calls `silence()` when the simulation pauses or stops; `setMuted` is the mute toggle.
 */
import type { PartView } from "@ohmcloud/avr-sim";
import { buzzerTones, planTones } from "./buzzer-tones";

/** The little of Web Audio this module uses (an AudioContext fits it; specs pass a stand-in). */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: AudioNodeLike;
  readonly state: string;
  createOscillator(): OscillatorLike;
  createGain(): GainLike;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}

export interface OscillatorLike extends AudioNodeLike {
  type: OscillatorType;
  readonly frequency: { setValueAtTime(value: number, time: number): unknown };
  start(): void;
  stop(): void;
}

export interface GainLike extends AudioNodeLike {
  readonly gain: { value: number };
}

/** Square waves are harsh: well below full scale. */
export const BUZZER_VOLUME = 0.08;

export class BuzzerSound {
  private context: AudioContextLike | null = null;
  private output: GainLike | null = null;
  private readonly oscillators = new Map<string, { node: OscillatorLike; hz: number }>();
  /** What the latest update asked for (played once unlocked and unmuted). */
  private wanted = new Map<string, number>();
  private isMuted = false;

  constructor(private readonly createContext: () => AudioContextLike = () => new AudioContext()) {}

  get muted(): boolean {
    return this.isMuted;
  }

  get unlocked(): boolean {
    return this.context !== null;
  }

  /** Creates (or resumes) the AudioContext; call from a user gesture. */
  unlock(): void {
    if (!this.context) {
      try {
        this.context = this.createContext();
      } catch {
        return; // No Web Audio here (an old browser, a test DOM): the simulation runs silent.
      }
      this.output = this.context.createGain();
      this.output.gain.value = BUZZER_VOLUME;
      this.output.connect(this.context.destination);
    }
    if (this.context.state === "suspended") void this.context.resume();
    this.apply();
  }

  setMuted(muted: boolean): void {
    this.isMuted = muted;
    this.apply();
  }

  /** Follows a simulation update's part views. */
  update(parts: Readonly<Record<string, PartView>>): void {
    this.wanted = buzzerTones(parts);
    this.apply();
  }

  /** Stops every tone (the simulation paused or stopped) until the next update. */
  silence(): void {
    this.wanted = new Map();
    this.apply();
  }

  /** Stops everything and closes the AudioContext. */
  dispose(): void {
    this.silence();
    void this.context?.close();
    this.context = null;
    this.output = null;
  }

  private apply(): void {
    const context = this.context;
    const output = this.output;
    if (!context || !output) return;
    const playing = new Map([...this.oscillators].map(([id, { hz }]) => [id, hz]));
    const plan = planTones(playing, this.isMuted ? new Map() : this.wanted);
    for (const id of plan.stop) {
      const { node } = this.oscillators.get(id)!;
      node.stop();
      node.disconnect();
      this.oscillators.delete(id);
    }
    for (const [id, hz] of plan.retune) {
      const oscillator = this.oscillators.get(id)!;
      oscillator.node.frequency.setValueAtTime(hz, context.currentTime);
      oscillator.hz = hz;
    }
    for (const [id, hz] of plan.start) {
      const node = context.createOscillator();
      node.type = "square";
      node.frequency.setValueAtTime(hz, context.currentTime);
      node.connect(output);
      node.start();
      this.oscillators.set(id, { node, hz });
    }
  }
}

/**
 * Unlocks the sound on the first pointer or key press on `target`; returns a function that
 * removes the listeners (also done after the first gesture).
 */
export function unlockOnFirstGesture(sound: BuzzerSound, target: EventTarget): () => void {
  const events = ["pointerdown", "keydown"] as const;
  const remove = () => events.forEach((event) => target.removeEventListener(event, onGesture));
  function onGesture() {
    remove();
    sound.unlock();
  }
  events.forEach((event) => target.addEventListener(event, onGesture));
  return remove;
}
