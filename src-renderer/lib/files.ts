/** A file the person opened (an <input type="file">), as base64 for the core. */
export function readBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader()
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''))
    r.onerror = () => fail(r.error ?? new Error('The file could not be read.'))
    r.readAsDataURL(file)
  })
}
