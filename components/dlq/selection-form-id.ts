/** The form the message table's checkboxes belong to (by their form attribute), so the table can stay a server component. */
export const SELECTION_FORM = "dlq-selection";
