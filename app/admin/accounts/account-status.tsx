export const KIND_LABELS = { STAFF: "Vendor staff", PARTNER: "Partner user", CUSTOMER: "Customer user" } as const;
