// Organization settings (org admins): people, API keys (the secret shown once), storage connections (with the deletions
// still owed and the dead letters that can hold them), the e-mail domains claimed for single sign-on, usage and clean-up.
import { html, useState, t, language, currentSession, get, post, patch, put, del, useLoad, useConfirm, ErrorBox, Loading, Empty, Dialog, formatTime, formatBytes, useAct, TabbedScreen, usePagedLoad, ListPager, Added, useLimits, Status, newPasswordRules } from './core.js';
import { OwedDeletions, useOwedDeletions, DeadLetters } from './deletions.js';

export function Settings({ params: [tab] }) {
    return html`<${TabbedScreen} screen="settings" tab=${tab} panels=${{ users: Users, keys: ApiKeys, storage: Storage, sso: SingleSignOn, maintenance: Maintenance }}/>`;
}

function Users() {
    const users = usePagedLoad('/users');
    // One's own row offers neither a role change nor deactivation: either would lock the admin out of this very screen
    // (the API allows both while another admin remains; the console leaves them to that other admin).
    const me = currentSession()?.me;
    const isMe = u => me?.kind === 'user' && u.id === me.id;
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    const limits = useLimits();
    const add = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        act(async () => {
            const user = await post('/users', { email: form.get('email'), password: form.get('password'), role: form.get('role') });
            event.target.reset();
            users.created(user.email);
        });
    };
    return html`<section class="card"><h2>${t('settings.addUser')}</h2>
        <form onSubmit=${add} class="inline" id="add-user">
            <label>${t('signIn.email')}<input name="email" type="email" required/></label>
            <label>${t('settings.initialPassword')}<input name="password" type="password" ...${newPasswordRules(limits)} required autocomplete="new-password"/></label>
            <label>${t('settings.role')}<select name="role"><option value="MEMBER">${t('role.MEMBER')}</option><option value="ADMIN">${t('role.ADMIN')}</option></select></label>
            <button class="primary" type="submit">${t('common.add')}</button>
        </form>
        <${Added} list=${users} id="user-added"/></section>
    <${ErrorBox} error=${error || users.error}/>
    ${!users.data ? (users.loading ? html`<${Loading}/>` : null) : html`<table class="list" id="users-table">
        <thead><tr><th scope="col">${t('signIn.email')}</th><th scope="col">${t('settings.role')}</th><th scope="col">${t('settings.active')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${users.data.items.map(u => html`<tr><td>${u.email}</td>
            <td><select aria-label=${t('settings.roleOf', { email: u.email })} value=${u.role} disabled=${!u.active || isMe(u)}
                title=${isMe(u) ? t('settings.ownRow') : null}
                onChange=${e => act(async () => { await patch(`/users/${u.id}`, { role: e.target.value }); users.reload(); })}>
                <option value="MEMBER">${t('role.MEMBER')}</option><option value="ADMIN">${t('role.ADMIN')}</option></select></td>
            <td>${u.active ? t('common.yes') : t('common.no')}</td>
            <td>${isMe(u) ? html`<span class="you" title=${t('settings.ownRow')}>${t('settings.you')}</span>` : u.active ? html`<button class="danger" onClick=${() => confirm(t('settings.confirmDeactivate', { email: u.email }),
                () => act(async () => { await del(`/users/${u.id}`); users.reload(); }))}>${t('settings.deactivate')}</button>` : html`<button class="reactivate"
                onClick=${() => act(async () => { await patch(`/users/${u.id}`, { active: true }); users.reload(); })}>${t('settings.reactivate')}</button>`}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${users}/>`}
    ${confirmDialog}
    <${Invitations}/>`;
}

/** Invite by mail (the person chooses their own password), and the organization's invitations with resend and revoke. */
function Invitations() {
    const invitations = usePagedLoad('/users/invitations', undefined, { param: 'invitations_offset' });
    const [act, error] = useAct();
    const [sent, setSent] = useState(null);
    const [confirm, confirmDialog] = useConfirm();
    const invite = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        act(async () => {
            const invitation = await post('/users/invitations', { email: form.get('email'), role: form.get('role'),
                name: form.get('name') || null, locale: form.get('locale') });
            setSent(invitation.email);
            event.target.reset();
            invitations.created();
        });
    };
    const open = i => i.status === 'pending' || i.status === 'expired';
    return html`<section class="card"><h2>${t('invite.title')}</h2>
        <p>${t('invite.intro')}</p>
        <form onSubmit=${invite} class="inline" id="invite-form">
            <label>${t('signIn.email')}<input name="email" type="email" required maxlength="254"/></label>
            <label>${t('invite.name')}<input name="name" maxlength="200"/></label>
            <label>${t('settings.role')}<select name="role"><option value="MEMBER">${t('role.MEMBER')}</option><option value="ADMIN">${t('role.ADMIN')}</option></select></label>
            <label>${t('invite.language')}<select name="locale" value=${language}><option value="en">English</option><option value="ru">Русский</option></select></label>
            <button class="primary" type="submit">${t('invite.send')}</button>
        </form>
        ${sent ? html`<${Status} tag="p" id="invite-sent" text=${t('invite.sent', { email: sent })}/>` : null}</section>
    <${ErrorBox} error=${error || invitations.error}/>
    <h2>${t('invite.pending')}</h2>
    ${!invitations.data ? (invitations.loading ? html`<${Loading}/>` : null) : invitations.data.items.length === 0 ? html`<${Empty}>${t('invite.none')}<//>` : html`<table class="list" id="invitations-table">
        <thead><tr><th scope="col">${t('signIn.email')}</th><th scope="col">${t('settings.role')}</th><th scope="col">${t('invite.status')}</th>
            <th scope="col">${t('invite.expires')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${invitations.data.items.map(i => html`<tr data-status=${i.status}><td>${i.email}</td><td>${t(`role.${i.role}`)}</td>
            <td>${t(`invite.status.${i.status}`)}</td><td>${formatTime(i.expires_at)}</td>
            <td>${open(i) ? html`<button onClick=${() => act(async () => { await post(`/users/invitations/${i.id}/resend`); invitations.reload(); })}>${t('invite.resend')}</button>
                <button class="danger" onClick=${() => confirm(t('invite.confirmRevoke', { email: i.email }),
                    () => act(async () => { await del(`/users/invitations/${i.id}`); invitations.reload(); }))}>${t('invite.revoke')}</button>` : null}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${invitations}/>`}
    ${confirmDialog}`;
}

function ApiKeys() {
    const keys = usePagedLoad('/api-keys');
    const [act, error, busy] = useAct();
    const [issued, setIssued] = useState(null);
    const [copied, setCopied] = useState(false);
    const [confirm, confirmDialog] = useConfirm();
    const issue = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        act(async () => {
            const key = await post('/api-keys', { name: form.get('name'), scope: form.get('scope') });
            setIssued(key);
            setCopied(false);
            event.target.reset();
            keys.created(key.name);
        });
    };
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(issued.secret);
        } catch (e) {
            // Without clipboard permission the secret stays selected for the user to copy.
            document.getElementById('api-key-secret').select();
        }
        setCopied(true);
    };
    return html`<section class="card"><h2>${t('settings.newKey')}</h2>
        <form onSubmit=${issue} class="inline" id="new-api-key">
            <label>${t('settings.keyName')}<input name="name" required maxlength="100"/></label>
            <label>${t('settings.scope')}<select name="scope"><option value="USER">${t('scope.USER')}</option><option value="ADMIN">${t('scope.ADMIN')}</option></select></label>
            <button class="primary" type="submit" disabled=${busy}>${t('common.create')}</button>
        </form>
        <${Added} list=${keys} id="key-added"/></section>
    <${ErrorBox} error=${error || keys.error}/>
    ${issued ? html`<${Dialog} title=${t('settings.keyIssued')} onClose=${() => setIssued(null)}>
        <p>${t('settings.keyOnce')}</p>
        <input id="api-key-secret" readonly value=${issued.secret} aria-label=${t('settings.secret')} onFocus=${e => e.target.select()}/>
        <div class="actions"><button class="primary" id="copy-secret" onClick=${copy}>${t('settings.copy')}</button>
            ${copied ? html`<${Status} id="copied" text=${t('settings.copied')}/>` : null}
            <button onClick=${() => setIssued(null)}>${t('common.close')}</button></div>
    <//>` : null}
    ${!keys.data ? (keys.loading ? html`<${Loading}/>` : null) : keys.data.items.length === 0 ? html`<${Empty}>${t('settings.noKeys')}<//>` : html`<table class="list" id="keys-table">
        <thead><tr><th scope="col">${t('settings.keyName')}</th><th scope="col">${t('settings.scope')}</th><th scope="col">${t('settings.prefix')}</th>
            <th scope="col">${t('common.created')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${keys.data.items.map(k => html`<tr><td>${k.name}</td><td>${t(`scope.${k.scope}`)}</td><td><code>${k.prefix}</code></td>
            <td>${formatTime(k.created_at)}</td>
            <td>${k.revoked_at ? t('settings.revoked') : html`<button class="danger" onClick=${() => confirm(t('settings.confirmRevoke', { name: k.name }),
                () => act(async () => { await del(`/api-keys/${k.id}`); keys.reload(); }))}>${t('settings.revoke')}</button>`}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${keys}/>`}
    ${confirmDialog}`;
}

