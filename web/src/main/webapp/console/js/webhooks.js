// Webhooks (org admins): endpoints with the events they get, the secret shown once, tests, deliveries with attempts.
import { html, useState, t, get, post, patch, del, useLoad, useConfirm, ErrorBox, Loading, Empty, Dialog, formatTime, useAct, useTitle, usePagedLoad, ListPager, Added } from './core.js';

/** The event types a webhook can subscribe to (the API's wire names; 'test' is sent on request only). */
const EVENTS = ['marker.ready', 'marker.failed', 'generation.finished', 'ar_content.expiring', 'ar_content.expired',
    'quota.warning', 'quota.reached', 'api_key.created', 'api_key.revoked', 'webhook.disabled'];

export function Webhooks() {
    useTitle(t('nav.webhooks'));
    const hooks = usePagedLoad('/webhooks');
    const [act, error] = useAct();
    const [secret, setSecret] = useState(null);
    const [shown, setShown] = useState(null);
    const [confirm, confirmDialog] = useConfirm();
    const created = answer => {
        setSecret(answer.secret);
        hooks.created(answer.url);
    };
    const rotated = answer => {
        setSecret(answer.secret);
        hooks.reload();
    };
    return html`<h1>${t('nav.webhooks')}</h1>
    <p>${t('webhooks.intro')}</p>
    <${NewWebhook} onCreated=${created}/>
    <${Added} list=${hooks} id="webhook-added"/>
    <${ErrorBox} error=${error || hooks.error}/>
    ${secret ? html`<${Dialog} title=${t('webhooks.secretTitle')} onClose=${() => setSecret(null)}>
        <p>${t('webhooks.secretOnce')}</p>
        <input id="webhook-secret" readonly value=${secret} aria-label=${t('webhooks.secret')} onFocus=${e => e.target.select()}/>
        <div class="actions"><button onClick=${() => setSecret(null)}>${t('common.close')}</button></div>
    <//>` : null}
    ${!hooks.data ? (hooks.loading ? html`<${Loading}/>` : null) : hooks.data.items.length === 0 ? html`<${Empty}>${t('webhooks.none')}<//>` : html`<table class="list" id="webhooks-table">
        <thead><tr><th scope="col">${t('webhooks.url')}</th><th scope="col">${t('webhooks.events')}</th><th scope="col">${t('common.status')}</th>
            <th scope="col">${t('webhooks.secret')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${hooks.data.items.map(w => html`<tr data-webhook=${w.id}><td><code>${w.url}</code>${w.description ? html`<div>${w.description}</div>` : null}</td>
            <td>${w.events.includes('*') ? t('webhooks.allEvents') : w.events.join(', ')}</td>
            <td>${w.enabled ? t('webhooks.enabled') : html`<span class="error" title=${w.disabled_reason || ''}>${t('webhooks.disabled')}</span>`}</td>
            <td><code>${w.secret_hint}</code></td>
            <td class="actions">
                <button class="send-test" onClick=${() => act(async () => { await post(`/webhooks/${w.id}/test`); setShown(w); })}>${t('webhooks.sendTest')}</button>
                <button class="show-deliveries" onClick=${() => setShown(w)}>${t('webhooks.deliveries')}</button>
                <button class="toggle" onClick=${() => act(async () => { await patch(`/webhooks/${w.id}`, { enabled: !w.enabled }); hooks.reload(); })}>
                    ${w.enabled ? t('webhooks.disable') : t('webhooks.enable')}</button>
                <button onClick=${() => confirm(t('webhooks.confirmRotate'),
                    () => act(async () => rotated(await post(`/webhooks/${w.id}/rotate-secret`))))}>${t('webhooks.rotate')}</button>
                <button class="danger" onClick=${() => confirm(t('webhooks.confirmDelete', { url: w.url }),
                    () => act(async () => { await del(`/webhooks/${w.id}`); hooks.reload(); }))}>${t('common.delete')}</button>
            </td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${hooks}/>`}
    ${shown ? html`<${Deliveries} webhook=${shown} onClose=${() => setShown(null)}/>` : null}
    ${confirmDialog}`;
}

function NewWebhook({ onCreated }) {
    const [act, error, busy] = useAct();
    const [all, setAll] = useState(true);
    const create = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        const events = all ? ['*'] : form.getAll('event');
        act(async () => {
            onCreated(await post('/webhooks', { url: form.get('url'), description: form.get('description') || null, events,
                enabled: form.get('enabled') === 'on' }));
            event.target.reset();
            setAll(true);
        });
    };
    return html`<section class="card"><h2>${t('webhooks.new')}</h2>
        <form onSubmit=${create} class="stack" id="new-webhook">
            <label>${t('webhooks.url')}<input name="url" type="url" required maxlength="2048" placeholder="https://example.com/arv-events"/></label>
            <label>${t('webhooks.description')}<input name="description" maxlength="500"/></label>
            <fieldset><legend>${t('webhooks.events')}</legend>
                <label class="check"><input type="checkbox" name="all" checked=${all} onChange=${e => setAll(e.target.checked)}/>${t('webhooks.allEvents')}</label>
                ${all ? null : EVENTS.map(name => html`<label class="check"><input type="checkbox" name="event" value=${name}/>
                    ${t(`webhooks.event.${name}`)} <code>${name}</code></label>`)}
            </fieldset>
            <label class="check"><input type="checkbox" name="enabled" checked/>${t('webhooks.enabled')}</label>
            <button class="primary" type="submit" disabled=${busy}>${t('common.create')}</button>
        </form>
        <${ErrorBox} error=${error}/></section>`;
}

