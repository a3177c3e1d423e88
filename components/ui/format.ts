// Dates are shown in UTC with an explicit zone so server rendering is stable.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function formatDateTime(date: Date | null | undefined, empty = "Never"): string {
  return date ? `${dateTime.format(date)} UTC` : empty;
}
