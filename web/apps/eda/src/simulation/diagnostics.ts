/** The panel's one list of problems: ERC findings, ngspice diagnostics and refused requests. */
import type { ApiErrorDetail, Diagnostic, Finding } from "@ohmcloud/api-client";

export type Severity = "error" | "warning" | "info";

export interface PanelDiagnostic {
  /** Where it comes from: the schematic check, ngspice, or a refused request. */
  source: "erc" | "ngspice" | "request";
  severity: Severity;
  message: string;
  /** 1-based netlist line. */
  line?: number;
  code?: string;
  /** Schematic object ids and names to highlight (ERC findings). */
  component?: string;
  reference?: string;
  pin?: string;
  wire?: string;
  net?: string;
  label?: string;
  /** A request field, such as "analyses[0].stop". */
  field?: string;
}

export const SEVERITY_ICONS: Record<Severity, string> = { error: "⛔", warning: "⚠️", info: "ℹ️" };

export function fromFindings(findings: readonly Finding[] | undefined): PanelDiagnostic[] {
  return (findings ?? []).map((finding) => ({ source: "erc", ...finding }));
}

export function fromNgspice(diagnostics: readonly Diagnostic[] | undefined): PanelDiagnostic[] {
  return (diagnostics ?? []).map((diagnostic) => ({ source: "ngspice", ...diagnostic }));
}

/**
 * The errors of a refused request (400 and others): all errors. Those with an ERC code are the schematic
 * check's findings (a refused schematic simulation), so the canvas marks them like any other finding.
 */
export function fromErrors(details: readonly ApiErrorDetail[]): PanelDiagnostic[] {
  return details.map((detail) => ({
    source: detail.code !== undefined ? "erc" : "request",
    ...detail,
    severity: detail.severity === "warning" ? "warning" : "error",
  }));
}

/** The schematic check's errors and warnings among `list`: what the canvas marks on parts and pins. */
export function ercFindings(
  list: readonly PanelDiagnostic[],
): (PanelDiagnostic & { severity: "error" | "warning"; code: string })[] {
  return list
    .filter(
      (d): d is PanelDiagnostic & { severity: "error" | "warning" } =>
        d.source === "erc" && d.severity !== "info",
    )
    .map((d) => ({ ...d, code: d.code ?? "erc" }));
}

/** Errors first, then warnings, then the rest; stable within a severity. */
export function sortDiagnostics(list: readonly PanelDiagnostic[]): PanelDiagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return list
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => rank[a.diagnostic.severity] - rank[b.diagnostic.severity] || a.order - b.order)
    .map(({ diagnostic }) => diagnostic);
}

/** What a diagnostic points at, for a short prefix: "R1 pin 2", "line 4", "net N$3". */
export function describeTarget(d: PanelDiagnostic): string {
  const parts: string[] = [];
  if (d.reference) parts.push(d.pin ? `${d.reference} pin ${d.pin}` : d.reference);
  else if (d.pin) parts.push(`pin ${d.pin}`);
  if (d.net) parts.push(`net ${d.net}`);
  if (d.line !== undefined) parts.push(`line ${d.line}`);
  if (parts.length === 0 && d.field) parts.push(d.field);
  return parts.join(", ");
}

/** Line → messages, for the diagnostics that name a line. */
export function messagesByLine(
  list: readonly { line?: number; message: string }[],
): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  for (const { line, message } of list) {
    if (line === undefined) continue;
    lines.set(line, [...(lines.get(line) ?? []), message]);
  }
  return lines;
}
