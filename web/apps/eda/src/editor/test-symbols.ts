/**
 * Library answers for specs, shaped like the server's (`GET /api/library/components/{id}`, geometry as
 * `server/library/symbol_geometry.py` writes it), with the pins of the core's sample symbols.
 */
import type { ComponentDetail, GeometryPin } from "./library";

function pin(
  number: string,
  name: string,
  x: number,
  y: number,
  orientation: number,
  length = 50,
  hidden = false,
): GeometryPin {
  return {
    number,
    name,
    x,
    y,
    orientation,
    length,
    hidden,
    electrical_type: "passive",
    body_style: 0,
  };
}

function detail(
  symbol_id: string,
  reference: string,
  fields: Partial<ComponentDetail> & Pick<ComponentDetail, "geometry">,
): ComponentDetail {
  const [library = "", name = ""] = symbol_id.split(":");
  return {
    id: symbol_id.length,
    symbol_id,
    library,
    name,
    description: `${name} for specs`,
    keywords: "",
    category: "Passive",
    reference,
    simulatable: true,
    unit_count: 1,
    pin_count: 2,
    is_power: false,
    value: "",
    ...fields,
  };
}

export const RESISTOR: ComponentDetail = detail("Device:R", "R", {
  value: "R",
  spice: { prefix: "R" },
  geometry: {
    unit_count: 1,
    pin_names: { visible: false, offset: 0 },
    pin_numbers: { visible: true },
    fields: {
      Reference: { x: 80, y: 0, angle: 90, size: 50, visible: true },
      Value: { x: -80, y: 0, angle: 90, size: 50, visible: true },
    },
    bounds: { x0: -40, y0: -150, x1: 40, y1: 150 },
    units: [
      {
        unit: 0,
        graphics: [
          { kind: "rectangle", start: [-40, 100], end: [40, -100], stroke_width: 10, fill: "none" },
        ],
        pins: [pin("1", "~", 0, 150, 270), pin("2", "~", 0, -150, 90)],
      },
    ],
  },
});

export const VOLTAGE_SOURCE: ComponentDetail = detail("Simulation_SPICE:VDC", "V", {
  value: "dc 1",
  spice: { prefix: "V", default_value: "dc 1" },
  geometry: {
    bounds: { x0: -100, y0: -200, x1: 100, y1: 200 },
    units: [
      {
        unit: 0,
        graphics: [{ kind: "circle", center: [0, 0], radius: 100, fill: "background" }],
        pins: [pin("1", "+", 0, 200, 270, 100), pin("2", "-", 0, -200, 90, 100)],
      },
    ],
  },
});

export const DIODE: ComponentDetail = detail("Diode:1N4007", "D", {
  value: "1N4007",
  spice: { prefix: "D", model_from_value: true },
  geometry: {
    bounds: { x0: -100, y0: -50, x1: 100, y1: 50 },
    units: [
      {
        unit: 0,
        graphics: [
          {
            kind: "polyline",
            points: [
              [-50, 50],
              [-50, -50],
              [50, 0],
              [-50, 50],
            ],
          },
        ],
        pins: [pin("1", "K", 100, 0, 180), pin("2", "A", -100, 0, 0)],
      },
    ],
  },
});

export const GROUND: ComponentDetail = detail("power:GND", "#PWR", {
  value: "GND",
  is_power: true,
  spice: null,
  geometry: {
    bounds: { x0: -50, y0: -100, x1: 50, y1: 0 },
    units: [
      {
        unit: 0,
        graphics: [
          {
            kind: "polyline",
            points: [
              [0, 0],
              [0, -50],
              [50, -50],
              [0, -100],
              [-50, -50],
              [0, -50],
            ],
          },
        ],
        pins: [{ ...pin("1", "GND", 0, 0, 270, 0, true), electrical_type: "power_in" }],
      },
    ],
  },
});

/** Two op amps in one package (units A and B) sharing the supply pins (unit 0), like KiCad's LM358. */
export const DUAL_OPAMP: ComponentDetail = detail("Amplifier_Operational:LM358", "U", {
  value: "LM358",
  unit_count: 2,
  pin_count: 8,
  spice: { prefix: "X", model_from_value: true },
  geometry: {
    unit_count: 2,
    bounds: { x0: -200, y0: -200, x1: 200, y1: 200 },
    units: [
      {
        unit: 0,
        graphics: [],
        pins: [pin("8", "V+", -100, 300, 270, 100), pin("4", "V-", -100, -300, 90, 100)],
      },
      {
        unit: 1,
        graphics: [
          {
            kind: "polyline",
            points: [
              [-200, 200],
              [200, 0],
              [-200, -200],
              [-200, 200],
            ],
          },
        ],
        pins: [
          pin("3", "+", -300, 100, 0, 100),
          pin("2", "-", -300, -100, 0, 100),
          pin("1", "~", 300, 0, 180, 100),
        ],
      },
      {
        unit: 2,
        graphics: [
          {
            kind: "polyline",
            points: [
              [-200, 200],
              [200, 0],
              [-200, -200],
              [-200, 200],
            ],
          },
        ],
        pins: [
          pin("5", "+", -300, 100, 0, 100),
          pin("6", "-", -300, -100, 0, 100),
          pin("7", "~", 300, 0, 180, 100),
        ],
      },
    ],
  },
});

export const TEST_SYMBOLS: readonly ComponentDetail[] = [
  RESISTOR,
  VOLTAGE_SOURCE,
  DIODE,
  GROUND,
  DUAL_OPAMP,
];
