import type { Metadata } from "next";
import Link from "next/link";
import { hasRole, type Operator } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  COUNT_CAP, browseFilterRefusal, browseMessages, countPendingMatching, errorGroups, findDlqTopic, getDlqMessage, listAwaitingApprovalRequests,
  messageCorrelation, readDlqPayload, type DlqPayload,
} from "@/lib/dlq";
import { configuredClusterNames } from "@/lib/kafka";
import { projectionLagSeconds } from "@/lib/projector";
import { browseHref, parseBrowseUrl, type RawSearchParams } from "@/components/dlq/browse-url";
import { DiscardForm } from "@/components/dlq/discard-form";
import { DiscardRequests } from "@/components/dlq/discard-requests";
import { ErrorGroupsTable } from "@/components/dlq/error-groups-table";
import { FilterForm } from "@/components/dlq/filter-form";
import { MessageDrawer } from "@/components/dlq/message-drawer";
import { MessagesTable } from "@/components/dlq/messages-table";
import { RedriveForm } from "@/components/dlq/redrive-form";
import { SelectionActions } from "@/components/dlq/selection-actions";
import { UrlProblems } from "@/components/traces/url-problems";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageRole } from "@/lib/auth/page-access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "DLQ messages" };

type Params = { cluster: string; topic: string };

