import { TextField } from "./fields";

/** The phone field of a person, with the format the validation asks for (lib/validation/fields.ts phoneField). */
export function PhoneField({ defaultValue }: { defaultValue?: string }) {
  return <TextField name="phone" label="Phone" type="tel" defaultValue={defaultValue} hint="Include the country code, like +1 415 555 0100." />;
}

/** A new account's person, as every invite form asks for one: first and last name side by side, email, and (`phone`) phone. */
export function NewPersonFields({ phone = false }: { phone?: boolean }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="First name" autoComplete="off" required />
        <TextField name="lastName" label="Last name" autoComplete="off" required />
      </div>
      <TextField name="email" label="Email" type="email" autoComplete="off" required />
      {phone && <PhoneField />}
    </>
  );
}
