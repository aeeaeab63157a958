import type { Locator, Page } from "@playwright/test";

export class TracesPage {
  constructor(private readonly page: Page) {}

  async openSearch(query = ""): Promise<void> {
    await this.page.goto(`/traces${query}`);
  }

  searchForm(): Locator {
    return this.page.getByRole("search", { name: "Search traces" });
  }

  async searchBy(field: "Service" | "Saga key" | "Message ID", value: string): Promise<void> {
    await this.page.goto("/traces?range=15m");
    await this.searchForm().getByLabel(field, { exact: true }).fill(value);
    await this.searchForm().getByRole("button", { name: "Search" }).click();
  }

  results(): Locator {
    return this.page.getByTestId("traces-table").getByTestId("trace-row");
  }

  resultRow(traceId: string): Locator {
    return this.page.locator(`[data-testid="trace-row"][data-trace-id="${traceId}"]`);
  }

  async openTrace(traceId: string, spanId?: string): Promise<void> {
    await this.page.goto(`/traces/${traceId}${spanId ? `?span=${spanId}` : ""}`);
  }

  waterfall(): Locator {
    return this.page.getByTestId("waterfall");
  }

  spanRows(): Locator {
    return this.waterfall().getByTestId("span-row");
  }

  spanRow(name: string): Locator {
    return this.spanRows().filter({ has: this.page.getByRole("button", { name, exact: true }) });
  }

  details(): Locator {
    return this.page.getByTestId("span-details");
  }

  /** Switches theme and reloads, then waits for `ready` so a screenshot never catches the loading skeleton. */
  async useTheme(theme: "light" | "dark", ready: Locator): Promise<void> {
    await this.page.evaluate((t) => window.localStorage.setItem("flowdeck-theme", t), theme);
    await this.page.reload();
    await ready.first().waitFor();
  }
}
