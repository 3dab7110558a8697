// Image → 3D generations: a batch by drag-and-drop, live per-item progress over /ws/events, results with
// previews and an interactive 3D view, downloads, cancel and retry, and the history with filters.
import {
    html, useState, useEffect, useRef, t, get, post, upload, download, onEvent, useLoad, useConfirm, ErrorBox, Loading,
    Empty, usePagedLoad, ListPager, ProgressBar, StatusBadge, DropZone, AuthImg, ModelView, Dialog, formatTime, useTitle, useAct, useHashParam, useLimits
} from './core.js';

const PAGE = 20;
const JOB_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'];
/** The server's TextureQuality and GenerationPriority as the API names them, in their order (ConsoleCopiesTest holds them to it). */
const TEXTURES = ['none', 'standard', 'hd'];
const PRIORITIES = ['high', 'normal', 'low'];

export function Generations() {
    useTitle(t('nav.generations'));
    const [status, setStatus] = useHashParam('status');
    const history = usePagedLoad(status ? `/generations?status=${status}` : '/generations', PAGE);
    useEffect(() => onEvent(event => ((event.source === 'generations' && event.event === 'completed') || event.source === 'resync')
        && history.reload()), [history.reload]);
    return html`<h1>${t('nav.generations')}</h1>
    <${NewBatch}/>
    <section class="card">
        <h2>${t('generations.history')}</h2>
        <div class="toolbar"><label>${t('common.status')}<select id="generations-status" value=${status} onChange=${e => setStatus(e.target.value)}>
            <option value="">${t('common.all')}</option>
            ${JOB_STATUSES.map(s => html`<option value=${s}>${t(`status.${s}`)}</option>`)}</select></label></div>
        <${ErrorBox} error=${history.error}/>
        ${!history.data ? (history.loading ? html`<${Loading}/>` : null) : history.data.items.length === 0 ? html`<${Empty}>${t('generations.empty')}<//>` : html`
        <table class="list" id="generations-table">
            <thead><tr><th scope="col">${t('common.created')}</th><th scope="col">${t('common.status')}</th><th scope="col">${t('generations.items')}</th>
                <th scope="col">${t('generations.provider')}</th><th scope="col">${t('generations.priority')}</th></tr></thead>
            <tbody>${history.data.items.map(j => html`<tr><td><a href=${`#/generations/${j.id}`}>${formatTime(j.created_at)}</a></td>
                <td><${StatusBadge} status=${j.status}/></td><td>${j.item_count}</td><td>${j.provider}</td><td>${t(`priority.${j.priority}`)}</td></tr>`)}</tbody>
        </table>
        <${ListPager} list=${history}/>`}
    </section>`;
}

function NewBatch() {
    const [files, setFiles] = useState([]);
    const [progress, setProgress] = useState(null);
    const [error, setError] = useState(null);
    // The server's ARV_MEDIA_MAX_FILES and ARV_MEDIA_ALLOWED_TYPES; until they are known the server alone checks.
    const limits = useLimits();
    const maxFiles = limits?.max_files ?? Infinity;
    const add = chosen => {
        setError(null);
        setFiles(list => [...list, ...chosen].slice(0, maxFiles));
        if (files.length + chosen.length > maxFiles) {
            setError({ message: t('generations.tooMany', { max: maxFiles }) });
        }
    };
    const submit = async event => {
        event.preventDefault();
        const options = new FormData(event.target);
        const form = new FormData();
        for (const name of ['face_limit', 'texture', 'provider', 'priority']) {
            form.append(name, options.get(name));
        }
        files.forEach(file => form.append('files', file, file.name));
        setProgress(0);
        setError(null);
        try {
            const job = await upload('/generations', form, setProgress);
            location.hash = `#/generations/${job.id}`;
        } catch (e) {
            setError(e);
            setProgress(null);
        }
    };
    return html`<section class="card"><h2>${t('generations.new')}</h2>
        <form onSubmit=${submit} id="new-generation">
            <${DropZone} id="generation-drop" accept=${limits?.allowed_types.join(',')} label=${t('generations.drop', { max: limits?.max_files ?? '…' })} onFiles=${add}/>
            ${files.length ? html`<ul class="chosen" id="chosen-files">${files.map((f, i) => html`<li>${f.name}
                <button type="button" class="icon" aria-label=${t('common.removeNamed', { name: f.name })}
                    onClick=${() => setFiles(files.filter((_, j) => j !== i))}>×</button></li>`)}</ul>` : null}
            <div class="options">
                <label>${t('generations.faceLimit')}<input type="number" name="face_limit" value="10000" min="500" max="200000" step="500"/></label>
                <label>${t('generations.texture')}<select name="texture">
                    ${TEXTURES.map(x => html`<option value=${x} selected=${x === 'standard'}>${t(`texture.${x}`)}</option>`)}</select></label>
                <label>${t('generations.provider')}<select name="provider"><option value="local">local</option><option value="fal">fal</option></select></label>
                <label>${t('generations.priority')}<select name="priority">
                    ${PRIORITIES.map(x => html`<option value=${x} selected=${x === 'normal'}>${t(`priority.${x}`)}</option>`)}</select></label>
            </div>
            ${progress != null ? html`<${ProgressBar} value=${progress} label=${t('generations.uploading')}/>` : null}
            <${ErrorBox} error=${error}/>
            <button class="primary" type="submit" id="start-generation" disabled=${files.length === 0 || progress != null}>
                ${t('generations.start', { count: files.length })}</button>
        </form>
    </section>`;
}

