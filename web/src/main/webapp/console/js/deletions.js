// Object deletions an admin looks after: those still owed (each holds its storage connection until the deletion timer
// carries it out) and those that kept failing, parked as dead letters (tried again now, once the store is fixed). Org
// admins see their organization's, under Organization → Storage; platform admins everyone's, under Platform → Storage:
// the API answers each with what is theirs.
import { html, useState, t, post, useAct, ErrorBox, Loading, Empty, usePagedLoad, ListPager, formatTime, Status } from './core.js';

/** The deletions still owed, soonest due first: why each is owed and when it falls due. */
export function OwedDeletions({ list }) {
    const items = list.data?.items || [];
    return html`<section class="card" id="owed-deletions"><h2>${t('storageAdmin.owed')}</h2>
        <p>${t('storageAdmin.owedText')}</p>
        <${ErrorBox} error=${list.error}/>
        ${!list.data ? (list.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('storageAdmin.noOwed')}<//>` : html`<table class="list">
            <thead><tr><th scope="col">${t('storageAdmin.key')}</th><th scope="col">${t('storageAdmin.why')}</th><th scope="col">${t('storageAdmin.due')}</th>
                <th scope="col">${t('storageAdmin.attempts')}</th><th scope="col">${t('storageAdmin.error')}</th></tr></thead>
            <tbody>${items.map(d => html`<tr data-owed=${d.id}><td><code>${d.storage_key}</code></td><td>${t(`storageAdmin.why.${d.why}`)}</td>
                <td>${formatTime(d.next_attempt_at)}</td><td>${d.attempts}</td><td>${d.last_error || ''}</td></tr>`)}</tbody>
        </table>`}
        <${ListPager} list=${list}/>
    </section>`;
}

/** The owed deletions' listing, for {@link OwedDeletions} (a screen that can make more, by a scan, reloads it). */
export function useOwedDeletions() {
    return usePagedLoad('/admin/storage/deletions', undefined, { param: 'owed_offset' });
}

/**
 * The dead letters, most recently parked first, each with a button to try it again now: once the store is fixed an
 * admin need not wait for the timer's next round (ARV_MEDIA_DEAD_LETTER_RETRY).
 */
export function DeadLetters() {
    const letters = usePagedLoad('/admin/storage/dead-letters', undefined, { param: 'letters_offset' });
    const [act, error] = useAct();
    const [retried, setRetried] = useState(null);
    const retry = d => act(async () => { setRetried(await post(`/admin/storage/dead-letters/${d.id}/retry`)); letters.reload(); });
    const items = letters.data?.items || [];
    return html`<section class="card" id="dead-letters"><h2>${t('storageAdmin.deadLetters')}</h2>
        <${ErrorBox} error=${error || letters.error}/>
        ${retried ? html`<${Status} tag="p" id="retried" text=${retried.deleted ? t('storageAdmin.retryDeleted') : t('storageAdmin.retryFailed', { error: retried.dead_letter?.last_error || '' })}/>` : null}
        ${!letters.data ? (letters.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('storageAdmin.noDeadLetters')}<//>` : html`<table class="list">
            <thead><tr><th scope="col">${t('storageAdmin.key')}</th><th scope="col">${t('storageAdmin.attempts')}</th><th scope="col">${t('storageAdmin.error')}</th>
                <th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
            <tbody>${items.map(d => html`<tr data-letter=${d.id}><td><code>${d.storage_key}</code></td><td>${d.attempts ?? '–'}</td><td>${d.last_error || d.error || ''}</td>
                <td><button class="retry" onClick=${() => retry(d)}>${t('storageAdmin.retry')}</button></td></tr>`)}</tbody>
        </table>`}
        <${ListPager} list=${letters}/>
    </section>`;
}
