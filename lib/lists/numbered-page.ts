// Lists with numbered pages (?page=N): the customer list, and the vendor
// console's partner and account lists. Long lists that grow without bound
// page by keyset instead (name-keyset.ts).

/**
 * One page of such a list: its rows (`rows` gets the window to skip and take) and the total (`count`), queried in
 * parallel. A page past the end is empty; pageCount is at least 1.
 */
export async function numberedPage<T>(
  page: number,
  pageSize: number,
  query: { count: () => Promise<number>; rows: (window: { skip: number; take: number }) => Promise<T[]> },
) {
  const [total, rows] = await Promise.all([query.count(), query.rows({ skip: (page - 1) * pageSize, take: pageSize })]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
