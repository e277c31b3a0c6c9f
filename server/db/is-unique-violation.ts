// PostgreSQL's unique_violation (SQLSTATE 23505), whether the driver's error arrives bare or wrapped by Drizzle.
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}
