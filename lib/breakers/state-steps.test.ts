import { describe, expect, it } from "vitest";
import { stateSteps, timeInStates, type StateChange } from "./state-steps";

const from = new Date("2026-03-14T09:00:00Z");
const to = new Date("2026-03-14T09:10:00Z");
const min = (m: number) => new Date(from.getTime() + m * 60_000);
const change = (m: number, fromState: StateChange["fromState"], toState: StateChange["toState"]): StateChange => ({ at: min(m), fromState, toState });

describe("breaker state steps", () => {
  it("starts in the state of the last transition before the window", () => {
    const steps = stateSteps(change(-30, "closed", "open"), [change(2, "open", "half_open"), change(3, "half_open", "closed")], from, to);
    expect(steps).toEqual([
      { t: from.getTime(), state: "open" },
      { t: min(2).getTime(), state: "half_open" },
      { t: min(3).getTime(), state: "closed" },
      { t: to.getTime(), state: "closed" },
    ]);
  });

  it("without an earlier transition, starts in the first transition's previous state", () => {
    expect(stateSteps(null, [change(5, "closed", "open")], from, to)[0]).toEqual({ t: from.getTime(), state: "closed" });
  });

  it("is unknown before the window when nothing says what it was", () => {
    expect(stateSteps(null, [change(5, null, "open")], from, to)[0]?.state).toBeNull();
    expect(stateSteps(null, [], from, to)).toEqual([{ t: from.getTime(), state: null }, { t: to.getTime(), state: null }]);
  });

  it("holds the state before the window through a window with no transitions", () => {
    expect(stateSteps(change(-1, "closed", "open"), [], from, to)).toEqual([{ t: from.getTime(), state: "open" }, { t: to.getTime(), state: "open" }]);
  });

  it("keeps the last of several changes in one instant and ignores changes outside the window", () => {
    const steps = stateSteps(null, [change(-2, "closed", "open"), change(4, "open", "half_open"), change(4, "half_open", "open"), change(12, "open", "closed")], from, to);
    expect(steps.map((s) => s.state)).toEqual(["open", "open", "open"]);
  });

  it("adds up the time spent in each state, leaving unknown time out", () => {
    const steps = stateSteps(null, [change(1, null, "open"), change(4, "open", "half_open"), change(5, "half_open", "closed")], from, to);
    expect(timeInStates(steps)).toEqual({ open: 3 * 60_000, half_open: 60_000, closed: 5 * 60_000 });
  });
});
