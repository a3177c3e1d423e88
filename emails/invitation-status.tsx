import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

// To admins who opted in: an invitation was accepted, or ran out unused.
export type InvitationStatusEmailProps = {
  firstName: string;
  event: "accepted" | "expired";
  inviteeName: string;
  inviteeEmail: string;
  teamUrl: string;
};

export const subject = ({ event, inviteeName }: InvitationStatusEmailProps) =>
  event === "accepted" ? `${inviteeName} accepted their invitation` : `${inviteeName}'s invitation expired`;

export default function InvitationStatusEmail({ firstName, event, inviteeName, inviteeEmail, teamUrl }: InvitationStatusEmailProps) {
  return (
    <EmailLayout
      preview={subject({ firstName, event, inviteeName, inviteeEmail, teamUrl })}
      heading={event === "accepted" ? "Invitation accepted" : "Invitation expired"}
    >
      <Paragraph>Hello {firstName},</Paragraph>
      {event === "accepted" ? (
        <Paragraph>
          {inviteeName} ({inviteeEmail}) activated their Partner Portal account and can now sign in.
        </Paragraph>
      ) : (
        <Paragraph>
          The invitation for {inviteeName} ({inviteeEmail}) expired before it was accepted. You can re-invite them from
          the Team page with one click.
        </Paragraph>
      )}
      <ActionLink href={teamUrl} label="Open the Team page" />
      <Paragraph>You receive this because you chose it in your notification settings.</Paragraph>
    </EmailLayout>
  );
}

InvitationStatusEmail.PreviewProps = {
  firstName: "Alice",
  event: "expired",
  inviteeName: "Grace Hopper",
  inviteeEmail: "grace@example.com",
  teamUrl: "http://localhost:3000/team",
} satisfies InvitationStatusEmailProps;
