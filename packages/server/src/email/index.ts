export { createEmailService } from './emailService.js';
export type {
  EmailService,
  EmailServiceOptions,
  MailRecipient,
  QueuedMail,
} from './emailService.js';
export { listDevMailbox } from './listDevMailbox.js';
export type { MailboxMessage } from './listDevMailbox.js';
export { buildStatusEmail, passwordResetEmail, verificationEmail } from './emailTemplates.js';
export type { BuildStatusInput, LinkEmailInput, RenderedEmail } from './emailTemplates.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs } from './retryPolicy.js';
export type { RetryPolicy } from './retryPolicy.js';
