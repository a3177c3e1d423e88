import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

// Shared frame for every email: one column, system fonts, and the action as
// both a button and the raw URL, because some mail clients strip buttons and
// some readers prefer to see where a link goes.

const fontFamily = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const styles = {
  body: { backgroundColor: "#f9fafb", fontFamily, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e5e7eb", borderRadius: 8, maxWidth: 560, padding: 32 },
  heading: { color: "#111827", fontSize: 22, fontWeight: 600, margin: "0 0 16px" },
  text: { color: "#1f2937", fontSize: 16, lineHeight: "24px", margin: "0 0 16px" },
  button: {
    backgroundColor: "#1d4ed8",
    borderRadius: 6,
    color: "#ffffff",
    display: "inline-block",
    fontSize: 16,
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  small: { color: "#4b5563", fontSize: 14, lineHeight: "20px", margin: "16px 0 0" },
  link: { color: "#1d4ed8", wordBreak: "break-all" },
  footer: { color: "#6b7280", fontSize: 13, lineHeight: "20px", margin: 0 },
} satisfies Record<string, CSSProperties>;

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0" }} />
          <Text style={styles.footer}>Partner Portal</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={styles.small}>
        Or copy this link into your browser:
        <br />
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}

// Recipients may be anywhere, so the zone is spelled out rather than guessed.
const expiryFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function formatExpiry(iso: string): string {
  return `${expiryFormat.format(new Date(iso))} UTC`;
}
