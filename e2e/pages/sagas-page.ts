import { expect, type Locator, type Page } from "@playwright/test";

/** The sagas list and a saga's page, as an operator uses them. `base` is the Flowdeck under test. */
export class SagasPage {
  constructor(private readonly page: Page, private readonly base = "") {}

  /** The list, as the sidebar (or, later, the Overview's failing sagas) opens it. */
  async openList(query = ""): Promise<void> {
    await this.page.goto(`${this.base}/sagas${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Sagas" })).toBeVisible();
  }

  statusChip(status: string): Locator {
    return this.page.getByRole("navigation", { name: "Saga status" }).getByTestId(`saga-chip-${status}`);
  }

  async filterByStatus(status: string): Promise<void> {
    await this.statusChip(status).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]status=${status}(&|$)`));
    await expect(this.statusChip(status)).toHaveAttribute("aria-current", "true");
  }

  rows(): Locator {
    return this.page.getByTestId("sagas-table").getByTestId("saga-row");
  }

  /** Opens a saga from the list by following its name link; returns its id. */
  async openSaga(row: Locator): Promise<string> {
    const id = await row.getAttribute("data-saga-id");
    if (id === null) throw new Error("a saga row without its id");
    await row.getByRole("link").first().click();
    await expect(this.page).toHaveURL(new RegExp(`/sagas/${encodeURIComponent(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    return id;
  }

  timeline(): Locator {
    return this.page.getByTestId("saga-gantt");
  }

  compensations(): Locator {
    return this.timeline().getByTestId("gantt-lane-compensation").getByTestId("gantt-row");
  }

  /** The step the saga failed at, highlighted in the timeline. */
  failedStep(): Locator {
    return this.timeline().locator('[data-testid="gantt-row"][data-saga-failure="true"]');
  }

  summaryFailure(): Locator {
    return this.page.getByTestId("saga-failure");
  }
}