function Storage() {
    // Answered whole (the API does not page this list): a limit would be ignored.
    const connections = useLoad(() => get('/storage-connections'));
    // What may hold a connection the admin is refused to change (409 storage_connection_in_use).
    const owed = useOwedDeletions();
    const [act, error] = useAct();
    const [provider, setProvider] = useState('S3');
    const [probe, setProbe] = useState(null);
    const [stats, setStats] = useState(null);
    const [editing, setEditing] = useState(null);
    const [changed, setChanged] = useState(false);
    const create = event => {
        event.preventDefault();
        const form = new FormData(event.target);
        const body = { name: form.get('name'), provider, is_default: form.get('is_default') === 'on' };
        if (provider === 'S3') {
            Object.assign(body, { endpoint: form.get('endpoint'), region: form.get('region') || null, bucket: form.get('bucket'),
                access_key: form.get('access_key'), secret_key: form.get('secret_key'), base_path: form.get('base_path') || null });
        } else {
            body.directory = form.get('directory');
        }
        act(async () => {
            await post('/storage-connections', body);
            event.target.reset();
            connections.reload();
        });
    };
    return html`<section class="card"><h2>${t('settings.newConnection')}</h2>
        <form onSubmit=${create} class="stack">
            <label>${t('settings.connectionName')}<input name="name" required/></label>
            <label>${t('settings.provider')}<select value=${provider} onChange=${e => setProvider(e.target.value)}><option value="S3">S3</option><option value="LOCAL">local</option></select></label>
            ${provider === 'S3' ? html`
                <label>${t('settings.endpoint')}<input name="endpoint" type="url" required placeholder="https://s3.example.com"/></label>
                <label>${t('settings.region')}<input name="region"/></label>
                <label>${t('settings.bucket')}<input name="bucket" required/></label>
                <label>${t('settings.accessKey')}<input name="access_key" required autocomplete="off"/></label>
                <label>${t('settings.secretKey')}<input name="secret_key" type="password" required autocomplete="new-password"/></label>
                <label>${t('settings.basePath')}<input name="base_path"/></label>` : html`
                <label>${t('settings.directory')}<input name="directory" required/></label>`}
            <label class="check"><input type="checkbox" name="is_default"/>${t('settings.isDefault')}</label>
            <button class="primary" type="submit">${t('common.create')}</button>
        </form></section>
    <${ErrorBox} error=${error || connections.error}/>
    ${!connections.data ? (connections.loading ? html`<${Loading}/>` : null) : connections.data.items.length === 0 ? html`<${Empty}>${t('settings.noConnections')}<//>` : html`<table class="list">
        <thead><tr><th scope="col">${t('settings.connectionName')}</th><th scope="col">${t('settings.provider')}</th><th scope="col">${t('settings.isDefault')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${connections.data.items.map(c => html`<tr><td>${c.name}</td><td>${c.provider}</td><td>${c.is_default ? t('common.yes') : t('common.no')}</td>
            <td><button class="edit-connection" onClick=${() => setEditing(c)}>${t('settings.editConnection')}</button>
                <button class="test-connection" onClick=${() => act(async () => setProbe({ name: c.name, report: await post(`/storage-connections/${c.id}/test`) }))}>${t('settings.test')}</button>
                <button class="connection-stats" onClick=${() => act(async () => setStats({ name: c.name, usage: await get(`/storage-connections/${c.id}/stats`) }))}>${t('settings.stats')}</button></td></tr>`)}</tbody>
    </table>`}
    ${editing ? html`<${EditConnection} connection=${editing} onClose=${() => setEditing(null)}
        onChanged=${() => { setEditing(null); setChanged(true); connections.reload(); }}/>` : null}
    ${changed ? html`<${Status} tag="p" id="connection-changed" text=${t('common.saved')}/>` : null}
    ${probe ? html`<${Dialog} title=${t('settings.testOf', { name: probe.name })} onClose=${() => setProbe(null)}>
        <p class=${probe.report.ok ? 'ok' : 'error'}>${probe.report.ok ? t('settings.testOk') : t('settings.testFailed')}</p>
        <ol class="steps">${probe.report.steps.map(s => html`<li class=${s.ok ? 'ok' : 'error'}>${s.ok ? '✓' : '✗'} ${t(`settings.step.${s.name}`)} · ${t('settings.stepMillis', { millis: s.millis })}${s.error ? ` · ${s.error}` : ''}</li>`)}</ol>
    <//>` : null}
    ${stats ? html`<${Dialog} title=${t('settings.statsOf', { name: stats.name })} onClose=${() => setStats(null)}>
        <dl class="pairs">${Object.entries(stats.usage).map(([k, v]) => html`<dt>${t(`settings.statsField.${k}`)}</dt><dd>${typeof v === 'number' && k.includes('bytes') ? formatBytes(v) : JSON.stringify(v)}</dd>`)}</dl>
    <//>` : null}
    <${OwedDeletions} list=${owed}/>
    <${DeadLetters}/>`;
}

/** The settings of a connection the API lets change, as its form shows them (the secret is never shown back). */
function connectionFields(c) {
    return { name: c.name || '', is_default: !!c.is_default, directory: c.directory || '', endpoint: c.endpoint || '',
        region: c.region || '', bucket: c.bucket || '', access_key: c.access_key || '', secret_key: '', base_path: c.base_path || '' };
}

/**
 * Changes a storage connection (PATCH /storage-connections/{id}): only the fields the user changed are sent, so a
 * connection through which files are stored can still be renamed or made the default (its place, the directory, endpoint,
 * bucket or base path, is refused while anything is stored there: 409). The S3 secret is write-only: the field starts
 * empty, and left empty the secret stays as it is.
 */
function EditConnection({ connection, onClose, onChanged }) {
    const [act, error, busy] = useAct();
    const stored = connectionFields(connection);
    const [fields, setFields] = useState(stored);
    const s3 = connection.provider === 'S3';
    const edit = event => {
        const { name, type, checked, value } = event.target;
        if (name in stored) setFields(f => ({ ...f, [name]: type === 'checkbox' ? checked : value }));
    };
    const submit = event => {
        event.preventDefault();
        const changes = {};
        for (const [field, value] of Object.entries(fields)) {
            if (field === 'secret_key' ? value !== '' : value !== stored[field]) changes[field] = value;
        }
        act(async () => {
            if (Object.keys(changes).length) await patch(`/storage-connections/${connection.id}`, changes);
            onChanged();
        });
    };
    return html`<${Dialog} title=${t('settings.editConnectionOf', { name: connection.name })} onClose=${onClose}>
        <form onSubmit=${submit} onInput=${edit} onChange=${edit} class="stack" id="edit-connection">
            <label>${t('settings.connectionName')}<input name="name" required maxlength="100" value=${fields.name}/></label>
            ${s3 ? html`
                <label>${t('settings.endpoint')}<input name="endpoint" type="url" required value=${fields.endpoint}/></label>
                <label>${t('settings.region')}<input name="region" maxlength="64" value=${fields.region}/></label>
                <label>${t('settings.bucket')}<input name="bucket" required maxlength="63" value=${fields.bucket}/></label>
                <label>${t('settings.accessKey')}<input name="access_key" required maxlength="200" autocomplete="off" value=${fields.access_key}/></label>
                <label>${t('settings.secretKey')}<input name="secret_key" type="password" maxlength="500" autocomplete="new-password"
                    aria-describedby="secret-kept" value=${fields.secret_key}/></label>
                <p class="hint" id="secret-kept">${t('settings.secretKept')}</p>
                <label>${t('settings.basePath')}<input name="base_path" maxlength="200" value=${fields.base_path}/></label>` : html`
                <label>${t('settings.directory')}<input name="directory" required maxlength="400" value=${fields.directory}/></label>`}
            <label class="check"><input type="checkbox" name="is_default" checked=${fields.is_default}/>${t('settings.isDefault')}</label>
            <p class="hint">${t('settings.placeInUse')}</p>
            <${ErrorBox} error=${error}/>
            <div class="actions"><button class="primary" type="submit" disabled=${busy}>${t('common.save')}</button>
                <button type="button" onClick=${onClose}>${t('common.cancel')}</button></div>
        </form>
    <//>`;
}

/**
 * The e-mail domains the organization claims for single sign-on. The API replaces the whole list, so adding or removing
 * one sends the others as they are (they keep their state); a new claim waits for the platform's operators.
 */
function SingleSignOn() {
    const claims = useLoad(() => get('/sso-domains'));
    const [act, error] = useAct();
    const [confirm, confirmDialog] = useConfirm();
    const domains = claims.data?.domains || [];
    const claim = event => {
        event.preventDefault();
        const domain = new FormData(event.target).get('domain').trim();
        act(async () => {
            await put('/sso-domains', { domains: [...domains, domain] });
            event.target.reset();
            claims.reload();
        });
    };
    const remove = domain => confirm(t('ssoDomains.confirmRemove', { domain }),
        () => act(async () => { await put('/sso-domains', { domains: domains.filter(d => d !== domain) }); claims.reload(); }));
    return html`<section class="card"><h2>${t('ssoDomains.claim')}</h2>
        <p>${t('ssoDomains.intro')}</p>
        <form onSubmit=${claim} class="inline" id="claim-domain">
            <label>${t('ssoDomains.domain')}<input name="domain" required maxlength="253" placeholder="example.com" autocomplete="off"/></label>
            <button class="primary" type="submit">${t('ssoDomains.claimButton')}</button>
        </form></section>
    <${ErrorBox} error=${error || claims.error}/>
    ${!claims.data ? (claims.loading ? html`<${Loading}/>` : null) : claims.data.claims.length === 0 ? html`<${Empty}>${t('ssoDomains.none')}<//>` : html`<table class="list" id="sso-domains-table">
        <thead><tr><th scope="col">${t('ssoDomains.domain')}</th><th scope="col">${t('ssoDomains.state')}</th><th scope="col">${t('ssoDomains.claimedBy')}</th>
            <th scope="col">${t('ssoDomains.claimedAt')}</th><th scope="col">${t('ssoDomains.decidedAt')}</th><th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
        <tbody>${claims.data.claims.map(c => html`<tr data-domain=${c.domain} data-state=${c.state}><td>${c.domain}</td>
            <td><span class=${`badge claim-${c.state}`}>${t(`ssoDomains.state.${c.state}`)}</span></td><td>${c.claimed_by || '–'}</td>
            <td>${c.claimed_at ? formatTime(c.claimed_at) : '–'}</td><td>${c.decided_at ? formatTime(c.decided_at) : '–'}</td>
            <td><button class="danger remove" onClick=${() => remove(c.domain)}>${t('ssoDomains.remove')}</button></td></tr>`)}</tbody>
    </table>`}
    ${confirmDialog}`;
}

function Maintenance() {
    const [act, error] = useAct();
    const [result, setResult] = useState(null);
    const [confirm, confirmDialog] = useConfirm();
    const usage = useLoad(() => get('/usage'));
    const cleanup = event => {
        event.preventDefault();
        const hours = Number(new FormData(event.target).get('older_than_hours'));
        confirm(t('settings.confirmCleanup', { hours }), () => act(async () => setResult(await post('/admin/cleanup', { older_than_hours: hours }))));
    };
    return html`<section class="card"><h2>${t('settings.usage')}</h2>
        ${usage.data ? html`<dl class="pairs">
            <dt>${t('settings.storedBytes')}</dt><dd>${formatBytes(usage.data.stored_bytes.used)} / ${formatBytes(usage.data.stored_bytes.quota)}</dd>
            <dt>${t('settings.generationsMonth')}</dt><dd>${usage.data.generations_per_month.used} / ${usage.data.generations_per_month.quota}</dd>
        </dl>` : usage.error ? html`<${ErrorBox} error=${usage.error}/>` : html`<${Loading}/>`}</section>
    <section class="card"><h2>${t('settings.cleanup')}</h2>
        <form onSubmit=${cleanup} class="inline">
            <label>${t('settings.olderThanHours')}<input type="number" name="older_than_hours" value="720" min="0" max="87600" required/></label>
            <button class="danger" type="submit">${t('settings.runCleanup')}</button>
        </form>
        ${result ? html`<${Status} tag="p" text=${t('settings.cleanupDone', { jobs: result.jobs_deleted, items: result.items_deleted, files: result.files_deleted })}/>` : null}
    </section>
    <${ErrorBox} error=${error}/>
    ${confirmDialog}`;
}
