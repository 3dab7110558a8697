/**
 * E-mail over HTTP: {@code POST /me/test-mail} ({@link TestMailResource}), an org admin's check that ARV's mail
 * reaches people. Thin: the mail is queued by {@code app.arv.mail.TestMails}; uses the web layer's caller and role
 * check.
 */
package app.arv.web.mail;
