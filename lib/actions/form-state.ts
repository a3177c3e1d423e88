// The one result shape every form gets back from its server action
// (STYLE §3). Safe to import from client components.
type FieldErrors = Record<string, string[]>;

export type FormState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string | string[]> };

export type FormAction<T = undefined> = (previous: FormState<T> | null, formData: FormData) => Promise<FormState<T>>;
