// Notifications: the bell in the header (unread count, live over /ws/events), the list (mark read, links to the
// thing), and the person's preferences per event type and channel (#/account/notifications).
import {
    html, useState, useEffect, t, get, post, request, onEvent, useLoad, useAct, ErrorBox, Loading, Empty, usePagedLoad, ListPager, formatTime, useTitle, useHashParam, Status
} from './core.js';

/** The server's NotificationChannel as the API names them (ConsoleCopiesTest holds them to it). */
const CHANNELS = ['in_app', 'email'];

/** Tells open bells and lists that the unread count changed here (read in this tab) or there (a push). */
const changed = new Set();
function announce() {
    changed.forEach(listener => listener());
}

/** A pushed notification also refreshes an open list (the bell counts it itself). */
const pushListeners = new Set();
function announceIfPushed(event) {
    if (event.source === 'notifications') pushListeners.forEach(listener => listener());
}

/** The bell with the unread count: read once, then kept current by pushes and by reading in this tab. */
export function Bell() {
    const [unread, setUnread] = useState(0);
    useEffect(() => {
        const load = () => get('/notifications/unread-count').then(answer => setUnread(answer.unread), () => {});
        load();
        changed.add(load);
        const stop = onEvent(event => {
            if (event.source === 'notifications' && event.event === 'notification') setUnread(n => n + 1);
            if (event.source === 'resync') {
                // Back after the live connection dropped: notifications made meanwhile were never pushed.
                load();
                pushListeners.forEach(listener => listener());
            }
            announceIfPushed(event);
        });
        return () => { changed.delete(load); stop(); };
    }, []);
    return html`<a class="bell" id="notification-bell" href="#/notifications"
        aria-label=${t('notifications.bell', { count: unread })}><svg viewBox="0 0 24 24" width="20" height="20"
            aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"/></svg>${unread > 0
            ? html`<span class="count" id="notification-count">${unread}</span>` : null}</a>`;
}

/** A notification's headline, from its type and data (the link to what it is about). */
export function describe(n) {
    return t(`notifications.text.${n.type}`, n.data || {});
}

/**
 * The particulars under the headline, as plain text: why a marker failed, or what its verdict found (the same facts as
 * the mail). Kept out of the link: a verdict's reasons and advice run to several sentences.
 */
export function particulars(n) {
    const d = n.data || {};
    return d.failure || (d.reasons || []).join(' ') || null;
}

export function Notifications() {
    useTitle(t('notifications.title'));
    const [unread, setUnread] = useHashParam('unread');
    const unreadOnly = unread === 'true';
    const list = usePagedLoad(unreadOnly ? '/notifications?unread=true' : '/notifications', 20);
    const [act, error] = useAct();
    useEffect(() => {
        pushListeners.add(list.reload);
        return () => pushListeners.delete(list.reload);
    }, [list.reload]);
    const read = n => act(async () => { await post(`/notifications/${n.id}/read`); announce(); list.reload(); });
    const readAll = () => act(async () => { await post('/notifications/read-all'); announce(); list.reload(); });
    const items = list.data?.items || [];
    return html`<h1>${t('notifications.title')}</h1>
    <p class="actions">
        <label class="check"><input type="checkbox" id="notifications-unread" checked=${unreadOnly}
            onChange=${e => setUnread(e.target.checked ? 'true' : '')}/>${t('notifications.unreadOnly')}</label>
        <button id="notifications-read-all" onClick=${readAll}>${t('notifications.readAll')}</button>
        <a href="#/account/notifications" id="notifications-preferences">${t('notifications.preferences')}</a>
    </p>
    <${ErrorBox} error=${error || list.error}/>
    ${!list.data ? (list.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('notifications.none')}<//>` : html`
    <ul class="notifications" id="notifications-list">${items.map(n => { const more = particulars(n); return html`<li data-type=${n.type}
        data-read=${n.read ? 'true' : 'false'} class=${n.read ? 'read' : 'unread'}>
        <div class="what">
            <a href=${n.console_path.replace(/^\/console\//, '')} onClick=${() => !n.read && read(n)}>${describe(n)}</a>
            ${more ? html`<p class="particulars">${more}</p>` : null}
        </div>
        <span class="when">${formatTime(n.occurred_at)}</span>
        ${n.read ? null : html`<button class="link" onClick=${() => read(n)}>${t('notifications.markRead')}</button>`}
    </li>`; })}</ul>
    <${ListPager} list=${list}/>`}`;
}

/** Every event type on every channel, with its default; saved together, or all reset to the defaults. */
export function NotificationPreferences() {
    useTitle(t('notifications.preferencesTitle'));
    const settings = useLoad(() => get('/me/notification-preferences'));
    const [chosen, setChosen] = useState({});
    const [saved, setSaved] = useState(false);
    const [act, error] = useAct();
    const items = settings.data?.items || [];
    const types = [...new Set(items.map(s => s.type))];
    const key = (type, channel) => `${type}/${channel}`;
    const value = (type, channel) => {
        const mine = chosen[key(type, channel)];
        return mine !== undefined ? mine : items.find(s => s.type === type && s.channel === channel)?.enabled;
    };
    const send = preferences => act(async () => {
        const answer = await request('PUT', '/me/notification-preferences', { body: { preferences } });
        settings.setData(answer);
        setChosen({});
        setSaved(true);
    });
    const save = event => {
        event.preventDefault();
        send(Object.entries(chosen).map(([k, enabled]) => {
            const [type, channel] = k.split('/');
            return { type, channel, enabled };
        }));
    };
    const reset = () => send(items.filter(s => !s.is_default).map(s => ({ type: s.type, channel: s.channel, enabled: null })));
    return html`<h1>${t('notifications.preferencesTitle')}</h1>
    <p>${t('notifications.preferencesIntro')}</p>
    <${ErrorBox} error=${error || settings.error}/>
    ${!settings.data ? (settings.loading ? html`<${Loading}/>` : null) : html`<form onSubmit=${save} id="notification-preferences">
        <table class="list">
            <thead><tr><th scope="col">${t('notifications.event')}</th>
                ${CHANNELS.map(c => html`<th scope="col">${t(`notifications.channel.${c}`)}</th>`)}</tr></thead>
            <tbody>${types.map(type => html`<tr>
                <th scope="row">${t(`notifications.type.${type}`)}</th>
                ${CHANNELS.map(channel => html`<td><input type="checkbox" id=${`pref-${type.replace(/\W/g, '-')}-${channel}`}
                    aria-label=${`${t(`notifications.type.${type}`)}: ${t(`notifications.channel.${channel}`)}`}
                    checked=${!!value(type, channel)} onChange=${e => {
                        setSaved(false);
                        setChosen(c => ({ ...c, [key(type, channel)]: e.target.checked }));
                    }}/></td>`)}
            </tr>`)}</tbody>
        </table>
        <p class="actions">
            <button type="submit" class="primary" id="preferences-save" disabled=${Object.keys(chosen).length === 0}>${t('notifications.save')}</button>
            <button type="button" id="preferences-reset" onClick=${reset}>${t('notifications.resetDefaults')}</button>
            ${saved ? html`<${Status} id="preferences-saved" text=${t('notifications.saved')}/>` : null}
        </p>
    </form>`}`;
}
