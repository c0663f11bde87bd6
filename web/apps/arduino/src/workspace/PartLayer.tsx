/**
 * The placed parts: each a positioned, rotated wrapper (`part-<id>`) around its @wokwi/elements
 * custom element — whose properties follow part-visuals.ts — or around our own drawing.
 */
import type { PartView } from "@ohmcloud/avr-sim";
import { createElement, memo, useLayoutEffect, useState } from "react";
import { DrawnPart } from "./DrawnParts";
import type { PlacedPart } from "./model/document";
import { partGeometry } from "./model/geometry";
import { kindInfo } from "./model/kinds";
import { elementProperties, type ElementProperties, type PartControls } from "./part-visuals";
import { partStyle } from "./part-transform";
import "./wokwi-element-modules";

export interface PartLayerProps {
  readonly parts: readonly PlacedPart[];
  readonly views: Readonly<Record<string, PartView>>;
  readonly controls: Readonly<Record<string, PartControls>>;
  readonly selection: ReadonlySet<string>;
  /** Parts a circuit warning is about. */
  readonly warned: ReadonlySet<string>;
  /** The board whose sketch the editor shows. */
  readonly selectedBoard?: string;
}

export function PartLayer({
  parts,
  views,
  controls,
  selection,
  warned,
  selectedBoard,
}: PartLayerProps) {
  return (
    <>
      {parts.map((part) => (
        <PartShape
          key={part.id}
          part={part}
          view={views[part.id]}
          controls={controls[part.id]}
          selected={selection.has(part.id)}
          warned={warned.has(part.id)}
          board={part.id === selectedBoard}
        />
      ))}
    </>
  );
}

interface PartShapeProps {
  readonly part: PlacedPart;
  readonly view: PartView | undefined;
  readonly controls: PartControls | undefined;
  readonly selected: boolean;
  readonly warned: boolean;
  readonly board: boolean;
}

const PartShape = memo(function PartShape({
  part,
  view,
  controls,
  selected,
  warned,
  board,
}: PartShapeProps) {
  const info = kindInfo(part.kind);
  const geometry = partGeometry(part);
  const classes = [
    "ws-part",
    selected && "ws-selected",
    warned && "ws-warned",
    board && "ws-board",
  ];
  return (
    <div
      className={classes.filter(Boolean).join(" ")}
      style={partStyle(part, geometry)}
      data-part={part.id}
      data-testid={`part-${part.id}`}
      aria-label={`${info.title} ${part.id}`}
      title={part.id}
    >
      {info.element === null ? (
        <DrawnPart
          kind={part.kind}
          title={info.title}
          props={part.props}
          geometry={geometry}
          view={view}
        />
      ) : (
        <WokwiElement
          tag={info.element}
          properties={elementProperties(part.kind, part.props, view, controls)}
        />
      )}
    </div>
  );
});

/** A custom element whose properties are set (not attributes), and only when they change. */
function WokwiElement({ tag, properties }: { tag: string; properties: ElementProperties }) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (element) assignChanged(element, properties);
  }, [element, properties]);
  return createElement(tag, { ref: setElement, className: "ws-element" });
}

/** Sets the properties that differ from the element's (a lit element re-renders on each set). */
function assignChanged(element: HTMLElement, properties: ElementProperties): void {
  const target = element as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(properties))
    if (!sameValue(target[name], value)) target[name] = value;
}

/** Equal for the element's purposes: the same primitive, or arrays with the same items. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  const isList = (v: unknown): v is ArrayLike<unknown> => Array.isArray(v) || ArrayBuffer.isView(v);
  if (!isList(a) || !isList(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
