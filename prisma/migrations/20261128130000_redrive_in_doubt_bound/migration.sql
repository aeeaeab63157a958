-- A batch in doubt is now named by the highest ledger id it holds, on the job, instead of by marking each of its
-- items "sending": items still pending at or below this id were being produced when the worker stopped.
ALTER TABLE "redrive_jobs" ADD COLUMN "in_doubt_upto" BIGINT;
