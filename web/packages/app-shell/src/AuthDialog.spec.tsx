// @vitest-environment happy-dom
import { ApiError, type User } from "@ohmcloud/api-client";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AppShell } from "./AppShell";
import { AuthProvider } from "./auth-context";
import { FakeAuthService } from "./fake-auth-service";

afterEach(cleanup);

async function openDialog(auth: FakeAuthService, mode: "login" | "register") {
  render(
    <AuthProvider auth={auth}>
      <AppShell current="eda">content</AppShell>
    </AuthProvider>,
  );
  fireEvent.click(await screen.findByTestId(mode === "login" ? "login-open" : "register-open"));
  return screen.getByTestId("auth-dialog");
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("AuthDialog", () => {
  it("labels its inputs and shows email only when registering", async () => {
    const dialog = await openDialog(new FakeAuthService(), "login");
    expect(screen.getByLabelText("Username")).toBe(screen.getByTestId("auth-username"));
    expect(screen.getByLabelText("Password")).toBe(screen.getByTestId("auth-password"));
    expect(screen.queryByTestId("auth-email")).toBeNull();

    fireEvent.click(within(dialog).getByRole("button", { name: "Register" }));
    expect(screen.getByLabelText("Email (optional)")).toBe(screen.getByTestId("auth-email"));
  });

  it("logs in, closes, and shows the user", async () => {
    const auth = new FakeAuthService();
    await openDialog(auth, "login");
    type("auth-username", "ada");
    type("auth-password", "s3cret");
    fireEvent.click(screen.getByTestId("auth-submit"));
    expect((await screen.findByTestId("current-user")).textContent).toBe("ada");
    expect(screen.queryByTestId("auth-dialog")).toBeNull();
    expect(auth.calls[1]).toEqual({ method: "login", args: ["ada", "s3cret"] });
  });

  it("disables submit while the request is pending", async () => {
    const auth = new FakeAuthService();
    const reply = deferred<User>();
    auth.loginHandler = () => reply.promise;
    await openDialog(auth, "login");
    const submit = screen.getByTestId("auth-submit") as HTMLButtonElement;
    fireEvent.click(submit);
    expect(submit.disabled).toBe(true);
    reply.reject(new ApiError(400, [{ message: "Wrong username or password." }]));
    expect((await screen.findByTestId("auth-error")).textContent).toBe(
      "Wrong username or password.",
    );
    expect(submit.disabled).toBe(false);
  });

  it("shows a rate-limit message from the server", async () => {
    const auth = new FakeAuthService();
    auth.loginHandler = () =>
      Promise.reject(new ApiError(429, [{ message: "Too many attempts." }]));
    await openDialog(auth, "login");
    fireEvent.click(screen.getByTestId("auth-submit"));
    expect((await screen.findByTestId("auth-error")).textContent).toBe("Too many attempts.");
    expect(screen.getByTestId("auth-dialog")).toBeTruthy();
  });

  it("shows register field errors next to their fields", async () => {
    const auth = new FakeAuthService();
    auth.registerHandler = () =>
      Promise.reject(
        new ApiError(400, [
          { message: "This username is taken.", field: "username" },
          { message: "Enter a valid email address.", field: "email" },
        ]),
      );
    await openDialog(auth, "register");
    type("auth-username", "ada");
    type("auth-password", "pw");
    type("auth-email", "nope");
    fireEvent.click(screen.getByTestId("auth-submit"));

    expect((await screen.findByTestId("auth-username-error")).textContent).toBe(
      "This username is taken.",
    );
    expect(screen.getByTestId("auth-email-error").textContent).toBe("Enter a valid email address.");
    expect(screen.getByTestId("auth-username").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("auth-password").hasAttribute("aria-invalid")).toBe(false);
    expect(screen.queryByTestId("auth-error")).toBeNull();
    expect(auth.calls[1]).toEqual({ method: "register", args: ["ada", "pw", "nope"] });
  });

  it("registers without an email when the field is left empty", async () => {
    const auth = new FakeAuthService();
    await openDialog(auth, "register");
    type("auth-username", "bob");
    type("auth-password", "pw");
    fireEvent.click(screen.getByTestId("auth-submit"));
    expect((await screen.findByTestId("current-user")).textContent).toBe("bob");
    expect(auth.calls[1]).toEqual({ method: "register", args: ["bob", "pw", undefined] });
  });

  it("closes on Escape (the dialog's cancel event) without calling the server", async () => {
    const auth = new FakeAuthService();
    const dialog = await openDialog(auth, "login");
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(screen.queryByTestId("auth-dialog")).toBeNull();
    expect(auth.calls.map((call) => call.method)).toEqual(["me"]);
  });
});
