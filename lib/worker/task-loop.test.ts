import { describe, expect, it } from "vitest";
import { runTaskLoop, type TaskRunRecorder } from "./task-loop";

function recorder(events: string[]): TaskRunRecorder {
  return {
    started: async (task) => void events.push(`start ${task}`),
    finished: async (task, error) => void events.push(`end ${task}${error ? `: ${error}` : ""}`),
  };
}

describe("runTaskLoop", () => {
  it("keeps running after a failed run and stops when aborted", async () => {
    const events: string[] = [];
    const controller = new AbortController();
    let calls = 0;
    const task = {
      name: "flaky",
      intervalMs: 1,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error("broker gone");
        if (calls === 3) controller.abort();
      },
    };
    await runTaskLoop(task, controller.signal, recorder(events));
    expect(calls).toBe(3);
    expect(events).toEqual(["start flaky", "end flaky: broker gone", "start flaky", "end flaky", "start flaky", "end flaky"]);
  });

  it("does not start a run once aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await runTaskLoop({ name: "t", intervalMs: 1, run: async () => { calls++; } }, controller.signal, recorder([]));
    expect(calls).toBe(0);
  });
});
