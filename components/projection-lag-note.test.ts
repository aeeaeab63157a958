import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProjectionLagNote } from "./projection-lag-note";

const render = (seconds: number) => renderToStaticMarkup(createElement(ProjectionLagNote, { seconds, what: "The breaker states" }));

describe("ProjectionLagNote", () => {
  it("says nothing while the projector keeps up", () => {
    expect(render(0)).toBe("");
    expect(render(4.9)).toBe("");
  });

  it("says what may be out of date, and by how much, once the lag is noticeable", () => {
    expect(render(34.4)).toContain("The breaker states may be out of date: the spans of the last 34 s are not projected yet.");
  });
});
