import { expect, type Locator, type Page } from "@playwright/test";

/** The Overview, as an operator reads it during an incident. `base` is the Flowdeck under test. */
export class OverviewPage {
  constructor(private readonly page: Page, private readonly base = "") {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.base}/overview${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  }

  /** What the page says is failing, worst first. */
  findings(): Locator {
    return this.page.getByTestId("overview-attention").getByTestId("overview-finding");
  }

  calm(): Locator {
    return this.page.getByTestId("overview-calm");
  }

  section(id: "dlq" | "breakers" | "sagas" | "ingest" | "brokers"): Locator {
    return this.page.getByTestId(`overview-${id}`);
  }

  /** The count of sagas with `status` in the window; a link to the sagas list filtered to it. */
  sagaCount(status: "failed" | "stuck" | "compensating" | "compensated"): Locator {
    return this.page.getByTestId(`overview-saga-count-${status}`);
  }

  recentSagas(status?: string): Locator {
    const rows = this.page.getByTestId("overview-recent-sagas").getByTestId("overview-saga");
    return status === undefined ? rows : rows.and(this.page.locator(`[data-status="${status}"]`));
  }

  /** Opens a saga from the recent list by its name link; returns its id. */
  async openSaga(row: Locator): Promise<string> {
    const id = await row.getAttribute("data-saga-id");
    if (id === null) throw new Error("a saga row without its id");
    await row.getByRole("link").first().click();
    await expect(this.page).toHaveURL(new RegExp(`/sagas/${encodeURIComponent(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    return id;
  }

  dlqRow(topic: string): Locator {
    return this.section("dlq").locator(`[data-testid="overview-dlq-row"][data-topic="${topic}"]`);
  }

  cluster(name: string): Locator {
    return this.section("brokers").locator(`[data-testid="overview-cluster"][data-cluster="${name}"]`);
  }
}
