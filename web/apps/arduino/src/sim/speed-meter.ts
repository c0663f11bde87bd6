/**
 * The speed readout: simulated time over wall time across the last second or so, so that one slow
 * frame does not make the number jump.
 */
export class SpeedMeter {
  private samples: { wall: number; simulated: number }[] = [];

  constructor(private readonly windowMs = 1000) {}

  /** Records that `simulatedMs` of simulated time ran by wall clock `wallMs`; returns the speed. */
  record(wallMs: number, simulatedMs: number): number {
    this.samples.push({ wall: wallMs, simulated: simulatedMs });
    while (this.samples.length > 2 && wallMs - this.samples[1]!.wall >= this.windowMs) {
      this.samples.shift();
    }
    const first = this.samples[0]!;
    const wall = wallMs - first.wall;
    return wall > 0 ? (simulatedMs - first.simulated) / wall : 0;
  }

  /** Forgets the history (after a pause: the paused time is not slowness). */
  reset(): void {
    this.samples = [];
  }
}
