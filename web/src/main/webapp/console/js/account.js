// The signed-in person's own sessions: every device signed in, when it was last used, and signing out elsewhere.
import { html, t, get, post, del, useLoad, useAct, useConfirm, ErrorBox, Loading, Empty, formatTime, useTitle } from './core.js';

export function Sessions() {
    useTitle(t('sessions.title'));
    const sessions = useLoad(() => get('/me/sessions'));
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    const items = sessions.data?.items || [];
    const others = items.filter(s => !s.current).length;
    return html`<h1>${t('sessions.title')}</h1>
    <p>${t('sessions.intro')}</p>
    <${ErrorBox} error=${error || sessions.error}/>
    ${!sessions.data ? (sessions.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('sessions.none')}<//>` : html`<table class="list" id="sessions-table">
        <thead><tr><th scope="col">${t('sessions.device')}</th><th scope="col">${t('sessions.address')}</th>
            <th scope="col">${t('sessions.signedIn')}</th><th scope="col">${t('sessions.lastUsed')}</th>
            <th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${items.map(s => html`<tr data-current=${s.current ? 'true' : 'false'}>
            <td>${s.user_agent || t('sessions.unknownDevice')}</td><td>${s.client_address || '–'}</td>
            <td>${formatTime(s.created_at)}</td><td>${formatTime(s.last_used_at)}</td>
            <td>${s.current ? html`<strong>${t('sessions.current')}</strong>` : html`<button class="danger" onClick=${() =>
                act(async () => { await del(`/me/sessions/${s.id}`); sessions.reload(); })}>${t('sessions.end')}</button>`}</td></tr>`)}</tbody>
    </table>`}
    ${others > 0 ? html`<p><button class="danger" id="sign-out-elsewhere" onClick=${() => confirm(t('sessions.confirmOthers', { count: others }),
        () => act(async () => { await post('/me/sessions/revoke-all'); sessions.reload(); }))}>${t('sessions.endOthers')}</button></p>` : null}
    ${confirmDialog}`;
}
