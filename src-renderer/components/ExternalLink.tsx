// E-mail addresses, phone numbers and websites are links. In a browser they are ordinary links;
// in Electron the shell lets them out only through its one external-link rule (url-policy.ts:
// mailto, tel, http and https, re-checked there), and never opens them inside the app's window.

/** A mailto: link to the address. */
export function EmailLink({ email }: { email: string }) {
  return (
    <a className="link external" href={`mailto:${email}`} dir="ltr">
      {email}
    </a>
  )
}

/** A tel: link to the number as written ("+1 212 555 0100" dials +12125550100). */
export function PhoneLink({ phone }: { phone: string }) {
  const dial = phone.replace(/[^\d+]/g, '')
  if (!dial.replace('+', '')) return <span dir="ltr">{phone}</span>
  return (
    <a className="link external" href={`tel:${dial}`} dir="ltr">
      {phone}
    </a>
  )
}

/** The web address, opened in the system's browser; "www.example.org" is taken as https://www.example.org. */
export function WebLink({ url }: { url: string }) {
  const href = webHref(url)
  if (!href) return <span dir="ltr">{url}</span>
  return (
    <a className="link external break" href={href} target="_blank" rel="noreferrer noopener" dir="ltr">
      {url}
    </a>
  )
}

function webHref(url: string): string | null {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}`)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') ? u.href : null
  } catch {
    return null
  }
}
