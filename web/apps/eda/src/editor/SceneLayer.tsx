/**
 * The drawing of the schematic itself: sheet, title block, wires, parts, junctions, labels and no-connect
 * flags, in sheet coordinates. Memoized at two levels so that the canvas can re-render on every pointer
 * move: panning or zooming changes only the canvas's `<g transform>` (this layer's props stay the same),
 * and a hover or selection change re-renders only the items whose `selected`/`hovered` flag changed. The
 * scene is immutable and shares untouched items between versions, so item props compare by identity.
 */
import {
  componentBox,
  type Component,
  type Label,
  type NoConnect,
  type Scene,
  type Selection,
  type SymbolPins,
  type TitleBlock,
  type Wire,
  type XY,
} from "@ohmcloud/canvas";
import { memo } from "react";
import type { ComponentDetail, SymbolStore } from "./library";
import { sheetSize } from "./sheet";
import { SymbolRenderer } from "./SymbolRenderer";

export const WIRE_COLOUR = "#008400";
export const SELECT_COLOUR = "#1565c0";
export const HOVER_COLOUR = "#64b5f6";
const SHEET_COLOUR = "#8b1a1a";

export interface SceneLayerProps {
  readonly scene: Scene;
  readonly symbols: SymbolStore;
  /** `symbols.version()`: the layer re-reads the drawings when a symbol arrives. */
  readonly symbolVersion: number;
  readonly selection: Selection;
  /** Ids drawn in the hover colour: the item under the pointer, or a probed net's wires and labels. */
  readonly highlighted: ReadonlySet<string>;
  /** Where junction dots go (the core's automatic ones and the document's own). */
  readonly junctions: readonly XY[];
}

export const SceneLayer = memo(function SceneLayer({
  scene,
  symbols,
  selection,
  highlighted,
  junctions,
}: SceneLayerProps) {
  const schematic = scene.schematic;
  const { width, height } = sheetSize(schematic);
  return (
    <>
      <SheetFrame
        width={width}
        height={height}
        title={schematic.title_block}
        format={`${schematic.sheet?.size ?? "A4"} ${schematic.sheet?.orientation ?? "landscape"}`}
      />
      {schematic.wires.map((wire) => (
        <WireItem
          key={wire.id}
          wire={wire}
          selected={selection.has(wire.id)}
          hovered={highlighted.has(wire.id)}
        />
      ))}
      {schematic.components.map((component) => (
        <ComponentItem
          key={component.id}
          component={component}
          detail={symbols.detail(component.symbol)}
          pins={symbols.lookup(component.symbol)}
          missing={symbols.isMissing(component.symbol)}
          selected={selection.has(component.id)}
          hovered={highlighted.has(component.id)}
        />
      ))}
      <JunctionDots junctions={junctions} />
      {schematic.labels.map((label) => (
        <LabelItem
          key={label.id}
          label={label}
          selected={selection.has(label.id)}
          hovered={highlighted.has(label.id)}
        />
      ))}
      {schematic.no_connects.map((flag) => (
        <NoConnectItem key={flag.id} flag={flag} selected={selection.has(flag.id)} />
      ))}
    </>
  );
});

/** The paper, its grid (not exported), border and title block. */
const SheetFrame = memo(function SheetFrame({
  width,
  height,
  title,
  format,
}: {
  width: number;
  height: number;
  title: TitleBlock | undefined;
  format: string;
}) {
  return (
    <>
      <rect x={0} y={0} width={width} height={height} fill="#fffdf7" />
      <rect data-export="skip" x={0} y={0} width={width} height={height} fill="url(#oc-grid)" />
      <rect
        x={100}
        y={100}
        width={width - 200}
        height={height - 200}
        fill="none"
        stroke={SHEET_COLOUR}
        strokeWidth={10}
        data-role="sheet-border"
      />
      <g data-role="title-block" fontFamily="sans-serif" fill={SHEET_COLOUR}>
        <rect
          x={width - 4100}
          y={height - 800}
          width={4000}
          height={700}
          fill="none"
          stroke={SHEET_COLOUR}
          strokeWidth={8}
        />
        <text x={width - 4000} y={height - 550} fontSize={120}>
          {title?.title || "Untitled"}
        </text>
        <text x={width - 4000} y={height - 300} fontSize={70}>
          {`Date: ${title?.date ?? ""}`}
        </text>
        <text x={width - 2000} y={height - 300} fontSize={70}>
          {`Rev: ${title?.revision ?? ""}`}
        </text>
        <text x={width - 4000} y={height - 160} fontSize={60}>
          {format}
        </text>
      </g>
    </>
  );
});

