import { type ActivationEmailProps, INVITATION_PREVIEW_PROPS, InvitationEmail } from "./activation.tsx";

export type InviteResentEmailProps = ActivationEmailProps;

export const subject = ({ partnerName }: InviteResentEmailProps) => `Your new invitation link for ${partnerName}`;

export default function InviteResentEmail({ invitedByName, partnerName, ...link }: InviteResentEmailProps) {
  return (
    <InvitationEmail
      {...link}
      preview={`A new link to join ${partnerName} on Partner Portal`}
      heading={`Your new link to join ${partnerName}`}
      intro={`${invitedByName} sent you a new invitation to join ${partnerName} on Partner Portal. Links from earlier invitation emails no longer work; use this one.`}
    />
  );
}

InviteResentEmail.PreviewProps = INVITATION_PREVIEW_PROPS;
