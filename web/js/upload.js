// PUT of the file to the signed upload URL, with progress (fetch cannot report upload progress).

/** Resolves when the upload is stored; rejects with a readable Error (expired URL, size, network). */
export function putFile(url, file, contentType, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("Content-Type", contentType);
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
