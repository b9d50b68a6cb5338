export { SMTP_AMBIGUOUS, SMTP_SECURITY, smtpConfigFromEnv, ZSmtpEnv, type SmtpConfig, type TSmtpAmbiguous, type TSmtpEnv, type TSmtpSecurity } from './config.js';
export { classifySendError, createMailer, messageIdFor, SendFailure, type Mailer, type OutgoingEmail, type SendFailureKind, type SendResult } from './mailer.js';
export { messageIdOf, startLocalSmtpServer, type LocalSmtpServer, type LocalSmtpServerOptions, type StoredMessage } from './local-server.js';
