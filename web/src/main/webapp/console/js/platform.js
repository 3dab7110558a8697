// Platform administration (platform admins): system info, compile jobs (stop, restart, abandon), organizations (and their
// quota overrides), storage (the orphan scan, deletions still owed, dead letters), the mail outbox and its dead mails
// (resend), and organizations' claims to single sign-on domains (approve, refuse).
import { html, useState, useEffect, t, get, post, patch, put, useLoad, useConfirm, ErrorBox, Loading, Empty, Dialog, formatTime, formatBytes, useAct, TabbedScreen, usePagedLoad, ListPager, Added, Status, useLimits, newPasswordRules } from './core.js';
import { SystemInfo } from './dashboard.js';
import { OwedDeletions, useOwedDeletions, DeadLetters } from './deletions.js';

export function Platform({ params: [tab] }) {
    return html`<${TabbedScreen} screen="platform" tab=${tab} panels=${{ system: System, jobs: BatchJobs, organizations: Organizations, storage: StorageAdmin, mail: MailAdmin, domainClaims: DomainClaims }}/>`;
}

function System() {
    const info = useLoad(() => get('/admin/system-info'));
    const health = useLoad(() => get('/admin/health').catch(e => e.status === 503 ? { status: 'DOWN', ...e.body } : Promise.reject(e)));
    return html`<${ErrorBox} error=${info.error || health.error}/>
    <div class="toolbar"><button onClick=${() => { info.reload(); health.reload(); }}>${t('common.refresh')}</button></div>
    ${info.loading ? html`<${Loading}/>` : info.data ? html`<div id="system-info"><${SystemInfo} system=${info.data}/>
        <section class="card"><h2>${t('system.broker')}</h2>
            <p>${info.data.broker_reachable ? t('system.reachable') : html`<span class="error">${info.data.broker_error}</span>`}</p>
            <p>${t('system.processors')}: ${info.data.processors} · ${t('system.workersPerQueue')}: ${info.data.workers_per_queue}
                · ${t('system.heap')}: ${formatBytes(info.data.heap_used_bytes)} / ${formatBytes(info.data.heap_max_bytes)}</p></section></div>` : null}
    ${health.data ? html`<section class="card"><h2>${t('system.health')}: ${health.data.status}</h2>
        <ul>${(health.data.checks || []).map(c => html`<li><strong>${c.name}</strong> (${c.kind}) ${c.status}</li>`)}</ul></section>` : null}`;
}

