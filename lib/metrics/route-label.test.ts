import { describe, expect, it } from "vitest";
import { routeLabel } from "./route-label";

describe("routeLabel", () => {
  it.each([
    ["/", "/"],
    ["/clusters", "/clusters"],
    ["/sagas/8f1c2a", "/sagas/*"],
    ["/api/health/ready", "/api/health/ready"],
    ["/api/otlp/v1/traces", "/api/otlp/v1/*"],
  ])("%s -> %s", (path, label) => expect(routeLabel(path)).toBe(label));
});
