import { escapeHtml } from './escapeHtml.js';

/** A rendered mail: subject, HTML part and plain-text part. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Who a mail greets; user-supplied, so always escaped. */
export interface Greeting {
  displayName?: string | null;
  email: string;
}

export interface LinkEmailInput {
  to: Greeting;
  /** The absolute http(s) link the user follows. */
  link: string;
  /** Slipway's public URL, named in the footer. */
  baseUrl: string;
}

export interface BuildStatusInput {
  to: Greeting;
  projectName: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  /** Where to read the run. */
  link: string;
  baseUrl: string;
  /** One line about what happened, e.g. the failing step. */
  summary?: string;
}

/** The verification mail sent at signup and on resend. */
export function verificationEmail(input: LinkEmailInput): RenderedEmail {
  return render({
    subject: 'Confirm your email address for Slipway',
    to: input.to,
    baseUrl: input.baseUrl,
    lines: ['Confirm your email address to start creating apps on Slipway.'],
    action: { label: 'Confirm email address', link: input.link },
    after: "If you didn't sign up for Slipway, ignore this mail.",
  });
}

/** The password reset mail. */
export function passwordResetEmail(input: LinkEmailInput): RenderedEmail {
  return render({
    subject: 'Reset your Slipway password',
    to: input.to,
    baseUrl: input.baseUrl,
    lines: ['Someone asked to reset the password of your Slipway account.'],
    action: { label: 'Choose a new password', link: input.link },
    after: "If it wasn't you, ignore this mail: your password stays as it is.",
  });
}

/** The mail sent when a build (run) of a project ends. */
export function buildStatusEmail(input: BuildStatusInput): RenderedEmail {
  const word = { succeeded: 'succeeded', failed: 'failed', cancelled: 'was cancelled' }[
    input.status
  ];
  return render({
    subject: `Build of ${oneLine(input.projectName)} ${word}`,
    to: input.to,
    baseUrl: input.baseUrl,
    lines: [
      `The build of ${input.projectName} ${word}.`,
      ...(input.summary ? [input.summary] : []),
    ],
    action: { label: 'Open the run', link: input.link },
  });
}

interface Layout {
  subject: string;
  to: Greeting;
  baseUrl: string;
  lines: string[];
  action: { label: string; link: string };
  after?: string;
}

function render(layout: Layout): RenderedEmail {
  const name = oneLine(layout.to.displayName || layout.to.email);
  const link = safeLink(layout.action.link);
  const text = [
    `Hello ${name},`,
    '',
    ...layout.lines,
    '',
    `${layout.action.label}: ${link}`,
    ...(layout.after ? ['', layout.after] : []),
    '',
    `— Slipway (${layout.baseUrl})`,
    '',
  ].join('\n');
  const paragraphs = layout.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5; color: #1f2328;">
<p>Hello ${escapeHtml(name)},</p>
${paragraphs}
<p><a href="${escapeHtml(link)}" style="background: #0969da; color: #fff; padding: 8px 16px; border-radius: 6px; text-decoration: none;">${escapeHtml(layout.action.label)}</a></p>
<p style="font-size: 0.9em;">Or paste this link into your browser: ${escapeHtml(link)}</p>
${layout.after ? `<p style="font-size: 0.9em; color: #59636e;">${escapeHtml(layout.after)}</p>\n` : ''}<p style="font-size: 0.8em; color: #59636e;">Slipway · ${escapeHtml(layout.baseUrl)}</p>
</body></html>
`;
  return { subject: oneLine(layout.subject), html, text };
}

/** Header-safe: no CR/LF from user data can reach the Subject line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** Only http(s) links go into a mail; anything else (`javascript:`) is a bug upstream. */
function safeLink(link: string): string {
  const url = new URL(link);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`refusing to mail a ${url.protocol} link`);
  }
  return url.toString();
}
