/**
 * Hands bytes to the user as a file: the browser's (or Electron's) download, which asks where
 * to save it or puts it in the downloads folder, as the user has set it.
 */
export function downloadFile(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken the bytes once it started; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
