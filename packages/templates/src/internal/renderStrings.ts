/** Returns a copy of `value` with every string, keys included, passed through `render`. */
export function renderStrings<T>(value: T, render: (text: string) => string): T {
  if (typeof value === 'string') return render(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => renderStrings(item, render)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [render(key), renderStrings(item, render)]),
    ) as T;
  }
  return value;
}
