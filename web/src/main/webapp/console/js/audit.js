// The organization's audit log (org admins): who did what, when and from where, newest first, filtered by action and time.
import { html, t, ErrorBox, Loading, Empty, usePagedLoad, ListPager, formatTime, useTitle, useHashParam } from './core.js';

const PAGE = 25;
/** The API's actions, in the order the filter offers them; each has a label audit.action.<name> in every language. */
const ACTIONS = [
    'sign_in.succeeded', 'sign_in.failed', 'api_key.created', 'api_key.revoked', 'user.added', 'user.invited', 'user.invitation_revoked', 'user.changed',
    'user.deactivated', 'user.password_set', 'ar_content.published', 'ar_content.unpublished', 'ar_content.deleted',
    'storage_connection.created', 'storage_connection.changed', 'storage_connection.deleted', 'organization.created', 'organization.changed',
    'quota.changed', 'sso_domain.changed', 'sso_identity.linked', 'webhook.created', 'webhook.changed', 'webhook.deleted', 'webhook.secret_rotated',
    'webhook.disabled',
];

/** A day picked in the browser's time zone, as the instant it starts (plus {@code days}). */
function startOfDay(date, days = 0) {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(y, m - 1, d + days).toISOString();
}

/** The audit events the filters choose (the paging is {@link usePagedLoad}'s). */
function eventsPath(action, from, to) {
    const params = new URLSearchParams();
    if (action) params.set('action', action);
    if (from) params.set('from', startOfDay(from));
    if (to) params.set('to', startOfDay(to, 1));
    const query = params.toString();
    return query ? `/audit-events?${query}` : '/audit-events';
}

/**
 * What the event names its subject by, as its details recorded it then (a person's address, a key's or connection's name,
 * a content's title, the domains, a webhook's URL): the subject may be renamed or gone since.
 */
function subjectName(e) {
    const d = e.details || {};
    const named = d.email || d.name || d.title || d.domain || (Array.isArray(d.domains) ? d.domains.join(', ') : null) || d.url;
    return typeof named === 'string' && named ? named : null;
}

export function AuditLog() {
    useTitle(t('audit.title'));
    const [action, setAction] = useHashParam('action');
    const [from, setFrom] = useHashParam('from');
    const [to, setTo] = useHashParam('to');
    const events = usePagedLoad(eventsPath(action, from, to), PAGE);
    const filter = setter => e => setter(e.target.value);
    const items = events.data?.items || [];
    return html`<h1>${t('audit.title')}</h1>
    <p>${t('audit.intro')}</p>
    <div class="toolbar" id="audit-filters">
        <label>${t('audit.action')}<select id="audit-action" value=${action} onChange=${filter(setAction)}>
            <option value="">${t('common.all')}</option>
            ${ACTIONS.map(a => html`<option value=${a}>${t(`audit.action.${a}`)}</option>`)}</select></label>
        <label>${t('audit.from')}<input id="audit-from" type="date" value=${from} onChange=${filter(setFrom)}/></label>
        <label>${t('audit.to')}<input id="audit-to" type="date" value=${to} onChange=${filter(setTo)}/></label>
    </div>
    <${ErrorBox} error=${events.error}/>
    ${!events.data ? (events.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('audit.none')}<//>` : html`
    <table class="list" id="audit-table">
        <thead><tr><th scope="col">${t('audit.when')}</th><th scope="col">${t('audit.action')}</th><th scope="col">${t('audit.actor')}</th>
            <th scope="col">${t('audit.subject')}</th><th scope="col">${t('audit.address')}</th></tr></thead>
        <tbody>${items.map(e => html`<tr data-action=${e.action}>
            <td>${formatTime(e.at)}</td>
            <td title=${Object.keys(e.details || {}).length ? JSON.stringify(e.details) : null}>${t(`audit.action.${e.action}`)}</td>
            <td>${e.actor.label || t(`audit.actor.${e.actor.kind}`)}${e.actor.kind === 'person' ? null : html` <small>(${t(`audit.actor.${e.actor.kind}`)})</small>`}</td>
            <td class="subject">${t(`audit.subject.${e.subject.type}`)}${subjectName(e) ? html`: <span class="subject-name">${subjectName(e)}</span>` : null}</td>
            <td>${e.client_address || '–'}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${events}/>`}`;
}
