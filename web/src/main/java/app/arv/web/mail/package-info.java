/**
 * E-mail over HTTP: {@code POST /me/test-mail} ({@link TestMailResource}), an org admin's check that ARV's mail
 * reaches people; {@code /admin/mail} ({@link MailAdminResource}), the dead mails an admin resends once their cause is
 * fixed and how the outbox stands. Thin: the work is {@code app.arv.mail}'s ({@code TestMails}, {@code DeadMails});
 * uses the web layer's caller, role check and paging.
 */
package app.arv.web.mail;