function BatchJobs() {
    // A page at a time: past the first 50 jobs the older ones are on the next pages, not out of reach.
    const jobs = usePagedLoad('/admin/batch/jobs');
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    // Jobs move on their own: read them again while this screen is open and in sight, every 2 s while one runs and
    // every 30 s otherwise. Each read counts against the admin's request limit (1000 an hour by default): a steady 2 s
    // spent it in 33 minutes, and every screen of theirs answered 429 until the hour was over. The cadence follows the
    // list at once: a job seen starting (on a refresh, say) is not left for the rest of a 30 s wait.
    const running = (jobs.data?.items || []).some(e => ['STARTING', 'STARTED', 'STOPPING'].includes(e.batch_status));
    useEffect(() => {
        let live = true;
        let timer = null;
        let reading = false;
        const next = () => { if (live) timer = setTimeout(tick, running ? 2000 : 30_000); };
        const tick = () => {
            if (document.hidden) return next();
            reading = true;
            jobs.reload().finally(() => { reading = false; next(); });
        };
        const shown = () => {
            if (document.hidden || reading) return;
            clearTimeout(timer);
            tick();
        };
        next();
        document.addEventListener('visibilitychange', shown);
        return () => {
            live = false;
            clearTimeout(timer);
            document.removeEventListener('visibilitychange', shown);
        };
    }, [running]);
    const command = (execution, verb) => confirm(t(`jobs.confirm.${verb}`, { id: execution.execution_id }),
        () => act(async () => { await post(`/admin/batch/jobs/executions/${execution.execution_id}/${verb}`); jobs.reload(); }));
    const items = jobs.data?.items || [];
    return html`<${ErrorBox} error=${error || jobs.error}/>
    <div class="toolbar"><button id="refresh-jobs" onClick=${() => jobs.reload()}>${t('common.refresh')}</button></div>
    ${!jobs.data ? (jobs.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('jobs.empty')}<//>` : html`<table class="list" id="jobs-table">
        <thead><tr><th scope="col">${t('jobs.execution')}</th><th scope="col">${t('jobs.job')}</th><th scope="col">${t('common.status')}</th>
            <th scope="col">${t('jobs.node')}</th><th scope="col">${t('jobs.started')}</th><th scope="col">${t('jobs.steps')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${items.slice().sort((a, b) => b.execution_id - a.execution_id).map(e => html`<tr data-execution=${e.execution_id} data-status=${e.batch_status}>
            <td>${e.execution_id} <small>(${t('jobs.instance')} ${e.instance_id})</small></td><td>${e.job_name}</td>
            <td><span class=${`badge batch-${e.batch_status}`}>${e.batch_status}</span></td><td>${e.node || '–'}</td><td>${formatTime(e.started_at)}</td>
            <td><details><summary>${e.steps.length}</summary><ul>${e.steps.map(s => html`<li>${s.step_name}: ${s.batch_status}</li>`)}</ul></details></td>
            <td>${e.batch_status === 'STARTED' || e.batch_status === 'STARTING'
                ? html`<button class="danger stop" onClick=${() => command(e, 'stop')}>${t('jobs.stop')}</button>` : null}
                ${e.latest && (e.batch_status === 'STOPPED' || e.batch_status === 'FAILED')
                ? html`<button class="restart" onClick=${() => command(e, 'restart')}>${t('jobs.restart')}</button>
                    <button class="danger abandon" onClick=${() => command(e, 'abandon')}>${t('jobs.abandon')}</button>` : null}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${jobs}/>`}
    ${confirmDialog}`;
}

