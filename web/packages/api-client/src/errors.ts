/** One entry of the server's error shape: `{"errors": [{"message", "field"?, "line"?}]}`. */
export interface ApiErrorDetail {
  message: string;
  /** The request field the message is about, e.g. "username". */
  field?: string;
  /** 1-based line in submitted text (netlist, sketch) the message is about. */
  line?: number;
  /** ERC findings (schematic simulations) also say what to highlight. */
  severity?: string;
  code?: string;
  component?: string;
  reference?: string;
  pin?: string;
  wire?: string;
  net?: string;
  label?: string;
}

const TEXT_FIELDS = [
  "field",
  "severity",
  "code",
  "component",
  "reference",
  "pin",
  "wire",
  "net",
  "label",
] as const;

/** A failed API call: an error response (status >= 400), an unreadable response, or no response at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorDetail[];

  constructor(status: number, errors: ApiErrorDetail[]) {
    super(
      errors.map((error) => error.message).join(" ") || `Request failed with status ${status}.`,
    );
    this.name = "ApiError";
    this.status = status;
    this.errors = errors;
  }

  /** Messages about one request field. */
  fieldMessages(field: string): string[] {
    return this.errors.filter((error) => error.field === field).map((error) => error.message);
  }

  /** Messages not tied to a request field. */
  generalMessages(): string[] {
    return this.errors.filter((error) => error.field === undefined).map((error) => error.message);
  }
}

/** Reads `errors` from a parsed error body; anything not in the documented shape is ignored. */
export function parseErrorDetails(body: unknown): ApiErrorDetail[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  const details: ApiErrorDetail[] = [];
  for (const entry of body.errors) {
    if (!isRecord(entry) || typeof entry.message !== "string") continue;
    const detail: ApiErrorDetail = { message: entry.message };
    for (const key of TEXT_FIELDS) {
      const value = entry[key];
      if (typeof value === "string") detail[key] = value;
    }
    if (typeof entry.line === "number") detail.line = entry.line;
    details.push(detail);
  }
  return details;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
