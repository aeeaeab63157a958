import type { Locator, Page } from "@playwright/test";

/** The breakers board and a breaker's history page, against a Flowdeck at `baseUrl`. */
export class BreakersPage {
  constructor(private readonly page: Page, private readonly baseUrl = "") {}

  async openBoard(query = "?range=15m"): Promise<void> {
    await this.page.goto(`${this.baseUrl}/breakers${query}`);
  }

  board(): Locator {
    return this.page.getByTestId("breakers-board");
  }

  row(service: string, breaker: string): Locator {
    return this.board().locator(`[data-testid="breaker-row"][data-service="${service}"][data-breaker="${breaker}"]`);
  }

  stateOf(service: string, breaker: string): Locator {
    return this.row(service, breaker).getByTestId("breaker-state");
  }

  async openBreaker(service: string, breaker: string): Promise<void> {
    await this.row(service, breaker).getByRole("link", { name: breaker }).click();
  }

  stateChart(): Locator {
    return this.page.getByTestId("breaker-state-chart");
  }

  callsChart(): Locator {
    return this.page.getByTestId("breaker-calls-chart");
  }

  transitions(toState?: "open" | "half_open" | "closed"): Locator {
    const rows = this.page.getByTestId("breaker-transitions").getByTestId("breaker-transition");
    return toState ? rows.and(this.page.locator(`[data-to="${toState}"]`)) : rows;
  }
}
