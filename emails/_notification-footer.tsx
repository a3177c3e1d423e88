import { Link, Text } from "@react-email/components";

// The end of every notification the recipient chose (license changes, new
// orders, weekly summary): why they get it and the one link that stops it.
export function NotificationFooter({ settingsUrl }: { settingsUrl: string }) {
  return (
    <Text style={{ color: "#4b5563", fontSize: 14, lineHeight: "20px", margin: "16px 0 0" }}>
      You receive this because you chose it in your notification settings. To stop these emails, untick them at{" "}
      <Link href={settingsUrl} style={{ color: "#1d4ed8", wordBreak: "break-all" }}>
        {settingsUrl}
      </Link>
    </Text>
  );
}

const countFormat = new Intl.NumberFormat("en");

/** "1 license", "1,000 licenses". */
export function plural(count: number, one: string, many = `${one}s`) {
  return `${countFormat.format(count)} ${count === 1 ? one : many}`;
}