function Deliveries({ webhook, onClose }) {
    // A page at a time: a busy webhook's older deliveries are on the next pages, not out of reach.
    const deliveries = usePagedLoad(`/webhooks/${webhook.id}/deliveries`, undefined, { param: null });
    const [act, error] = useAct();
    return html`<${Dialog} title=${t('webhooks.deliveriesOf', { url: webhook.url })} onClose=${onClose} wide>
        <div class="actions"><button id="refresh-deliveries" onClick=${() => deliveries.reload()}>${t('common.refresh')}</button></div>
        <${ErrorBox} error=${error || deliveries.error}/>
        ${!deliveries.data ? (deliveries.loading ? html`<${Loading}/>` : null) : deliveries.data.items.length === 0 ? html`<${Empty}>${t('webhooks.noDeliveries')}<//>` : html`
        <table class="list" id="deliveries-table">
            <thead><tr><th scope="col">${t('webhooks.event')}</th><th scope="col">${t('common.status')}</th><th scope="col">${t('webhooks.attempts')}</th>
                <th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
            <tbody>${deliveries.data.items.map(d => html`<tr data-status=${d.status}>
                <td><code>${d.event_type}</code><div><small>${d.event_id}</small></div><div>${formatTime(d.created_at)}</div></td>
                <td>${t(`webhooks.status.${d.status}`)}</td>
                <td><ol class="steps">${d.attempts.map(a => html`<li class=${a.http_status >= 200 && a.http_status < 300 ? 'ok' : 'error'}>
                    ${formatTime(a.attempted_at)} · ${a.http_status ?? '—'} · ${a.duration_ms} ms${a.error ? ` · ${a.error}` : ''}
                    ${a.response_excerpt ? html`<div><code>${a.response_excerpt}</code></div>` : null}</li>`)}</ol></td>
                <td><button onClick=${() => act(async () => { await post(`/webhooks/${webhook.id}/deliveries/${d.id}/redeliver`); deliveries.reload(); })}>
                    ${t('webhooks.redeliver')}</button></td></tr>`)}</tbody>
        </table>
        <${ListPager} list=${deliveries}/>`}
    <//>`;
}
