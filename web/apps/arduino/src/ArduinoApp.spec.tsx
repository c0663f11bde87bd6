// @vitest-environment happy-dom
import { AuthProvider, type AuthService } from "@ohmcloud/app-shell";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { ArduinoApp } from "./ArduinoApp";

afterEach(cleanup);

// An anonymous visitor; the real server is exercised by the e2e browser tests.
const anonymous: AuthService = {
  me: () => Promise.resolve(null),
  login: () => Promise.reject(new Error("not used")),
  register: () => Promise.reject(new Error("not used")),
  logout: () => Promise.resolve(),
};

it("renders its title inside the shell with its navigation link current", async () => {
  render(
    <AuthProvider auth={anonymous}>
      <ArduinoApp />
    </AuthProvider>,
  );
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Arduino simulator");
  expect(screen.getByTestId("nav-arduino").getAttribute("aria-current")).toBe("page");
  expect(await screen.findByTestId("login-open")).toBeTruthy();
});
