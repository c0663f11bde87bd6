/**
 * The parts the sketch drives. For now a fixed workspace: an Uno and a red LED on D13 (with its
 * built-in "L" LED on the same pin). The breadboard editor with wiring (issue 7, step 3) replaces
 * this; it will take the levels from `CircuitSimulation` in @ohmcloud/avr-sim instead of the pin.
 */
import "@wokwi/elements/dist/esm/arduino-uno-element.js";
import "@wokwi/elements/dist/esm/led-element.js";

export interface WorkspaceProps {
  /** Pin 13's level (0 when not running). */
  readonly pin13: boolean;
  /** Pin 13's share of time high, for the LED's brightness under PWM (0..1). */
  readonly pin13Duty: number;
}

/** Below this duty the LED looks dark; a real LED barely glows at a few percent. */
const MIN_VISIBLE_DUTY = 0.02;

export function Workspace({ pin13, pin13Duty }: WorkspaceProps) {
  const lit = pin13 || pin13Duty > MIN_VISIBLE_DUTY;
  // Fully on when the pin ends the frame high and was high throughout; dimmer under PWM.
  const brightness = lit ? Math.max(pin13Duty, pin13 ? 0.3 : MIN_VISIBLE_DUTY) : 0;
  return (
    <section className="ar-workspace" aria-label="Workspace">
      <p className="ar-workspace-note">
        Fixed workspace: an LED on D13 to GND. Placing and wiring parts on a breadboard comes later.
      </p>
      <div className="ar-parts">
        <wokwi-arduino-uno led13={pin13} data-testid="uno" />
        <div className="ar-led">
          <wokwi-led
            color="red"
            label="D13"
            value={lit}
            brightness={brightness}
            data-testid="led-d13"
          />
        </div>
      </div>
    </section>
  );
}
