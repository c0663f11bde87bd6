/**
 * The parts palette: a search box over the part kinds, grouped (boards, basics, displays, ...).
 * Clicking a part places it in free space; dragging it onto the stage places it there.
 */
import { useMemo, useState } from "react";
import { searchKinds, type KindInfo } from "./model/kinds";

/** The drag-and-drop data type carrying a part kind from the palette to the stage. */
export const PART_KIND_MIME = "application/x-ohmcloud-part-kind";

export interface PaletteProps {
  onPlace(kind: string): void;
}

export function Palette({ onPlace }: PaletteProps) {
  const [query, setQuery] = useState("");
  const found = useMemo(() => searchKinds(query), [query]);
  const groups = useMemo(() => groupByGroup(found), [found]);
  return (
    <nav className="ws-palette" aria-label="Parts">
      <input
        type="search"
        className="ws-palette-search"
        placeholder="Search parts…"
        aria-label="Search parts"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="palette-search"
      />
      {groups.length === 0 && <p className="ws-muted">No part matches “{query}”.</p>}
      {groups.map(([group, kinds]) => (
        <section key={group} className="ws-palette-group">
          <h3>{group}</h3>
          <ul>
            {kinds.map((info) => (
              <li key={info.kind}>
                <button
                  type="button"
                  className="ws-palette-item"
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PART_KIND_MIME, info.kind);
                    event.dataTransfer.effectAllowed = "copy";
                  }}
                  onClick={() => onPlace(info.kind)}
                  title={`Add ${info.title} (or drag it onto the workspace)`}
                  data-testid={`palette-${info.kind}`}
                >
                  {info.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** Kinds by group, groups in the order they first appear. */
function groupByGroup(kinds: readonly KindInfo[]): [string, KindInfo[]][] {
  const groups = new Map<string, KindInfo[]>();
  for (const info of kinds) {
    const list = groups.get(info.group) ?? [];
    list.push(info);
    groups.set(info.group, list);
  }
  return [...groups];
}
