import type { Locator, Page } from "@playwright/test";

export class DlqPage {
  constructor(private readonly page: Page) {}

  async open(query = ""): Promise<void> {
    await this.page.goto(`/dlq${query}`);
  }

  topicRow(topic: string): Locator {
    return this.page.getByTestId("dlq-topics").locator(`[data-testid="dlq-topic-row"][data-topic="${topic}"]`);
  }
}