export function GenerationDetail({ params: [id] }) {
    const job = useLoad(() => get(`/generations/${id}`), [id]);
    const [act, error] = useAct();
    const [viewing, setViewing] = useState(null);
    const [confirm, confirmDialog] = useConfirm();
    const pending = useRef(null);
    useTitle(t('generations.job'));

    // Live: an event of this job updates the item it names at once, then the job is read again (at most every 300 ms).
    useEffect(() => onEvent(event => {
        if (event.source === 'resync') {
            job.reload();
            return;
        }
        if (event.source !== 'generations' || event.job !== id) return;
        const data = event.data || {};
        if (event.event === 'progress' && data.item) {
            job.setData(j => j && ({ ...j, items: j.items.map(i => (i.id === data.item
                ? { ...i, status: 'processing', progress: data.percent ?? i.progress, stage: data.stage ?? i.stage } : i)) }));
        }
        if (!pending.current) {
            pending.current = setTimeout(() => { pending.current = null; job.reload(); }, 300);
        }
    }), [id]);
    useEffect(() => () => clearTimeout(pending.current), []);

    if (job.loading) return html`<${Loading}/>`;
    const j = job.data;
    if (!j) return html`<${ErrorBox} error=${job.error}/>`;
    const running = j.status === 'queued' || j.status === 'processing';
    return html`<p class="crumbs"><a href="#/generations">${t('nav.generations')}</a></p>
    <h1>${t('generations.job')} <${StatusBadge} status=${j.status}/></h1>
    <p>${formatTime(j.created_at)} · ${j.provider} · ${t(`texture.${j.texture}`)} · ${t('generations.faceLimit')} ${j.face_limit} · ${t(`priority.${j.priority}`)}</p>
    <div id="job-progress" data-status=${j.status}><${ProgressBar} value=${j.progress ?? 0} label=${t('generations.progress')}/></div>
    <${ErrorBox} error=${error}/>
    <div class="toolbar">
        ${j.archive_url ? html`<button class="primary" id="download-zip" onClick=${() => act(() => download(j.archive_url, `generation-${id}.zip`))}>${t('generations.downloadZip')}</button>` : null}
        ${running ? html`<button class="danger" onClick=${() => confirm(t('generations.confirmCancel'),
            () => act(async () => { job.setData(await post(`/generations/${id}/cancel`)); }))}>${t('generations.cancel')}</button>` : null}
    </div>
    <ul class="results" id="generation-items">${j.items.map(i => html`<li data-item=${i.id} data-status=${i.status}>
        <div class="thumb">${i.preview_url
            ? html`<button class="preview" aria-label=${t('generations.view3d', { position: itemLabel(i) })} onClick=${() => setViewing(i)}>
                <${AuthImg} src=${i.preview_url} alt=${t('generations.preview', { position: itemLabel(i) })}/></button>`
            : html`<div class="img-loading" aria-hidden="true"></div>`}</div>
        <div class="item-status"><span>#${i.position + 1}</span> ${i.source_name ? html`<span class="source">${i.source_name}</span>` : null} <${StatusBadge} status=${i.status}/>
            ${i.stage && i.status === 'processing' ? html`<span class="stage">${t(`stage.${i.stage}`)}</span>` : null}</div>
        ${i.status === 'processing' || i.status === 'queued' ? html`<${ProgressBar} value=${i.progress} label=${`#${i.position + 1}`}/>` : null}
        ${i.error ? html`<p class="error">${i.error}</p>` : null}
        <div class="actions">
            ${i.model_url ? html`<button onClick=${() => act(() => download(i.model_url, modelFileName(i)))}>${t('generations.downloadModel')}</button>
                <button class="view-3d" onClick=${() => setViewing(i)}>${t('generations.open3d')}</button>` : null}
            ${i.status === 'failed' && j.status !== 'cancelled' ? html`<button onClick=${() => act(async () => {
                await post(`/generations/${id}/items/${i.id}/retry`);
                job.reload();
            })}>${t('generations.retry')}</button>` : null}
        </div>
    </li>`)}</ul>
    ${viewing ? html`<${Dialog} wide title=${t('generations.view3d', { position: itemLabel(viewing) })} onClose=${() => setViewing(null)}>
        <div class="model" id="model-view"><${ModelView} src=${viewing.model_url} iosSrc=${viewing.usdz_url} alt=${t('generations.preview', { position: itemLabel(viewing) })}/></div>
        <p class="hint">${t('generations.modelHint')}</p>
    <//>` : null}
    ${confirmDialog}`;
}

/** An item as people know it: its number, and the name of the photo it was made from when ARV knows it. */
function itemLabel(item) {
    return item.source_name ? `${item.position + 1} (${item.source_name})` : `${item.position + 1}`;
}

/** A downloaded model is named after its photo (horse.png gives horse.glb), as in the job's ZIP. */
function modelFileName(item) {
    return item.source_name ? `${item.source_name.replace(/\.[^.]*$/, '')}.glb` : `model-${item.position + 1}.glb`;
}
