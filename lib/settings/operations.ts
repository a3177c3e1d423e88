import { operation } from "../operations/define.ts";
import { UpdateProfileInput } from "./schemas.ts";
import { updatePartnerProfile } from "./profile.ts";

export const updateProfile = operation({
  name: "settings.updateProfile",
  summary: "Edit the partner profile: organization name, contact email and phone.",
  input: UpdateProfileInput,
  access: { partner: "settings.manage" },
  audit: "partner.profile_updated",
  run: (caller, input) => updatePartnerProfile(caller, input),
});

export const SETTINGS_OPERATIONS = [updateProfile];
