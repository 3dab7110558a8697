// The signed-in person's own account: every device signed in, when it was last used, and signing out elsewhere; their
// password.
import { html, useState, t, get, post, del, useLoad, useAct, useConfirm, ErrorBox, Loading, Empty, formatTime, useTitle, adoptTokens, Status, useLimits, newPasswordRules } from './core.js';

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

/**
 * The person's own password (POST /me/password). The server judges the new one; the form asks for the length its rule
 * publishes (the operator's minimum, bcrypt's most bytes) and shows any other refusal. A change ends every other session of the person and
 * refuses every access token issued before: the answer's fresh access token (its refresh token stays) is adopted, so
 * this tab, and its duplicates, carry on signed in.
 */
export function OwnPassword() {
    useTitle(t('password.title'));
    const [act, error, busy] = useAct();
    const [mismatch, setMismatch] = useState(false);
    const [changed, setChanged] = useState(false);
    const limits = useLimits();
    const submit = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        setChanged(false);
        const differ = form.get('new_password') !== form.get('repeat_password');
        setMismatch(differ);
        if (differ) return;
        act(async () => {
            adoptTokens(await post('/me/password', { current_password: form.get('current_password'), new_password: form.get('new_password') }));
            event.target.reset();
            setChanged(true);
        });
    };
    return html`<h1>${t('password.title')}</h1>
    <section class="card">
        <form onSubmit=${submit} class="stack" id="own-password">
            <label>${t('password.current')}<input name="current_password" type="password" autocomplete="current-password" required maxlength="200"/></label>
            <label>${t('password.new')}<input name="new_password" type="password" autocomplete="new-password" required ...${newPasswordRules(limits)}/></label>
            <label>${t('password.repeat')}<input name="repeat_password" type="password" autocomplete="new-password" required ...${newPasswordRules(limits)}/></label>
            ${mismatch ? html`<p class="error" role="alert" id="password-mismatch">${t('password.mismatch')}</p>` : null}
            <${ErrorBox} error=${error}/>
            <div class="actions"><button class="primary" type="submit" disabled=${busy}>${t('password.change')}</button></div>
            ${changed ? html`<${Status} tag="p" className="notice" id="password-changed" text=${t('password.changed')}/>` : null}
        </form>
    </section>`;
}
