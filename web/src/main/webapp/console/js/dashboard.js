// The dashboard: GET /dashboard in counts, bars and a throughput chart; platform admins also see the node.
import { html, useEffect, t, get, useLoad, ErrorBox, Loading, StatusBadge, formatTime, formatBytes, useTitle } from './core.js';

function Bars({ counts, prefix, id }) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return html`<ul class="bars" id=${id}>${Object.entries(counts).map(([key, count]) => html`<li>
        <span class="bar-label">${t(`${prefix}.${key}`)}</span>
        <span class="bar"><span class=${`fill ${prefix}-${key}`} style=${{ width: `${total ? (100 * count) / total : 0}%` }}></span></span>
        <span class="bar-count" data-key=${key}>${count}</span>
    </li>`)}</ul>`;
}

/** Items finished per day as an SVG column chart (completed stacked on failed). */
function Throughput({ days }) {
    const max = Math.max(1, ...days.map(d => d.completed + d.failed));
    const width = 28;
    const height = 120;
    return html`<figure class="chart">
        <svg viewBox=${`0 0 ${days.length * width} ${height + 20}`} role="img" aria-label=${t('dashboard.throughput')}>
            ${days.map((d, i) => {
                const done = (height * d.completed) / max;
                const failed = (height * d.failed) / max;
                return html`<g>
                    <title>${d.day}: ${d.completed} ${t('status.completed')}, ${d.failed} ${t('status.failed')}</title>
                    <rect x=${i * width + 4} y=${height - done - failed} width=${width - 8} height=${failed} class="failed"/>
                    <rect x=${i * width + 4} y=${height - done} width=${width - 8} height=${done} class="completed"/>
                    <text x=${i * width + width / 2} y=${height + 14} text-anchor="middle">${d.day.slice(8)}</text>
                </g>`;
            })}
        </svg>
        <figcaption>${t('dashboard.throughputCaption')}</figcaption>
    </figure>`;
}

/** Viewer views per day, last 30 days (UTC), as a small column chart. */
function ViewsChart({ days }) {
    const max = Math.max(1, ...days.map(d => d.views));
    const width = 24;
    const height = 100;
    return html`<figure class="chart" id="dashboard-views-chart">
        <svg viewBox=${`0 0 ${days.length * width} ${height + 20}`} role="img" aria-label=${t('dashboard.viewsChart')}>
            ${days.map((d, i) => html`<g>
                <title>${d.day}: ${d.views}</title>
                <rect x=${i * width + 3} y=${height - (height * d.views) / max} width=${width - 6} height=${(height * d.views) / max} class="views"/>
                ${(days.length - 1 - i) % 7 === 0 ? html`<text x=${i * width + width / 2} y=${height + 14} text-anchor="middle">${d.day.slice(8)}</text>` : null}
            </g>`)}
        </svg>
        <figcaption>${t('dashboard.viewsChartCaption')}</figcaption>
    </figure>`;
}

function SystemInfo({ system }) {
    return html`<section class="card wide" id="dashboard-system">
        <h2>${t('dashboard.system')} · ${system.node}</h2>
        <div class="figures">
            <div><span class="figure">${system.dead_letters}</span>${t('system.deadLetters')}</div>
            <div><span class="figure">${system.workers_busy}</span>${t('system.workersBusy')}</div>
            <div><span class="figure">${formatBytes(system.heap_used_bytes)}</span>${t('system.heap')}</div>
            <div><span class="figure">${formatBytes(system.disk_free_bytes)}</span>${t('system.diskFree')}</div>
        </div>
        <table><caption>${t('system.queues')}</caption>
            <thead><tr><th scope="col">${t('system.queue')}</th><th scope="col">${t('system.messages')}</th><th scope="col">${t('system.consumers')}</th></tr></thead>
            <tbody>${(system.queues || []).map(q => html`<tr><td>${q.name}</td><td>${q.messages}${q.capped ? '+' : ''}</td><td>${q.consumers ?? '–'}</td></tr>`)}</tbody>
        </table>
        <table><caption>${t('system.circuits')}</caption>
            <thead><tr><th scope="col">${t('system.circuit')}</th><th scope="col">${t('system.state')}</th></tr></thead>
            <tbody>${(system.fal_circuits || []).map(c => html`<tr><td>${c.call}</td><td>${c.state} (${c.times_opened})</td></tr>`)}</tbody>
        </table>
    </section>`;
}

export function Dashboard() {
    useTitle(t('nav.dashboard'));
    const { data, error, loading } = useLoad(() => get('/dashboard'));
    // When the figures are on screen: the console's load benchmark reads this mark (web/bench, ConsoleLoadBench).
    useEffect(() => {
        if (data) performance.mark('arv-dashboard-ready');
    }, [data]);
    if (loading) return html`<${Loading}/>`;
    if (!data) return html`<${ErrorBox} error=${error}/>`;
    return html`<h1>${t('nav.dashboard')}</h1>
    <div class="grid dashboard" data-ready="true">
        <section class="card"><h2>${t('dashboard.counts')}</h2>
            <div class="figures">
                <a href="#/projects"><span class="figure" id="dashboard-projects">${data.projects}</span>${t('dashboard.projects')}</a>
                <div><span class="figure">${Object.values(data.ar_content_by_marker_status).reduce((a, b) => a + b, 0)}</span>${t('dashboard.arContent')}</div>
                <div><span class="figure" id="dashboard-views">${data.views}</span>${t('dashboard.views')}</div>
                <div><span class="figure" id="dashboard-views-30">${data.views_last_30_days}</span>${t('dashboard.viewsLast30Days')}</div>
            </div>
        </section>
        <section class="card"><h2>${t('dashboard.markers')}</h2><${Bars} counts=${data.ar_content_by_marker_status} prefix="status" id="dashboard-markers"/></section>
        <section class="card"><h2>${t('dashboard.verdicts')}</h2>
            ${Object.keys(data.verdicts).length ? html`<${Bars} counts=${data.verdicts} prefix="verdict" id="dashboard-verdicts"/>` : html`<p class="empty">${t('dashboard.noContent')}</p>`}</section>
        <section class="card"><h2>${t('dashboard.generations')}</h2><${Bars} counts=${data.generations_by_status} prefix="status" id="dashboard-generations"/></section>
        <section class="card wide"><h2>${t('dashboard.throughput')}</h2><${Throughput} days=${data.throughput}/></section>
        <section class="card wide"><h2>${t('dashboard.viewsChart')}</h2><${ViewsChart} days=${data.views_per_day}/></section>
        <section class="card wide"><h2>${t('dashboard.activity')}</h2>
            ${data.recent_activity.length === 0 ? html`<p class="empty">${t('dashboard.noActivity')}</p>` : html`<ul class="activity">
                ${data.recent_activity.map(a => html`<li>
                    <a href=${a.kind === 'generation' ? `#/generations/${a.id}` : `#/content/${a.id}`}>
                        ${a.kind === 'generation' ? t('dashboard.generationOf', { count: a.label }) : a.label}</a>
                    <${StatusBadge} status=${a.status}/> <time datetime=${a.at}>${formatTime(a.at)}</time></li>`)}
            </ul>`}
        </section>
        ${data.system ? html`<${SystemInfo} system=${data.system}/>` : null}
    </div>`;
}

export { SystemInfo };
