import { ApiError } from "@ohmcloud/api-client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useAuth } from "./auth-context";

export type AuthMode = "login" | "register";

type Field = "username" | "password" | "email";

const FIELDS: Record<AuthMode, Field[]> = {
  login: ["username", "password"],
  register: ["username", "password", "email"],
};

export interface AuthDialogProps {
  mode: AuthMode;
  onModeChange(mode: AuthMode): void;
  onClose(): void;
}

/** Modal log-in / register form; closes on success, Escape or Cancel. */
export function AuthDialog({ mode, onModeChange, onClose }: AuthDialogProps) {
  const { login, register } = useAuth();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // A modal <dialog> gives focus trapping, the backdrop and Escape handling for free.
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function switchMode(next: AuthMode) {
    setError(null);
    onModeChange(next);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (mode === "login") await login(username, password);
      else await register(username, password, email.trim() || undefined);
      onClose();
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, [{ message: "Something went wrong. Please try again." }]),
      );
      setPending(false);
    }
  }

  const shownFields = FIELDS[mode];
  const generalMessages = error
    ? error.errors
        .filter(
          (detail) => detail.field === undefined || !shownFields.includes(detail.field as Field),
        )
        .map((detail) => detail.message)
    : [];
  const fieldMessages = (field: Field) => error?.fieldMessages(field) ?? [];
  const title = mode === "login" ? "Log in" : "Create an account";

  return (
    <dialog
      ref={dialogRef}
      className="oc-dialog"
      data-testid="auth-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React state own the open/closed state instead of the element.
        event.preventDefault();
        onClose();
      }}
    >
      <form className="oc-form" onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {generalMessages.length > 0 && (
          <p className="oc-form-error" role="alert" data-testid="auth-error">
            {generalMessages.join(" ")}
          </p>
        )}
        <TextField
          field="username"
          label="Username"
          value={username}
          onChange={setUsername}
          autoComplete="username"
          messages={fieldMessages("username")}
          autoFocus
        />
        <TextField
          field="password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete={mode === "login" ? "current-password" : "new-password"}
          messages={fieldMessages("password")}
        />
        {mode === "register" && (
          <TextField
            field="email"
            label="Email (optional)"
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="email"
            messages={fieldMessages("email")}
          />
        )}
        <div className="oc-form-actions">
          <button type="button" className="oc-button oc-button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="oc-button oc-button-primary"
            disabled={pending}
            data-testid="auth-submit"
          >
            {pending ? "Please wait…" : mode === "login" ? "Log in" : "Register"}
          </button>
        </div>
        <p className="oc-form-switch">
          {mode === "login" ? "No account yet? " : "Already have an account? "}
          <button
            type="button"
            className="oc-link-button"
            onClick={() => switchMode(mode === "login" ? "register" : "login")}
          >
            {mode === "login" ? "Register" : "Log in"}
          </button>
        </p>
      </form>
    </dialog>
  );
}

interface TextFieldProps {
  field: Field;
  label: string;
  value: string;
  onChange(value: string): void;
  messages: string[];
  type?: "text" | "password" | "email";
  autoComplete: string;
  autoFocus?: boolean;
}

function TextField({
  field,
  label,
  value,
  onChange,
  messages,
  type = "text",
  autoComplete,
  autoFocus,
}: TextFieldProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const invalid = messages.length > 0;
  return (
    <div className="oc-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        name={field}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        data-testid={`auth-${field}`}
      />
      {invalid && (
        <p id={errorId} className="oc-field-error" data-testid={`auth-${field}-error`}>
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}
