"use client";
import { useEffect, useState } from "react";
import { DiscardForm } from "./discard-form";
import { RedriveForm } from "./redrive-form";
import { SELECTION_FORM } from "./selection-form-id";


/** Redrive or discard the messages ticked in the table; shown once at least one is ticked. */
export function SelectionActions({ cluster, topic, approvalAbove }: { cluster: string; topic: string; approvalAbove: number | null }) {
  const [positions, setPositions] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const read = () => {
      const ticked = [...document.querySelectorAll<HTMLInputElement>(`input[form="${SELECTION_FORM}"][name="position"]:checked`)].map((box) => box.value);
      setPositions((before) => (before.join() === ticked.join() ? before : ticked));
    };
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.form?.id === SELECTION_FORM) {
        setNotice(null);
        read();
      }
    };
    // A refresh after a discard removes ticked rows without a change event.
    const observer = new MutationObserver(read);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener("change", onChange);
    read();
    return () => {
      observer.disconnect();
      document.removeEventListener("change", onChange);
    };
  }, []);
  const count = positions.length;
  return (
    <>
    {count === 0 && notice && <p role="status" data-testid="dlq-selection-notice" className="mb-2 text-sm text-ok">{notice}</p>}
    {/* Empty and always there: the checkboxes belong to it; the action forms cannot nest inside a form. */}
    <form id={SELECTION_FORM} onSubmit={(event) => event.preventDefault()} hidden />
    <div aria-label="Selected messages" role="group" className={count === 0 ? "hidden" : "mb-2 flex flex-wrap items-start gap-2"}>
      {count > 0 && (
        <>
          <span className="py-1 text-sm font-medium" data-testid="dlq-selected-count">{count} selected</span>
          {/* keyed by the selection, so a change of it starts the confirmation over */}
          <RedriveForm key={`r-${positions.join()}`} cluster={cluster} topic={topic} selection={{ kind: "messages", positions }} testId="dlq-redrive-selected" label={`Redrive ${count} selected`} />
          <DiscardForm key={`d-${positions.join()}`} cluster={cluster} topic={topic} selection={{ kind: "messages", positions }} testId="dlq-discard-selected" label={`Discard ${count} selected`} onDone={setNotice}
            count={count} approvalAbove={approvalAbove} />
        </>
      )}
    </div>
    </>
  );
}
