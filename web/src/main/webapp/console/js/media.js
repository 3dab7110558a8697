// The media library: every stored file of the organization with its thumbnail (the listing carries them), size, type and how many use it; delete.
import { html, useState, t, del, useConfirm, ErrorBox, Loading, Empty, usePagedLoad, ListPager, AuthImg, formatBytes, formatTime, useTitle } from './core.js';

const PAGE = 24;

export function MediaLibrary() {
    useTitle(t('nav.media'));
    const [error, setError] = useState(null);
    const media = usePagedLoad('/media', PAGE);
    const [confirm, confirmDialog] = useConfirm();
    // Deleting keeps the file for the owners that use it: say how many before asking.
    const remove = m => confirm(m.used_by > 0 ? t('media.confirmDeleteUsed', { name: m.original_name || m.id, count: m.used_by })
        : t('media.confirmDelete', { name: m.original_name || m.id }), async () => {
        setError(null);
        try {
            await del(`/media/${m.id}`);
            media.reload();
        } catch (e) {
            setError(e);
        }
    });
    return html`<h1>${t('nav.media')}</h1>
    <${ErrorBox} error=${error || media.error}/>
    ${!media.data ? (media.loading ? html`<${Loading}/>` : null) : media.data.items.length === 0 ? html`<${Empty}>${t('media.empty')}<//>` : html`
    <ul class="media-grid" id="media-grid">${media.data.items.map(m => {
        const thumb = (m.thumbnails || []).slice().sort((a, b) => a.width - b.width).find(x => x.width >= 160) || m.thumbnails?.[0];
        return html`<li class="card">
            ${thumb ? html`<${AuthImg} src=${thumb.content_url} alt=${m.original_name || ''}/>`
                : html`<div class="file-kind">${(m.media_type || '').split('/')[1] || '?'}</div>`}
            <div class="meta"><strong>${m.original_name || m.id.slice(0, 8)}</strong>
                <span>${m.media_type} · ${formatBytes(m.size_bytes)}${m.width ? ` · ${m.width}×${m.height}` : ''}</span>
                <span>${formatTime(m.created_at)}</span>
                <span class="used-by" data-used-by=${m.used_by}>${m.used_by > 0 ? t('media.usedBy', { count: m.used_by }) : t('media.unused')}</span></div>
            <button class="danger" onClick=${() => remove(m)}>${t('common.delete')}</button>
        </li>`;
    })}</ul>
    <${ListPager} list=${media}/>`}
    ${confirmDialog}`;
}