function Organizations() {
    const orgs = usePagedLoad('/organizations');
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    const [renaming, setRenaming] = useState(null);
    const [quotasOf, setQuotasOf] = useState(null);
    const limits = useLimits();
    const open = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        act(async () => {
            const organization = await post('/organizations', { name: form.get('name'), slug: form.get('slug'),
                admin: form.get('email') ? { email: form.get('email'), password: form.get('password') } : undefined });
            event.target.reset();
            orgs.created(organization.name);
        });
    };
    return html`<section class="card"><h2>${t('orgs.open')}</h2>
        <form onSubmit=${open} class="inline">
            <label>${t('orgs.name')}<input name="name" required/></label>
            <label>${t('orgs.slug')}<input name="slug" required pattern="[a-z0-9][a-z0-9-]*"/></label>
            <label>${t('orgs.adminEmail')}<input name="email" type="email"/></label>
            <label>${t('settings.initialPassword')}<input name="password" type="password" autocomplete="new-password" ...${newPasswordRules(limits)}/></label>
            <button class="primary" type="submit">${t('common.create')}</button>
        </form>
        <${Added} list=${orgs} id="organization-added"/></section>
    <${ErrorBox} error=${renaming ? orgs.error : error || orgs.error}/>
    ${!orgs.data ? (orgs.loading ? html`<${Loading}/>` : null) : html`<table class="list" id="orgs-table">
        <thead><tr><th scope="col">${t('orgs.name')}</th><th scope="col">${t('orgs.slug')}</th><th scope="col">${t('settings.active')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${orgs.data.items.map(o => html`<tr data-org=${o.id}><td>${o.name}</td><td>${o.slug}</td><td>${o.active ? t('common.yes') : t('common.no')}</td>
            <td><button onClick=${() => setRenaming(o)}>${t('orgs.rename')}</button>
                <button class="quotas" onClick=${() => setQuotasOf(o)}>${t('orgs.quotas')}</button>
                ${o.active ? html`<button class="danger" onClick=${() => confirm(t('orgs.confirmDeactivate', { name: o.name }),
                    () => act(async () => { await patch(`/organizations/${o.id}`, { active: false }); orgs.reload(); }))}>${t('settings.deactivate')}</button>`
                : html`<button onClick=${() => act(async () => { await patch(`/organizations/${o.id}`, { active: true }); orgs.reload(); })}>${t('orgs.activate')}</button>`}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${orgs}/>`}
    ${renaming ? html`<${Dialog} title=${t('orgs.rename')} onClose=${() => setRenaming(null)}>
        <${ErrorBox} error=${error}/>
        <form onSubmit=${e => { e.preventDefault(); const name = new FormData(e.target).get('name');
            act(async () => { await patch(`/organizations/${renaming.id}`, { name }); setRenaming(null); orgs.reload(); }); }}>
            <label>${t('orgs.name')}<input name="name" defaultValue=${renaming.name} required autofocus/></label>
            <div class="actions"><button class="primary" type="submit">${t('common.save')}</button></div>
        </form><//>` : null}
    ${quotasOf ? html`<${QuotaDialog} organization=${quotasOf} onClose=${() => setQuotasOf(null)}/>` : null}
    ${confirmDialog}`;
}

/** The quota overrides a platform admin sets, in the order shown; request limits are at least 1, the others at least 0. */
const QUOTA_FIELDS = [['requests_per_minute', 1], ['requests_per_hour', 1], ['uploads_per_minute', 1],
    ['organization_requests_per_minute', 1], ['organization_requests_per_hour', 1],
    ['stored_bytes', 0], ['generations_per_month', 0], ['fal_items_per_month', 0]];

/**
 * One organization's quota overrides ({@code PUT /organizations/{id}/quotas} replaces them all): an empty field is the
 * installation's default, shown as its placeholder with the value in force.
 * The fields are given their first values only (defaultValue): a redraw (a refused save) keeps what the admin typed.
 */
function QuotaDialog({ organization, onClose }) {
    const quotas = useLoad(() => get(`/organizations/${organization.id}/quotas`), [organization.id]);
    const [act, error] = useAct();
    const save = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        const body = {};
        QUOTA_FIELDS.forEach(([field]) => { body[field] = form.get(field) === '' ? null : Number(form.get(field)); });
        body.fal_allowed = form.get('fal_allowed') === '' ? null : form.get('fal_allowed') === 'true';
        act(async () => { await put(`/organizations/${organization.id}/quotas`, body); onClose(); });
    };
    const overrides = quotas.data?.overrides;
    const fal = overrides ? (overrides.fal_allowed === null ? '' : String(overrides.fal_allowed)) : '';
    return html`<${Dialog} title=${t('orgs.quotasOf', { name: organization.name })} onClose=${onClose}>
        <${ErrorBox} error=${error || quotas.error}/>
        ${!overrides ? html`<${Loading}/>` : html`<form id="quota-form" onSubmit=${save}>
            <p>${t('orgs.quotasHint')}</p>
            ${QUOTA_FIELDS.map(([field, min]) => html`<label>${t(`orgs.quota.${field}`)}<input type="number" name=${field} min=${min}
                defaultValue=${overrides[field] ?? ''} placeholder=${quotas.data.effective[field]}/></label>`)}
            <label>${t('orgs.quota.fal_allowed')}<select name="fal_allowed">
                <option value="" selected=${fal === ''}>${t('orgs.quotaDefault', { value: quotas.data.effective.fal_allowed ? t('common.yes') : t('common.no') })}</option>
                <option value="true" selected=${fal === 'true'}>${t('common.yes')}</option><option value="false" selected=${fal === 'false'}>${t('common.no')}</option></select></label>
            <div class="actions"><button class="primary" type="submit">${t('common.save')}</button></div>
        </form>`}<//>`;
}

function StorageAdmin() {
    const owed = useOwedDeletions();
    const [act, error] = useAct();
    const [scan, setScan] = useState(null);
    return html`<${ErrorBox} error=${error}/>
    <section class="card"><h2>${t('storageAdmin.orphanScan')}</h2>
        <p>${t('storageAdmin.orphanScanText')}</p>
        <button onClick=${() => act(async () => { setScan(await post('/admin/storage/orphan-scan')); owed.reload(); })}>${t('storageAdmin.runScan')}</button>
        ${scan ? html`<${Status} tag="p" text=${scan.scanned ? t('storageAdmin.scanDone', { count: scan.orphans_retired }) : t('storageAdmin.scanBusy')}/>` : null}
    </section>
    <${OwedDeletions} list=${owed}/>
    <${DeadLetters}/>`;
}

// After an SMTP outage longer than the retry policy, the mails it killed wait here for a resend once the server is back.
function MailAdmin() {
    const outbox = useLoad(() => get('/admin/mail/outbox'));
    const dead = usePagedLoad('/admin/mail/dead');
    const [act, error] = useAct();
    const resend = m => act(async () => { await post(`/admin/mail/dead/${m.id}/resend`); dead.reload(); outbox.reload(); });
    const items = dead.data?.items || [];
    return html`<${ErrorBox} error=${error || outbox.error || dead.error}/>
    <div class="toolbar"><button onClick=${() => { outbox.reload(); dead.reload(); }}>${t('common.refresh')}</button></div>
    ${outbox.data ? html`<section class="card" id="mail-outbox"><h2>${t('mailAdmin.outbox')}</h2>
        <p>${t('mailAdmin.counts', { queued: outbox.data.queued, sent: outbox.data.sent, dead: outbox.data.dead })}</p>
        ${outbox.data.oldest_queued_at ? html`<p>${t('mailAdmin.oldestQueued', { at: formatTime(outbox.data.oldest_queued_at) })}</p>` : null}
    </section>` : null}
    <section class="card"><h2>${t('mailAdmin.dead')}</h2>
        <p>${t('mailAdmin.deadText')}</p>
        ${!dead.data ? (dead.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('mailAdmin.noDead')}<//>` : html`<table class="list" id="dead-mails">
            <thead><tr><th scope="col">${t('mailAdmin.queuedAt')}</th><th scope="col">${t('mailAdmin.recipient')}</th>
                <th scope="col">${t('mailAdmin.subject')}</th><th scope="col">${t('mailAdmin.error')}</th>
                <th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
            <tbody>${items.map(m => html`<tr data-mail=${m.id}><td>${formatTime(m.created_at)}</td><td>${m.recipient}</td>
                <td>${m.subject}</td><td>${m.last_error || ''} <small>(${t('mailAdmin.attempts', { count: m.attempts })})</small></td>
                <td><button class="resend" onClick=${() => resend(m)}>${t('mailAdmin.resend')}</button></td></tr>`)}</tbody>
        </table>
        <${ListPager} list=${dead}/>`}
    </section>`;
}

// A claim admits nobody until approved here; the operator checks ownership outside ARV first, so approving asks again.
function DomainClaims() {
    const claims = usePagedLoad('/sso-domain-claims');
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    const decide = (c, verb) => confirm(t(`domainClaims.confirm.${verb}`, { domain: c.domain, organization: c.organization_name }),
        () => act(async () => { await post(`/sso-domain-claims/${c.organization_id}/${encodeURIComponent(c.domain)}/${verb}`); claims.reload(); }));
    const items = claims.data?.items || [];
    return html`<p>${t('domainClaims.intro')}</p>
    <${ErrorBox} error=${error || claims.error}/>
    <div class="toolbar"><button id="refresh-claims" onClick=${() => claims.reload()}>${t('common.refresh')}</button></div>
    ${!claims.data ? (claims.loading ? html`<${Loading}/>` : null) : items.length === 0 ? html`<${Empty}>${t('domainClaims.empty')}<//>` : html`<table class="list" id="claims-table">
        <thead><tr><th scope="col">${t('domainClaims.domain')}</th><th scope="col">${t('domainClaims.organization')}</th>
            <th scope="col">${t('domainClaims.claimedBy')}</th><th scope="col">${t('domainClaims.claimedAt')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${items.map(c => html`<tr data-domain=${c.domain} data-organization=${c.organization_id}>
            <td>${c.domain}</td><td>${c.organization_name}</td><td>${c.claimed_by || '–'}</td><td>${formatTime(c.claimed_at)}</td>
            <td><button class="approve" onClick=${() => decide(c, 'approve')}>${t('domainClaims.approve')}</button>
                <button class="danger refuse" onClick=${() => decide(c, 'refuse')}>${t('domainClaims.refuse')}</button></td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${claims}/>`}
    ${confirmDialog}`;
}
