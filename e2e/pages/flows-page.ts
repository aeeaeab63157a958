import type { Locator, Page } from "@playwright/test";

/** The flow map: nodes and edges are links named for what they are ("Service x", "x consumes y as g"). */
export class FlowsPage {
  constructor(private readonly page: Page, private readonly baseUrl = "") {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`${this.baseUrl}/flows${query}`);
  }

  map(): Locator {
    return this.page.getByTestId("flow-map");
  }

  node(name: string): Locator {
    return this.map().getByRole("link", { name, exact: true });
  }

  edge(name: string): Locator {
    return this.map().getByTestId("flow-edge").and(this.page.getByRole("link", { name, exact: true }));
  }

  panel(): Locator {
    return this.page.getByRole("complementary", { name: "Selected on the map" });
  }

  series(): Locator {
    return this.panel().getByTestId("flow-series");
  }

  problems(): Locator {
    return this.page.getByTestId("flows-url-problems");
  }
}
