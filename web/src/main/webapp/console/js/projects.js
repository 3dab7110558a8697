// Projects and their AR content: listing, drag-and-drop upload with per-file progress, live marker status,
// the quality picture, overlays, schedule, viewer link and QR, print kits; and "check a photo before printing".
import {
    html, useState, useEffect, useRef, t, language, get, getTagged, mergePatch, post, patch, del, upload, uploadInTurn, download, onEvent, useLoad, useConfirm, ErrorBox,
    Loading, Empty, usePagedLoad, ListPager, ProgressBar, StatusBadge, DropZone, AuthImg, ModelView, Dialog, formatTime, formatBytes, blob,
    postForBlob, useTitle, useAct, useDebounced, useHashParam, useLimits, Status, typeNames
} from './core.js';

const PAGE = 20;
/** Completed generation jobs offered per page when attaching a model. */
const ATTACH_PAGE = 10;

export function Projects() {
    useTitle(t('nav.projects'));
    // The search and the page shown are in the address (#/projects?q=…&offset=…): a reload or Back finds them again.
    const [search, setSearch] = useHashParam('q');
    const [creating, setCreating] = useState(false);
    // The server searches and pages: an organization may have far more projects than one answer holds.
    const query = useDebounced(search);
    const projects = usePagedLoad(`/projects?q=${encodeURIComponent(query)}`, PAGE);
    const { data, error, loading, reload } = projects;
    const page = data?.items || [];
    return html`<h1>${t('nav.projects')}</h1>
    <div class="toolbar">
        <label class="search">${t('common.search')}<input type="search" value=${search}
            onInput=${e => setSearch(e.target.value)}/></label>
        <button class="primary" id="new-project" onClick=${() => setCreating(true)}>${t('projects.new')}</button>
    </div>
    <${ErrorBox} error=${error}/>
    ${!data ? (loading ? html`<${Loading}/>` : null) : page.length === 0 ? html`<${Empty}>${query ? t('common.noMatch') : t('projects.empty')}<//>` : html`
    <table class="list" id="projects-table">
        <thead><tr><th scope="col">${t('projects.name')}</th><th scope="col">${t('projects.description')}</th><th scope="col">${t('common.created')}</th></tr></thead>
        <tbody>${page.map(p => html`<tr><td><a href=${`#/projects/${p.id}`}>${p.name}</a></td><td>${p.description || ''}</td>
            <td>${formatTime(p.created_at)}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${projects}/>`}
    ${creating ? html`<${NewProject} onClose=${() => setCreating(false)} onCreated=${p => { setCreating(false); reload(); location.hash = `#/projects/${p.id}`; }}/>` : null}`;
}

function NewProject({ onClose, onCreated }) {
    const [error, setError] = useState(null);
    const submit = async event => {
        event.preventDefault();
        const form = new FormData(event.target);
        try {
            onCreated(await post('/projects', { name: form.get('name'), description: form.get('description') || null }));
        } catch (e) {
            setError(e);
        }
    };
    return html`<${Dialog} title=${t('projects.new')} onClose=${onClose}>
        <form onSubmit=${submit}>
            <label>${t('projects.name')}<input name="name" required maxlength="200" autofocus/></label>
            <label>${t('projects.description')}<textarea name="description" maxlength="2000"></textarea></label>
            <${ErrorBox} error=${error}/>
            <div class="actions"><button class="primary" type="submit">${t('common.create')}</button>
                <button type="button" onClick=${onClose}>${t('common.cancel')}</button></div>
        </form>
    <//>`;
}

/**
 * Renames a project or changes its description (PATCH /projects/{id}, which takes no If-Match: the last change wins).
 * Only what the user changed is sent; an emptied description is sent empty (a null would leave it as it was).
 */
function EditProject({ project, onClose, onChanged }) {
    const [act, error, busy] = useAct();
    // What the fields hold: a redraw (busy, a refusal) shows what the user typed, not the project as it was read.
    const [fields, setFields] = useState({ name: project.name, description: project.description || '' });
    const edit = event => setFields(f => ({ ...f, [event.target.name]: event.target.value }));
    const submit = event => {
        event.preventDefault();
        const changes = {};
        if (fields.name !== project.name) changes.name = fields.name;
        if (fields.description !== (project.description || '')) changes.description = fields.description;
        act(async () => onChanged(Object.keys(changes).length ? await patch(`/projects/${project.id}`, changes) : project));
    };
    return html`<${Dialog} title=${t('projects.edit')} onClose=${onClose}>
        <form onSubmit=${submit} onInput=${edit} id="edit-project">
            <label>${t('projects.name')}<input name="name" required maxlength="200" value=${fields.name} autofocus/></label>
            <label>${t('projects.description')}<textarea name="description" maxlength="2000" value=${fields.description}></textarea></label>
            <${ErrorBox} error=${error}/>
            <div class="actions"><button class="primary" type="submit" disabled=${busy}>${t('common.save')}</button>
                <button type="button" onClick=${onClose}>${t('common.cancel')}</button></div>
        </form>
    <//>`;
}

const STATUSES = ['pending', 'compiling', 'ready', 'failed'];

export function ProjectDetail({ params: [id] }) {
    const project = useLoad(() => get(`/projects/${id}`), [id]);
    const [search, setSearch] = useHashParam('q');
    const [status, setStatus] = useHashParam('status');
    const query = useDebounced(search);
    const contents = usePagedLoad(`/projects/${id}/ar-content?q=${encodeURIComponent(query)}&marker_status=${status}`, PAGE);
    const [uploads, setUploads] = useState([]);
    const [confirm, confirmDialog] = useConfirm();
    const [act, error] = useAct();
    // The server's ARV_MEDIA_ALLOWED_TYPES; until they are known (or for a file the browser gives no type) the server decides.
    const allowedTypes = useLimits()?.allowed_types;
    const imageTypes = allowedTypes?.join(',');
    const [kit, setKit] = useState({ size: 'A5', bleed: false });
    const [editing, setEditing] = useState(false);
    const [changed, setChanged] = useState(false);
    useTitle(project.data?.name || t('nav.projects'));

    // Live marker status: each event of one of this project's contents replaces that row.
    useEffect(() => onEvent(event => {
        if (event.source === 'resync') contents.reload();
        if (event.source !== 'markers') return;
        contents.setData(data => {
            if (!data || !data.items.some(c => c.id === event.id)) return data;
            return { ...data, items: data.items.map(c => c.id === event.id
                ? { ...c, marker: { ...c.marker, status: event.marker_status, failure: event.failure } } : c) };
        });
        get(`/ar-content/${event.id}`).then(fresh => contents.setData(data => data && ({
            ...data, items: data.items.map(c => c.id === fresh.id ? fresh : c) })), () => {});
    }), [id]);

    // One request per portrait (each gets its own progress, verdict and error), two at a time, waiting out the upload limit.
    const addFiles = files => {
        const images = files.filter(f => !f.type || !allowedTypes || allowedTypes.includes(f.type));
        const items = images.map(file => {
            const key = `${file.name}-${Math.random()}`;
            const track = change => setUploads(list => list.map(u => (u.key === key ? { ...u, ...change } : u)));
            const form = new FormData();
            form.append('title', file.name.replace(/\.[^.]+$/, ''));
            form.append('image', file, file.name);
            return { key, name: file.name, form, track,
                onWaiting: seconds => track({ waiting: seconds }),
                // Said done with a link to it: the page shown is read again (the new portrait may belong on another page,
                // or not match the search or the marker status chosen), so the row may not be there.
                onDone: created => {
                    track({ done: true, waiting: null, id: created.id });
                    contents.created();
                },
                onError: e => track({ error: e, waiting: null }) };
        });
        setUploads(list => [...list, ...items.map(({ key, name }) => ({ key, name, progress: 0 }))]);
        uploadInTurn(items, item => upload(`/projects/${id}/ar-content`, item.form,
            progress => item.track({ progress, waiting: null })));
    };

    const remove = () => confirm(t('projects.confirmDelete', { name: project.data.name }), () => act(async () => {
        await del(`/projects/${id}`);
        location.hash = '#/projects';
    }));

    const printKit = () => act(() => download(`/projects/${id}/print-kit.pdf?size=${kit.size}&bleed=${kit.bleed}&lang=${language}`,
        `${project.data.name}-print-kit.pdf`));

    const markerPack = () => act(async () => {
        const pack = await post(`/projects/${id}/marker-pack`);
        await download(pack.content_url, `${project.data.name}.mind`);
    });

    if (project.loading) return html`<${Loading}/>`;
    if (!project.data) return html`<${ErrorBox} error=${project.error}/>`;
    const page = contents.data?.items || [];
    return html`<p class="crumbs"><a href="#/projects">${t('nav.projects')}</a></p>
    <h1 id="project-name">${project.data.name}</h1>
    ${project.data.description ? html`<p id="project-description">${project.data.description}</p>` : null}
    <p class="actions"><button id="edit-project-open" onClick=${() => { setChanged(false); setEditing(true); }}>${t('projects.edit')}</button>
        ${changed ? html`<${Status} id="project-changed" text=${t('common.saved')}/>` : null}</p>
    <${ErrorBox} error=${error || contents.error}/>
    <section class="card">
        <h2>${t('content.add')}</h2>
        <${DropZone} id="portrait-drop" accept=${imageTypes} label=${t('content.drop', { types: typeNames(allowedTypes) })} onFiles=${addFiles}/>
        ${uploads.length ? html`<ul class="uploads" id="uploads">${uploads.map(u => html`<li data-done=${!!u.done}>
            ${u.done ? html`<a href=${`#/content/${u.id}`}>${u.name}</a>` : html`<span>${u.name}</span>`}${u.error ? html`<${ErrorBox} error=${u.error}/>` : u.done
                ? html`<${Status} className="added" text=${t('content.added')}/>` : u.waiting
                ? html`<${Status} className="waiting" text=${t('content.waitingForLimit', { seconds: u.waiting })}/>`
                : html`<${ProgressBar} value=${u.progress} label=${u.name}/>`}</li>`)}</ul>` : null}
    </section>
    <section class="card">
        <h2>${t('content.printKit')}</h2>
        <div class="toolbar">
            <label>${t('content.printSize')}<select value=${kit.size} onChange=${e => setKit({ ...kit, size: e.target.value })}>
                ${['A6', 'A5', 'A4', '10x15'].map(s => html`<option value=${s}>${s}</option>`)}</select></label>
            <label class="check"><input type="checkbox" checked=${kit.bleed} onChange=${e => setKit({ ...kit, bleed: e.target.checked })}/>${t('content.bleed')}</label>
            <button id="project-print-kit" onClick=${printKit}>${t('content.downloadPrintKit')}</button>
            <button onClick=${markerPack}>${t('content.markerPack')}</button>
        </div>
    </section>
    <div class="toolbar">
        <label class="search">${t('common.search')}<input type="search" value=${search} onInput=${e => setSearch(e.target.value)}/></label>
        <label>${t('content.markerStatus')}<select value=${status} onChange=${e => setStatus(e.target.value)}>
            <option value="">${t('common.all')}</option>
            ${STATUSES.map(s => html`<option value=${s}>${t(`status.${s}`)}</option>`)}</select></label>
    </div>
    ${!contents.data ? (contents.loading ? html`<${Loading}/>` : null) : page.length === 0 ? html`<${Empty}>${query || status ? t('common.noMatch') : t('content.empty')}<//>` : html`
    <table class="list" id="content-table">
        <thead><tr><th scope="col">${t('content.title')}</th><th scope="col">${t('content.markerStatus')}</th><th scope="col">${t('content.verdict')}</th>
            <th scope="col">${t('content.views')}</th><th scope="col">${t('content.published')}</th></tr></thead>
        <tbody>${page.map(c => html`<tr data-content=${c.id}><td><a href=${`#/content/${c.id}`}>${c.title}</a></td>
            <td><${StatusBadge} status=${c.marker.status}/></td>
            <td>${c.marker.verdict ? html`<span class=${`verdict verdict-${c.marker.verdict}`}>${t(`verdict.${c.marker.verdict}`)}</span>` : '–'}</td>
            <td>${c.views_count}</td><td>${c.published ? t('common.yes') : t('common.no')}</td></tr>`)}</tbody>
    </table>
    <${ListPager} list=${contents}/>`}
    <p><button class="danger" onClick=${remove}>${t('projects.delete')}</button></p>
    ${editing ? html`<${EditProject} project=${project.data} onClose=${() => setEditing(false)}
        onChanged=${answer => { project.setData(answer); setEditing(false); setChanged(true); }}/>` : null}
    ${confirmDialog}`;
}

function toLocal(instant) {
    if (!instant) return '';
    const d = new Date(instant);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function fromLocal(value) {
    return value ? new Date(value).toISOString() : null;
}

const DATES = ['active_from', 'active_until', 'expires_at'];
/** The fields of a content's Details form. */
const DETAILS = ['title', 'order_number', 'customer_name', ...DATES, 'published'];

/** A content's details as its form shows them (text, datetime-local values, the published flag). */
function detailsOf(c) {
    return { title: c.title || '', order_number: c.order_number || '', customer_name: c.customer_name || '',
        active_from: toLocal(c.active_from), active_until: toLocal(c.active_until), expires_at: toLocal(c.expires_at),
        published: !!c.published };
}

/**
 * What the quality assessment found, in the console's language: a report's findings (a code and its figures) are said
 * from the dictionary; a report stored before findings existed has only its English reasons, shown as they are.
 */
function Findings({ report }) {
    const said = report.findings ? report.findings.map(f => t(`finding.${f.code}`, f.values)) : (report.reasons || []);
    return html`<ul class="reasons">${said.map(r => html`<li>${r}</li>`)}</ul>`;
}

function QualityReport({ marker }) {
    const quality = marker.quality;
    return html`<div class="quality">
        <p><${StatusBadge} status=${marker.status}/>
            ${marker.verdict ? html` <span class=${`verdict verdict-${marker.verdict}`} id="verdict">${t(`verdict.${marker.verdict}`)}</span>` : null}
            ${marker.score != null ? html` · ${t('content.score')}: <strong>${marker.score}</strong>` : null}</p>
        ${marker.failure ? html`<p class="error">${marker.failure}</p>` : null}
        ${quality?.reasons?.length ? html`<${Findings} report=${quality}/>` : null}
        ${quality?.min_print_width_cm ? html`<p>${t('content.minPrintWidth', { cm: quality.min_print_width_cm })}</p>` : null}
    </div>`;
}

export function ContentDetail({ params: [id] }) {
    const content = useLoad(() => getTagged(`/ar-content/${id}`), [id]);
    const overlays = useLoad(() => get(`/ar-content/${id}/overlays`), [id]);
    const [act, error, busy] = useAct();
    const [saved, setSaved] = useState(false);
    const [showQuality, setShowQuality] = useState(false);
    const [overlayProgress, setOverlayProgress] = useState(null);
    const [attaching, setAttaching] = useState(false);
    const [confirm, confirmDialog] = useConfirm();
    const [kit, setKit] = useState({ size: 'A5', bleed: false });
    useTitle(content.data?.title || t('nav.projects'));

    // The details being edited, only the fields the user changed: what a redraw shows instead of the stored value (a live
    // marker event, a save's answer or a re-read after a conflict never undoes typing), and what Save sends.
    const [draft, setDraft] = useState({});
    const [reread, setReread] = useState(false);
    useEffect(() => { setDraft({}); setReread(false); }, [id]);

    // A marker event changes the marker part only: the details shown (and their ETag) stay as they were read.
    useEffect(() => onEvent(event => {
        if ((event.source === 'markers' && event.id === id) || event.source === 'resync') {
            getTagged(`/ar-content/${id}`).then(fresh => content.setData(c => (c ? { ...c, marker: fresh.marker } : fresh)), () => {});
        }
    }), [id]);

    const edit = event => {
        const { name, type, checked, value } = event.target;
        if (!DETAILS.includes(name)) return;
        setDraft(d => ({ ...d, [name]: type === 'checkbox' ? checked : value }));
        setSaved(false);
        setReread(false);
    };

    const save = event => {
        event.preventDefault();
        const c = content.data;
        // Only what the user changed, an emptied field as null (cleared), and only if nobody changed the content since
        // it was read (If-Match): sending every field would undo another operator's change made meanwhile.
        const stored = detailsOf(c);
        const changes = {};
        for (const [field, value] of Object.entries(draft)) {
            if (value === stored[field]) continue;
            if (DATES.includes(field)) changes[field] = fromLocal(value);
            else if (field === 'published') changes[field] = value;
            else changes[field] = value || null;
        }
        act(async () => {
            try {
                const answer = await mergePatch(`/ar-content/${id}`, changes, c.etag);
                content.setData(answer);
                setDraft({});
                setSaved(true);
            } catch (e) {
                if (e.status === 412) {
                    // Changed by someone else since it was read: read it again (its new ETag), keep the user's edits, say so.
                    content.setData(await getTagged(`/ar-content/${id}`));
                    setReread(true);
                    return;
                }
                throw e;
            }
        });
    };

    const uploadOverlay = files => files.slice(0, 1).forEach(file => act(async () => {
        const form = new FormData();
        form.append('file', file, file.name);
        setOverlayProgress(0);
        try {
            await upload(`/ar-content/${id}/overlays`, form, setOverlayProgress);
        } finally {
            setOverlayProgress(null);
        }
        content.reload();
        overlays.reload();
    }));

    // One overlay off the content (its file stays where the media library or another content holds it); the active one
    // removed leaves none active, which the content read again shows.
    const removeOverlay = overlay => confirm(t(content.data.overlay?.media_id === overlay.media_id ? 'content.confirmRemoveActiveOverlay'
        : 'content.confirmRemoveOverlay', { name: overlay.original_name || overlay.media_id }), () => act(async () => {
        await del(`/ar-content/${id}/overlays/${overlay.media_id}`);
        content.reload();
        overlays.reload();
    }));

    if (content.loading) return html`<${Loading}/>`;
    const c = content.data;
    if (!c) return html`<${ErrorBox} error=${content.error}/>`;
    const viewerUrl = new URL(c.viewer_url, location.origin).href;
    const shown = { ...detailsOf(c), ...draft };
    return html`<p class="crumbs"><a href="#/projects">${t('nav.projects')}</a> › <a href=${`#/projects/${c.project_id}`}>${t('content.project')}</a></p>
    <h1>${c.title}</h1>
    ${attaching ? null : html`<${ErrorBox} error=${error}/>`}
    <div class="grid">
        <section class="card"><h2>${t('content.marker')}</h2>
            <${QualityReport} marker=${c.marker}/>
            <div class="actions">
                <button id="open-quality" onClick=${() => setShowQuality(true)}>${t('content.qualityPicture')}</button>
                <button onClick=${() => act(async () => { await post(`/ar-content/${id}/marker/regenerate`); content.reload(); })}>${t('content.regenerate')}</button>
            </div>
        </section>
        <section class="card"><h2>${t('content.viewer')}</h2>
            <p><a href=${viewerUrl} target="_blank" rel="noopener" id="viewer-link">${viewerUrl}</a></p>
            <div class="qr"><${AuthImg} src=${`/api/v1/ar-content/${id}/qr.svg`} alt=${t('content.qrAlt')}/></div>
            <p>${t('content.views')}: <strong id="views">${c.views_count}</strong> · ${t('content.viewsLast30Days')}: <strong id="views-30">${c.views_last_30_days ?? '–'}</strong></p>
            <div class="toolbar">
                <label>${t('content.printSize')}<select value=${kit.size} onChange=${e => setKit({ ...kit, size: e.target.value })}>
                    ${['A6', 'A5', 'A4', '10x15'].map(s => html`<option value=${s}>${s}</option>`)}</select></label>
                <label class="check"><input type="checkbox" checked=${kit.bleed} onChange=${e => setKit({ ...kit, bleed: e.target.checked })}/>${t('content.bleed')}</label>
                <button onClick=${() => act(() => download(`/ar-content/${id}/print-kit.pdf?size=${kit.size}&bleed=${kit.bleed}&lang=${language}`, `${c.title}.pdf`))}>${t('content.downloadPrintKit')}</button>
            </div>
        </section>
        <section class="card"><h2>${t('content.details')}</h2>
            <form onSubmit=${save} onInput=${edit} onChange=${edit}>
                <label>${t('content.title')}<input name="title" value=${shown.title} required maxlength="200"/></label>
                <label>${t('content.orderNumber')}<input name="order_number" value=${shown.order_number} maxlength="100"/></label>
                <label>${t('content.customerName')}<input name="customer_name" value=${shown.customer_name} maxlength="200"/></label>
                <label>${t('content.activeFrom')}<input type="datetime-local" name="active_from" value=${shown.active_from}/></label>
                <label>${t('content.activeUntil')}<input type="datetime-local" name="active_until" value=${shown.active_until}/></label>
                <label>${t('content.expiresAt')}<input type="datetime-local" name="expires_at" value=${shown.expires_at}/></label>
                <label class="check"><input type="checkbox" name="published" checked=${shown.published}/>${t('content.published')}</label>
                ${reread ? html`<${Status} tag="p" className="warning" id="details-reread" text=${t('content.changedMeanwhile')}/>` : null}
                <div class="actions"><button class="primary" type="submit">${t('common.save')}</button>
                    ${saved ? html`<${Status} text=${t('common.saved')}/>` : null}</div>
            </form>
        </section>
        <section class="card"><h2>${t('content.overlay')}</h2>
            <${OverlayPreview} overlay=${c.overlay}/>
            <${DropZone} accept="video/mp4,video/webm,.glb,model/gltf-binary" multiple=${false} label=${t('content.overlayDrop')} onFiles=${uploadOverlay}/>
            ${overlayProgress != null ? html`<${ProgressBar} value=${overlayProgress} label=${t('content.overlay')}/>` : null}
            <button id="attach-generation" onClick=${() => setAttaching(true)}>${t('content.attachGeneration')}</button>
            ${overlays.data?.items?.length ? html`<details id="overlays"><summary>${t('content.overlayHistory', { count: overlays.data.items.length })}</summary>
                <ul class="overlays">${overlays.data.items.map(o => html`<li data-media=${o.media_id} data-active=${c.overlay?.media_id === o.media_id}>
                    ${o.original_name || o.media_id} · ${o.media_type} · ${formatBytes(o.size_bytes)}
                    ${c.overlay?.media_id === o.media_id ? html` · <strong>${t('content.overlayActive')}</strong>` : null}
                    <button class="danger remove-overlay" aria-label=${t('common.removeNamed', { name: o.original_name || o.media_id })}
                        onClick=${() => removeOverlay(o)}>${t('content.removeOverlay')}</button></li>`)}</ul></details>` : null}
        </section>
    </div>
    <p><button class="danger" onClick=${() => confirm(t('content.confirmDelete', { title: c.title }),
        () => act(async () => { await del(`/ar-content/${id}`); location.hash = `#/projects/${c.project_id}`; }))}>${t('content.delete')}</button></p>
    ${showQuality ? html`<${Dialog} title=${t('content.qualityPicture')} wide onClose=${() => setShowQuality(false)}>
        <div class="quality-picture" id="quality-picture"><${AuthImg} src=${`/api/v1/ar-content/${id}/quality.png`} alt=${t('content.qualityAlt', { title: c.title })}/></div>
        <${QualityReport} marker=${c.marker}/>
    <//>` : null}
    ${attaching ? html`<${AttachGeneration} error=${error} busy=${busy} onClose=${() => setAttaching(false)} onAttach=${item => act(async () => {
        // The item's model goes up as the overlay file: the media library keeps one copy of equal bytes.
        const form = new FormData();
        form.append('file', new File([await blob(item.model_url)], `model-${item.position + 1}.glb`, { type: 'model/gltf-binary' }));
        await upload(`/ar-content/${id}/overlays`, form);
        setAttaching(false);
        content.reload();
        overlays.reload();
    })}/>` : null}
    ${confirmDialog}`;
}

function OverlayPreview({ overlay }) {
    const [url, setUrl] = useState(null);
    const [error, setError] = useState(null);
    useEffect(() => {
        let objectUrl = null;
        setError(null);
        if (overlay?.kind === 'video') {
            blob(overlay.content_url).then(b => setUrl(objectUrl = URL.createObjectURL(b)), setError);
        }
        return () => objectUrl && URL.revokeObjectURL(objectUrl);
    }, [overlay?.media_id]);
    if (!overlay) return html`<p class="empty">${t('content.noOverlay')}</p>`;
    if (overlay.kind === 'glb') return html`<${ModelView} src=${overlay.content_url} alt=${t('content.overlay')}/>`;
    if (error) return html`<${ErrorBox} error=${error}/>`;
    return url ? html`<video src=${url} controls playsinline muted class="overlay-video"></video>` : html`<${Loading}/>`;
}

/**
 * Finished generation items of the organization, to attach one's model as the overlay: the completed jobs newest first,
 * a page at a time (an older job's model is as good as a new one's). {@code error} and {@code busy}: the attaching's,
 * shown here, since the page behind a modal dialog is out of sight.
 */
function AttachGeneration({ onClose, onAttach, error, busy }) {
    const jobs = usePagedLoad('/generations?status=completed', ATTACH_PAGE, { param: null });
    const [job, setJob] = useState(null);
    const detail = useLoad(() => (job ? get(`/generations/${job}`) : null), [job]);
    return html`<${Dialog} title=${t('content.attachGeneration')} onClose=${onClose} wide>
        <${ErrorBox} error=${error || jobs.error || detail.error}/>
        ${!jobs.data ? (jobs.loading ? html`<${Loading}/>` : null) : jobs.data.items.length === 0 ? html`<${Empty}>${t('generations.empty')}<//>` : html`
        <label>${t('generations.job')}<select id="attach-job" onChange=${e => setJob(e.target.value || null)}>
            <option value="">–</option>
            ${jobs.data.items.map(j => html`<option value=${j.id}>${formatTime(j.created_at)} · ${j.item_count}</option>`)}</select></label>
        <${ListPager} list=${jobs}/>`}
        ${detail.data ? html`<ul class="results">${detail.data.items.filter(i => i.model_url).map(i => html`<li>
            <${AuthImg} src=${i.preview_url} alt=${t('generations.preview', { position: i.position + 1 })}/>
            <button class="attach" disabled=${busy} onClick=${() => onAttach(i)}>${t('content.attach')}</button></li>`)}</ul>` : null}
    <//>`;
}

export function CheckPhoto() {
    useTitle(t('nav.check'));
    const imageTypes = useLimits()?.allowed_types.join(',');
    const [report, setReport] = useState(null);
    const [error, setError] = useState(null);
    const [progress, setProgress] = useState(null);
    const [suggest, setSuggest] = useState(true);
    const [preview, setPreview] = useState(null);
    const [picture, setPicture] = useState(null);
    const analyze = files => files.slice(0, 1).forEach(async file => {
        setError(null);
        setReport(null);
        setPicture(null);
        setPreview(URL.createObjectURL(file));
        const drawing = new FormData();
        drawing.append('image', file, file.name);
        // The quality picture of the photo (feature points, coverage), drawn by the API; the report does without it.
        postForBlob('/markers/analyze/picture', drawing).then(b => setPicture(URL.createObjectURL(b)), () => setPicture(null));
        const form = new FormData();
        form.append('image', file, file.name);
        setProgress(0);
        try {
            setReport(await upload(`/markers/analyze?suggest=${suggest}`, form, setProgress));
        } catch (e) {
            setError(e);
        } finally {
            setProgress(null);
        }
    });
    return html`<h1>${t('nav.check')}</h1>
    <p>${t('check.intro')}</p>
    <label class="check"><input type="checkbox" checked=${suggest} onChange=${e => setSuggest(e.target.checked)}/>${t('check.suggest')}</label>
    <${DropZone} id="check-drop" accept=${imageTypes} multiple=${false} label=${t('check.drop')} onFiles=${analyze}/>
    ${progress != null ? html`<${ProgressBar} value=${progress} label=${t('check.uploading')}/>` : null}
    <${ErrorBox} error=${error}/>
    ${report ? html`<div class="grid" id="check-report">
        <section class="card"><h2>${t('check.photo')}</h2>${picture ? html`<img src=${picture} alt=${t('check.pictureAlt')} class="photo" id="check-picture"/>`
            : preview ? html`<img src=${preview} alt=${t('check.photo')} class="photo"/>` : null}
            <p><span class=${`verdict verdict-${report.verdict}`}>${t(`verdict.${report.verdict}`)}</span> · ${t('content.score')}: <strong>${report.score}</strong></p>
            <${Findings} report=${report}/>
            <p>${t('content.minPrintWidth', { cm: report.min_print_width_cm })}</p></section>
        ${report.suggestion ? html`<section class="card"><h2>${t('check.suggestion')}</h2>
            <img src=${`data:image/png;base64,${report.suggestion.image_base64}`} alt=${t('check.suggestion')} class="photo"/>
            <p><span class=${`verdict verdict-${report.suggestion.verdict}`}>${t(`verdict.${report.suggestion.verdict}`)}</span>
                · ${t('content.score')}: <strong>${report.suggestion.score}</strong></p></section>` : null}
    </div>` : null}`;
}
