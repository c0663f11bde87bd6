import { describe, expect, it } from "vitest";
import { parseSourceSpec, toSourceSpec, type SourceForm } from "./waveforms";

const spec = (form: SourceForm) => {
  const result = toSourceSpec(form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.spec;
};

/** The spec of a parsed spec, written again. */
const rewrite = (text: string) => {
  const parsed = parseSourceSpec(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return spec(parsed.form);
};

describe("toSourceSpec", () => {
  it("writes DC and AC parts", () => {
    expect(spec({ dc: "5" })).toBe("dc 5");
    expect(spec({ dc: 3.3 })).toBe("dc 3.3");
    expect(spec({ dc: "0", ac: { magnitude: "1", phase: "0" } })).toBe("dc 0 ac 1 0");
    expect(spec({ dc: "0", ac: { magnitude: "1" } })).toBe("dc 0 ac 1 0");
    expect(spec({ ac: { magnitude: "100m", phase: "-90" } })).toBe("ac 100m -90");
    expect(spec({ dc: "", ac: { magnitude: "1" } })).toBe("ac 1 0");
  });

  it("writes SIN with every argument", () => {
    expect(spec({ transient: { kind: "sin", offset: "0", amplitude: "1", frequency: "1k" } })).toBe(
      "sin(0 1 1k 0 0 0)",
    );
    expect(
      spec({
        transient: {
          kind: "sin",
          offset: "2.5V",
          amplitude: "100mV",
          frequency: "50Hz",
          delay: "1ms",
          damping: "10",
          phase: "90",
        },
      }),
    ).toBe("sin(2.5 100m 50 1m 10 90)");
    expect(
      spec({
        dc: "0",
        ac: { magnitude: "1" },
        transient: { kind: "sin", offset: "0", amplitude: "1", frequency: "1meg" },
      }),
    ).toBe("dc 0 ac 1 0 sin(0 1 1meg 0 0 0)");
  });

  it("writes PULSE as a square wave by default", () => {
    expect(spec({ transient: { kind: "pulse", v1: "0", v2: "5", period: "1m" } })).toBe(
      "pulse(0 5 0 1n 1n 500u 1m)",
    );
    // Short periods get proportionally short edges, never a long delay.
    expect(spec({ transient: { kind: "pulse", v1: "0", v2: "1", period: "10n" } })).toBe(
      "pulse(0 1 0 100p 100p 5n 10n)",
    );
    expect(
      spec({
        transient: {
          kind: "pulse",
          v1: "-1",
          v2: "1",
          delay: "2u",
          rise: "10n",
          fall: "20n",
          width: "3u",
          period: "10u",
        },
      }),
    ).toBe("pulse(-1 1 2u 10n 20n 3u 10u)");
    expect(spec({ transient: { kind: "pulse", v1: 0, v2: 1, rise: "5n", period: 1e-6 } })).toBe(
      "pulse(0 1 0 5n 5n 500n 1u)",
    );
  });

  it("writes PWL pairs", () => {
    expect(
      spec({
        transient: {
          kind: "pwl",
          points: [
            { time: "0", value: "0" },
            { time: "1m", value: "5" },
            { time: "2m", value: "5" },
            { time: "2.1m", value: "0" },
          ],
        },
      }),
    ).toBe("pwl(0 0 1m 5 2m 5 2.1m 0)");
  });

  it("writes EXP with every argument", () => {
    expect(spec({ transient: { kind: "exp", v1: "0", v2: "1", tau1: "1u" } })).toBe(
      "exp(0 1 0 1u 5u 1u)",
    );
    expect(
      spec({
        transient: {
          kind: "exp",
          v1: "0",
          v2: "5",
          td1: "1u",
          tau1: "2u",
          td2: "20u",
          tau2: "4u",
        },
      }),
    ).toBe("exp(0 5 1u 2u 20u 4u)");
  });

  it("reports errors by field", () => {
    expect(toSourceSpec({})).toEqual({
      ok: false,
      errors: { dc: "give a DC value, an AC part or a waveform" },
    });
    expect(toSourceSpec({ dc: "4kk" })).toEqual({
      ok: false,
      errors: { dc: "4kk: unexpected 'k' after the suffix" },
    });
    expect(toSourceSpec({ ac: { magnitude: "" } })).toEqual({
      ok: false,
      errors: { "ac.magnitude": "required" },
    });
    expect(
      toSourceSpec({ transient: { kind: "sin", offset: "0", amplitude: "x", frequency: "0" } }),
    ).toEqual({
      ok: false,
      errors: {
        "transient.amplitude": "x: not a number (write values such as 4.7k, 10u or 1meg)",
        "transient.frequency": "must be more than 0",
      },
    });
    expect(toSourceSpec({ transient: { kind: "pulse", v1: "0", v2: "1", period: "" } })).toEqual({
      ok: false,
      errors: { "transient.period": "required" },
    });
    expect(
      toSourceSpec({ transient: { kind: "pulse", v1: "0", v2: "1", width: "2m", period: "1m" } }),
    ).toEqual({
      ok: false,
      errors: { "transient.width": "rise + width + fall is longer than the period" },
    });
    expect(
      toSourceSpec({
        transient: { kind: "pulse", v1: "0", v2: "1", rise: "-1n", period: "1m" },
      }),
    ).toEqual({ ok: false, errors: { "transient.rise": "must not be negative" } });
    expect(
      toSourceSpec({
        transient: {
          kind: "pwl",
          points: [
            { time: "0", value: "0" },
            { time: "1m", value: "1" },
            { time: "1m", value: "2" },
            { time: "500u", value: "3" },
          ],
        },
      }),
    ).toEqual({
      ok: false,
      errors: {
        "transient.points[2].time": "times must increase from one point to the next",
        "transient.points[3].time": "times must increase from one point to the next",
      },
    });
    expect(toSourceSpec({ transient: { kind: "pwl", points: [] } })).toEqual({
      ok: false,
      errors: { "transient.points": "needs at least one time/value pair" },
    });
    expect(toSourceSpec({ transient: { kind: "exp", v1: "0", v2: "1", tau1: "" } })).toEqual({
      ok: false,
      errors: { "transient.tau1": "required" },
    });
    expect(
      toSourceSpec({
        transient: { kind: "exp", v1: "0", v2: "1", td1: "5u", tau1: "1u", td2: "1u" },
      }),
    ).toEqual({
      ok: false,
      errors: { "transient.td2": "the fall delay must come after the rise delay" },
    });
  });
});

describe("parseSourceSpec", () => {
  it.each([
    "dc 5",
    "dc 0 ac 1 0",
    "ac 100m -90",
    "sin(0 1 1k 0 0 0)",
    "dc 0 ac 1 0 sin(0 1 1meg 0 0 0)",
    "pulse(0 5 0 1n 1n 500u 1m)",
    "pulse(-1 1 2u 10n 20n 3u 10u)",
    "pwl(0 0 1m 5 2m 5 2.1m 0)",
    "exp(0 1 0 1u 5u 1u)",
    "exp(0 5 1u 2u 20u 4u)",
  ])("round-trips %s", (text) => {
    expect(rewrite(text)).toBe(text);
  });

  it("reads forms", () => {
    expect(parseSourceSpec("dc 0 ac 1 0 sin(0 1 1k 0 0 0)")).toEqual({
      ok: true,
      form: {
        dc: "0",
        ac: { magnitude: "1", phase: "0" },
        transient: {
          kind: "sin",
          offset: "0",
          amplitude: "1",
          frequency: "1k",
          delay: "0",
          damping: "0",
          phase: "0",
        },
      },
    });
    expect(parseSourceSpec("PWL(0 0 1m 5)")).toEqual({
      ok: true,
      form: {
        transient: {
          kind: "pwl",
          points: [
            { time: "0", value: "0" },
            { time: "1m", value: "5" },
          ],
        },
      },
    });
  });

  it("reads loose SPICE and fills the form's defaults", () => {
    expect(parseSourceSpec("5")).toEqual({ ok: true, form: { dc: "5" } });
    expect(parseSourceSpec("DC 5V")).toEqual({ ok: true, form: { dc: "5" } });
    expect(parseSourceSpec("AC 1")).toEqual({ ok: true, form: { ac: { magnitude: "1" } } });
    const short = parseSourceSpec("sin(0 1 1k)");
    expect(short).toEqual({
      ok: true,
      form: { transient: { kind: "sin", offset: "0", amplitude: "1", frequency: "1k" } },
    });
    expect(rewrite("sin(0 1 1k)")).toBe("sin(0 1 1k 0 0 0)");
    expect(rewrite("SIN (0, 1, 1K)")).toBe("sin(0 1 1k 0 0 0)");
    expect(rewrite("dc 1 sin 0 1 1k")).toBe("dc 1 sin(0 1 1k 0 0 0)");
    expect(rewrite("0 AC 1")).toBe("dc 0 ac 1 0");
    expect(rewrite("pulse(0 1 0 1n 1n 1 2)")).toBe("pulse(0 1 0 1n 1n 1 2)");
    expect(rewrite("exp(0 1 0 1u)")).toBe("exp(0 1 0 1u 5u 1u)");
    const noPeriod = parseSourceSpec("pulse(0 1)");
    expect(noPeriod.ok).toBe(true);
    if (noPeriod.ok) {
      expect(toSourceSpec(noPeriod.form)).toEqual({
        ok: false,
        errors: { "transient.period": "required" },
      });
    }
  });

  it.each([
    ["", ": empty"],
    ["dc", "dc: expected a DC value after 'dc'"],
    ["dc 1 dc 2", "dc 1 dc 2: the DC value is given twice"],
    ["ac", "ac: expected a magnitude after 'ac'"],
    ["sin(0 1", "sin(0 1: sin( is not closed"],
    ["sin(0 1)", "sin(0 1): sin(...) needs at least offset, amplitude, frequency"],
    ["sin(0 1 1k 0 0 0 7)", "sin(0 1 1k 0 0 0 7): sin(...) takes at most 6 arguments, not 7"],
    ["pwl(0 0 1m)", "pwl(0 0 1m): pwl(...) needs time/value pairs"],
    ["pwl(0 0 1m 1 r=0)", "pwl(0 0 1m 1 r=0): 'r=0' in pwl(...) is not a number"],
    ["sin(0 1 1k) pulse(0 1)", "sin(0 1 1k) pulse(0 1): only one waveform can be given"],
    [
      "sffm(0 1 1k 5 100)",
      "sffm(0 1 1k 5 100): sffm sources are not supported by the form; edit the value as text",
    ],
    ["bogus", "bogus: unexpected 'bogus'"],
  ])("refuses %j", (text, message) => {
    expect(parseSourceSpec(text)).toEqual({ ok: false, message });
  });
});
