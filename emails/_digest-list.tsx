import { Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { plural } from "./_notification-footer.tsx";

const itemStyle = { color: "#1f2937", fontSize: 14, lineHeight: "20px", margin: "0 0 4px" } satisfies CSSProperties;

/**
 * The list in a digest email (license changes, new orders, weekly summary):
 * a bullet per item sent, and "… and 1,498 more changes." when `total` says
 * there were more than the first few the email carries.
 */
export function DigestList<Item>({
  items,
  total,
  noun,
  style = itemStyle,
  children,
}: {
  items: Item[];
  /** How many there were in all. */
  total: number;
  /** What an item is, singular: "change" gives "… and 3 more changes." */
  noun: string;
  style?: CSSProperties;
  /** One item's line, after the bullet. */
  children: (item: Item) => ReactNode;
}) {
  const more = total - items.length;
  return (
    <>
      {items.map((item, index) => (
        <Text key={index} style={style}>
          • {children(item)}
        </Text>
      ))}
      {more > 0 && <Text style={style}>… and {plural(more, `more ${noun}`)}.</Text>}
    </>
  );
}