export default async function DlqTopicPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<RawSearchParams> }) {
  const operator = await requirePageRole();
  // Viewers get no redrive or discard controls; the actions refuse them on the server regardless.
  const canAct = hasRole(operator, "operator");
  const [{ cluster: rawCluster, topic: rawTopic }, query] = await Promise.all([params, searchParams]);
  const cluster = decodeURIComponent(rawCluster);
  const topic = decodeURIComponent(rawTopic);
  const back = <Link href={`/dlq?cluster=${encodeURIComponent(cluster)}`} className="text-sm text-muted hover:text-fg">← All DLQ topics</Link>;
  const known = configuredClusterNames().includes(cluster) ? await findDlqTopic(cluster, topic) : null;
  if (!known) {
    return (
      <>
        <PageHeader title={topic} description={`Dead-letter topic on ${cluster}`} />
        <p role="alert" data-testid="dlq-unknown-topic" className="mb-4 rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
          Flowdeck knows no dead-letter topic “{topic}” on a cluster “{cluster}”. Topics are found every 30 seconds; check the name on the DLQ page.
        </p>
        {back}
      </>
    );
  }
  const parsed = parseBrowseUrl(cluster, topic, query);
  const base = `/dlq/${encodeURIComponent(cluster)}/${encodeURIComponent(topic)}`;
  const header = <PageHeader title={topic} description={`Dead-letter topic on ${cluster} · ${known.pending.toLocaleString("en-US")} pending${known.gone ? " · the topic no longer exists" : ""}`} />;
  if (!parsed.ok) {
    return (<>{header}<UrlProblems problems={parsed.problems} title="This link has a problem, so no messages were listed" resetHref={base} /><FilterForm action={base} url={{}} />{back}</>);
  }
  const { view } = parsed;
  // A filter that could find messages by a value masked from this operator is refused, not run (lib/dlq/masking).
  const refusal = browseFilterRefusal(view.input, operator);
  if (refusal !== null) {
    return (
      <>
        {header}
        <FilterForm action={base} url={view.url} />
        <p role="alert" data-testid="dlq-filter-refused" className="mb-4 rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">{refusal}</p>
        <Link href={base} className="text-sm text-accent hover:underline">Clear the filters</Link>
      </>
    );
  }
  const href = (changes: Parameters<typeof browseHref>[3]) => browseHref(cluster, topic, view.url, changes);
  const grouped = view.url.group === "errors";
  const [page, groups, drawer, pendingMatching, discardRequests] = await Promise.all([
    grouped ? null : browseMessages(view.input, operator),
    grouped ? errorGroups(view.input, operator) : null,
    view.message ? openMessage(cluster, topic, view.message.partition, view.message.offset, operator) : null,
    countPendingMatching(view.input, operator),
    listAwaitingApprovalRequests({ cluster, topic, kind: "discard" }),
  ]);
  const approvalAbove = getConfig().fourEyesAbove;
  // "All matching" means the filter as shown, whatever page or message is open.
  const filterQuery = new URL(href({ cursor: undefined, msg: undefined, group: undefined }), "http://flowdeck").search.slice(1);
  const matchingLabel = pendingMatching > COUNT_CAP ? `over ${COUNT_CAP.toLocaleString("en-US")}` : pendingMatching.toLocaleString("en-US");
  return (
    <>
      {header}
      <DiscardRequests requests={discardRequests} viewerId={operator.id} viewerIsOperator={hasRole(operator, "operator")} />
      <FilterForm action={base} url={view.url} />
      <div className={drawer ? "grid grid-cols-1 gap-4 xl:grid-cols-[1fr_28rem]" : ""}>
        <section>
          <div className="mb-2 flex items-center justify-between">
            <h2 id="dlq-messages-heading" className="text-sm font-medium">{grouped ? "By error type" : "Messages, newest first"}</h2>
            <nav aria-label="View" className="flex gap-3 text-sm">
              <Link href={href({ group: undefined, cursor: undefined })} aria-current={grouped ? undefined : "page"} className={grouped ? "text-muted" : "font-medium"}>Messages</Link>
              <Link href={href({ group: "errors", cursor: undefined, msg: undefined })} aria-current={grouped ? "page" : undefined} className={grouped ? "font-medium" : "text-muted"}>Group by error</Link>
            </nav>
          </div>
          {pendingMatching > 0 && canAct && (
            <div className="mb-2 flex flex-wrap items-start gap-2">
              <RedriveForm cluster={cluster} topic={topic} selection={{ kind: "filter", query: filterQuery }} testId="dlq-redrive-matching"
                label={`Redrive all ${matchingLabel} pending matching`} />
              <DiscardForm cluster={cluster} topic={topic} selection={{ kind: "filter", query: filterQuery }} testId="dlq-discard-matching"
                label={`Discard all ${matchingLabel} pending matching`} count={pendingMatching > COUNT_CAP ? null : pendingMatching} approvalAbove={approvalAbove} />
            </div>
          )}
          {page && canAct && <SelectionActions cluster={cluster} topic={topic} approvalAbove={approvalAbove} />}
          {groups && <ErrorGroupsTable groups={groups} hrefOf={(errorType) => href({ group: undefined, error: errorType, cursor: undefined })} />}
          {page && <MessagesTable items={page.items} hrefOf={(m) => href({ msg: `${m.partition}:${m.offset}` })} />}
          <div className="mt-3 flex gap-4 text-sm">
            {view.url.cursor && <Link href={href({ cursor: undefined, msg: undefined })} className="text-accent hover:underline">Newest</Link>}
            {page?.nextCursor && <Link href={href({ cursor: page.nextCursor, msg: undefined })} className="text-accent hover:underline">Older →</Link>}
          </div>
          <div className="mt-4 flex gap-4">{back}<Link href="/dlq/jobs" className="text-sm text-muted hover:text-fg">Redrive jobs</Link></div>
        </section>
        {drawer && (drawer.message
          ? <MessageDrawer message={drawer.message} correlation={drawer.correlation} payload={drawer.payload} closeHref={href({ msg: undefined })}
              projectionLagSeconds={drawer.lag}
              actions={drawer.message.status === "pending" && canAct
                ? (
                  <div className="flex flex-col gap-2">
                    <RedriveForm cluster={cluster} topic={topic} selection={{ kind: "messages", positions: [`${drawer.message.partition}:${drawer.message.offset}`] }}
                      label="Redrive this message" testId="dlq-redrive-message" />
                    <DiscardForm cluster={cluster} topic={topic} selection={{ kind: "messages", positions: [`${drawer.message.partition}:${drawer.message.offset}`] }}
                      label="Discard this message" testId="dlq-discard-message" />
                  </div>
                )
                : null}
              downloadHref={`/api/dlq/${encodeURIComponent(cluster)}/${encodeURIComponent(topic)}/payload?partition=${drawer.message.partition}&offset=${drawer.message.offset}`} />
          : <p role="alert" className="text-sm text-warn">The index has no message at that position.</p>)}
      </div>
    </>
  );
}

async function openMessage(cluster: string, topic: string, partition: number, offset: bigint, operator: Operator) {
  const message = await getDlqMessage(cluster, topic, partition, offset, operator);
  if (!message) return { message: null } as const;
  const [correlation, lag, payload] = await Promise.all([
    messageCorrelation(cluster, message),
    projectionLagSeconds(),
    readDlqPayload(cluster, topic, partition, offset, operator).then(
      (value): { ok: true; value: DlqPayload } => ({ ok: true, value }),
      (error: unknown): { ok: false; reason: string } => {
        // The metadata stays useful when Kafka cannot give the payload (retention, a broker down).
        if (error instanceof AppError) return { ok: false, reason: error.message };
        throw error;
      },
    ),
  ]);
  return { message, correlation, payload, lag } as const;
}
