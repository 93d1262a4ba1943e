// Share links: the playground's state (mode, documents, settings) as JSON, compressed with
// the browser's own CompressionStream (deflate-raw) and written in base64url into the URL's
// fragment (`#v1=…`). Browsers never send the fragment to a server, so a link carries the
// document from one browser to another without any server seeing it.

const PREFIX = 'v1=';

/** @param {unknown} state @returns {Promise<string>} the fragment, without `#` */
export async function encodeState(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  const compressed = await pipe(bytes, new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(compressed);
}

/**
 * @param {string} fragment `location.hash`, with or without `#`
 * @returns {Promise<unknown | null>} null when the fragment is not a share link
 * @throws when it is one but is damaged
 */
export async function decodeState(fragment) {
  const hash = fragment.replace(/^#/, '');
  if (!hash.startsWith(PREFIX)) return null;
  const bytes = fromBase64Url(hash.slice(PREFIX.length));
  const json = new TextDecoder('utf-8', { fatal: true }).decode(
    await pipe(bytes, new DecompressionStream('deflate-raw')),
  );
  return JSON.parse(json);
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  const chunks = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** @param {Uint8Array} bytes */
export function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} text */
export function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
