import { Fragment, type ReactNode } from "react";
import type { Overview } from "@/lib/overview";
import { orderSections, sectionSeverity, type Finding, type SectionId } from "@/lib/overview/attention";
import { BreakersSection } from "./breakers-section";
import { BrokersSection } from "./brokers-section";
import { DlqSection } from "./dlq-section";
import { IngestSection } from "./ingest-section";
import { SagasSection } from "./sagas-section";

/** Every section of the overview, failing ones first; the store's sections are left out while Postgres is down. */
export function OverviewSections({ overview, found, now, windowLabel, sagaListHref }: {
  overview: Overview; found: Finding[]; now: Date; windowLabel: string; sagaListHref: (status: string) => string;
}) {
  const store = overview.store.ok ? overview.store.data : null;
  const severity = (id: SectionId) => sectionSeverity(found, id);
  const sections: Record<SectionId, ReactNode> = {
    dlq: store && <DlqSection dlq={store.dlq} severity={severity("dlq")} now={now} windowLabel={windowLabel} />,
    breakers: store && <BreakersSection breakers={store.breakers} severity={severity("breakers")} now={now} windowLabel={windowLabel} />,
    sagas: store && <SagasSection sagas={store.sagas} severity={severity("sagas")} windowLabel={windowLabel} listHref={sagaListHref} />,
    ingest: store && <IngestSection ingest={store.ingest} severity={severity("ingest")} now={now} />,
    brokers: <BrokersSection brokers={overview.brokers} severity={severity("brokers")} />,
  };
  return (
    <div className="grid grid-flow-row-dense grid-cols-1 items-start gap-4 xl:grid-cols-2">
      {orderSections(found).map((id) => <Fragment key={id}>{sections[id]}</Fragment>)}
    </div>
  );
}
