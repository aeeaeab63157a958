import type { Locator, Page } from "@playwright/test";

export class ClustersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/clusters");
  }

  status(cluster: string): Locator {
    return this.page.getByTestId(`cluster-status-${cluster}`);
  }

  topicRow(cluster: string, topic: string): Locator {
    return this.page.getByTestId(`topics-${cluster}`).getByTestId("topic-row").filter({ hasText: topic });
  }
}
