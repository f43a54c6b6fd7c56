/** Time left in the words a person would use; precision beyond a minute would only flicker. */
export function formatTimeLeft(etaSec: number | null): string {
  if (etaSec === null) return 'Estimating time left…';
  if (etaSec < 60) return 'Less than a minute left';
  const minutes = Math.round(etaSec / 60);
  if (minutes < 60) return `About ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `About ${hours} h left` : `About ${hours} h ${rest} min left`;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
