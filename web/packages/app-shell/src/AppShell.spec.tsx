// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AppShell } from "./AppShell";
import { AuthProvider } from "./auth-context";
import { FakeAuthService } from "./fake-auth-service";

afterEach(cleanup);

function renderShell(auth: FakeAuthService, current: "eda" | "arduino" = "eda") {
  return render(
    <AuthProvider auth={auth}>
      <AppShell current={current}>
        <p>page content</p>
      </AppShell>
    </AuthProvider>,
  );
}

describe("AppShell", () => {
  it("links the brand home and marks the current app in the navigation", async () => {
    renderShell(new FakeAuthService(), "arduino");
    await screen.findByTestId("login-open");
    expect(screen.getByRole("link", { name: "OhmCloud" }).getAttribute("href")).toBe("/");
    const eda = screen.getByTestId("nav-eda");
    const arduino = screen.getByTestId("nav-arduino");
    expect(eda.getAttribute("href")).toBe("/eda/");
    expect(arduino.getAttribute("href")).toBe("/arduino/");
    expect(arduino.getAttribute("aria-current")).toBe("page");
    expect(eda.hasAttribute("aria-current")).toBe(false);
    expect(screen.getByText("page content")).toBeTruthy();
  });

  it("offers log in and register when anonymous", async () => {
    const auth = new FakeAuthService();
    renderShell(auth);
    expect(await screen.findByTestId("register-open")).toBeTruthy();
    expect(screen.getByTestId("login-open")).toBeTruthy();
    expect(screen.queryByTestId("current-user")).toBeNull();
    expect(auth.calls).toEqual([{ method: "me", args: [] }]);
  });

  it("shows the logged-in user and logs out", async () => {
    const auth = new FakeAuthService();
    auth.meHandler = () => Promise.resolve({ id: 7, username: "ada", email: "ada@example.com" });
    renderShell(auth);
    expect((await screen.findByTestId("current-user")).textContent).toBe("ada");
    expect(screen.queryByTestId("login-open")).toBeNull();

    fireEvent.click(screen.getByTestId("logout"));
    await screen.findByTestId("login-open");
    expect(screen.queryByTestId("current-user")).toBeNull();
    expect(auth.calls.map((call) => call.method)).toEqual(["me", "logout"]);
  });

  it("treats an unreachable server at start-up as anonymous", async () => {
    const auth = new FakeAuthService();
    auth.meHandler = () => Promise.reject(new Error("offline"));
    renderShell(auth);
    expect(await screen.findByTestId("login-open")).toBeTruthy();
  });
});
