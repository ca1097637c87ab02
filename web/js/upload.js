// PUT of the file to the signed upload URL, with progress (fetch cannot report upload progress).

/** The headers of the signed PUT: exactly those the reservation lists (they are signed into the URL). */
export function uploadHeaders(reservation, contentType) {
  const headers = { ...(reservation.uploadHeaders ?? {}) };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) headers["Content-Type"] = contentType;
  return headers;
}

/** Resolves when the upload is stored; rejects with a readable Error (expired URL, size, network). */
export function putFile(url, file, headers, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve();
        return;
      }
      let message = `upload failed (HTTP ${xhr.status})`;
      try {
        message = JSON.parse(xhr.responseText).error?.message ?? message;
      } catch {
        // Cloud Storage answers XML; the status line says enough.
      }
      if (xhr.status === 403) message = `The upload link was refused (expired or altered): ${message}`;
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted (network error)."));
    xhr.send(file);
  });
}
