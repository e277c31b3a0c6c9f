// Saves an exported app file in the browser: a Blob behind a temporary link, no server round trip for the bytes.
export function downloadAppFile({ fileName, file }: { fileName: string; file: unknown }) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