const WireItem = memo(function WireItem({
  wire,
  selected,
  hovered,
}: {
  wire: Wire;
  selected: boolean;
  hovered: boolean;
}) {
  return (
    <polyline
      data-testid={`wire-${wire.id}`}
      points={wire.points.map((p) => `${p[0]},${p[1]}`).join(" ")}
      fill="none"
      stroke={selected ? SELECT_COLOUR : hovered ? HOVER_COLOUR : WIRE_COLOUR}
      strokeWidth={selected ? 12 : 8}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
});

const ComponentItem = memo(function ComponentItem({
  component,
  detail,
  pins,
  missing,
  selected,
  hovered,
}: {
  component: Component;
  detail: ComponentDetail | undefined;
  pins: SymbolPins | undefined;
  missing: boolean;
  selected: boolean;
  hovered: boolean;
}) {
  const highlight = selected ? SELECT_COLOUR : hovered ? HOVER_COLOUR : null;
  const box = highlight !== null && pins !== undefined ? componentBox(component, pins) : undefined;
  return (
    <g
      data-testid={`component-${component.reference}`}
      data-id={component.id}
      data-selected={selected ? "true" : undefined}
    >
      {detail !== undefined ? (
        <SymbolRenderer geometry={detail.geometry} isPower={detail.is_power} placed={component} />
      ) : (
        <UnknownSymbol at={component.position} reference={component.reference} missing={missing} />
      )}
      {highlight !== null && (
        <rect
          data-export="skip"
          x={(box?.minX ?? component.position[0] - 100) - 30}
          y={(box?.minY ?? component.position[1] - 100) - 30}
          width={(box ? box.maxX - box.minX : 200) + 60}
          height={(box ? box.maxY - box.minY : 200) + 60}
          fill={highlight}
          fillOpacity={0.08}
          stroke={highlight}
          strokeWidth={6}
          strokeDasharray={selected ? undefined : "20 15"}
        />
      )}
    </g>
  );
});

const JunctionDots = memo(function JunctionDots({ junctions }: { junctions: readonly XY[] }) {
  return junctions.map(([x, y]) => (
    <circle key={`${x},${y}`} data-testid="junction" cx={x} cy={y} r={20} fill={WIRE_COLOUR} />
  ));
});

const LabelItem = memo(function LabelItem({
  label,
  selected,
  hovered,
}: {
  label: Label;
  selected: boolean;
  hovered: boolean;
}) {
  const [x, y] = label.position;
  return (
    <g
      data-testid={`label-${label.id}`}
      transform={`translate(${x} ${y}) rotate(${-(label.rotation ?? 0)})`}
    >
      <text
        x={10}
        y={-15}
        fontSize={60}
        fontFamily="sans-serif"
        fill={selected ? SELECT_COLOUR : hovered ? HOVER_COLOUR : "#000"}
        fontWeight={label.kind === "global" ? "bold" : undefined}
      >
        {label.text}
      </text>
      <line x1={0} y1={0} x2={0} y2={-20} stroke="#000" strokeWidth={4} />
    </g>
  );
});

const NoConnectItem = memo(function NoConnectItem({
  flag,
  selected,
}: {
  flag: NoConnect;
  selected: boolean;
}) {
  const [x, y] = flag.position;
  return (
    <g
      data-testid={`no-connect-${flag.id}`}
      stroke={selected ? SELECT_COLOUR : "#1a237e"}
      strokeWidth={8}
    >
      <line x1={x - 30} y1={y - 30} x2={x + 30} y2={y + 30} />
      <line x1={x - 30} y1={y + 30} x2={x + 30} y2={y - 30} />
    </g>
  );
});

/** A part whose symbol is still loading (grey) or unknown to the library (red). */
export function UnknownSymbol({
  at,
  reference,
  missing,
}: {
  at: XY;
  reference: string;
  missing: boolean;
}) {
  return (
    <g data-role={missing ? "unknown-symbol" : "loading-symbol"}>
      <rect
        x={at[0] - 100}
        y={at[1] - 100}
        width={200}
        height={200}
        fill="none"
        stroke={missing ? "#d32f2f" : "#9e9e9e"}
        strokeWidth={6}
        strokeDasharray="20 15"
      />
      <text
        x={at[0]}
        y={at[1]}
        fontSize={50}
        textAnchor="middle"
        dominantBaseline="central"
        fontFamily="sans-serif"
        fill="#0b5d7a"
      >
        {reference}
      </text>
    </g>
  );
}
