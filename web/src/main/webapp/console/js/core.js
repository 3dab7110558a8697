// The console's plumbing: the API client (credentials, problems, uploads with progress), the session, messages,
// live events and the small widgets every screen uses. Preact + hooks + htm come as one ES module from npm's htm.
import { html, render, useState, useEffect, useRef, useCallback } from '../vendor/htm/preact/standalone.module.js';

export { html, render, useState, useEffect, useRef, useCallback };

const API = '/api/v1';
const SESSION_KEY = 'arv.console.session';
const RETURN_KEY = 'arv.console.return';

// ---- messages -------------------------------------------------------------------------------------------

let messages = {};
export let language = 'en';

const languageListeners = new Set();

export async function loadMessages(lang) {
    const response = await fetch(`i18n/${lang}.json`);
    messages = await response.json();
    language = lang;
    document.documentElement.lang = lang;
    localStorage.setItem('arv.console.language', lang);
    languageListeners.forEach(listener => listener(lang));
}

/** Tells {@code listener} the new language once its messages are loaded; answers the function that stops telling. */
export function onLanguage(listener) {
    languageListeners.add(listener);
    return () => languageListeners.delete(listener);
}

export function preferredLanguage() {
    const chosen = localStorage.getItem('arv.console.language');
    if (chosen === 'en' || chosen === 'ru') {
        return chosen;
    }
    return (navigator.language || 'en').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The message {@code key} with its {name} placeholders filled; the key itself when a message is missing. */
export function t(key, params = {}) {
    const text = messages[key] ?? (key.startsWith('stage.') ? key.slice(6) : key);
    return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

export function formatBytes(bytes) {
    if (bytes == null) return '–';
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** An instant in the browser's time zone, the zone said ("GMT+3"): the charts' days are UTC ones and say so. */
export function formatTime(instant) {
    return instant ? new Date(instant).toLocaleString(language, { timeZoneName: 'short' }) : '–';
}

// ---- session ----------------------------------------------------------------------------------------------

let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
let expiryTimer = null;
const sessionListeners = new Set();

export function currentSession() {
    return session;
}

export function onSessionChange(listener) {
    sessionListeners.add(listener);
    return () => sessionListeners.delete(listener);
}

export function hasRole(role) {
    return !!session?.me?.roles?.includes(role);
}

export async function signIn(email, password) {
    const token = await request('POST', '/auth/login', { body: { email, password }, anonymous: true });
    session = { token: token.access_token, expiresAt: token.expires_at, refreshToken: token.refresh_token };
    session.me = await request('GET', '/me');
    saveSession();
    return session;
}

/** Signs in with the single sign-on ARV hands over for this one-time code and this browser's cookie (see main.js). */
export async function enterHandedOver(code) {
    const token = await request('POST', '/auth/oidc/handoff', { body: { code }, anonymous: true });
    return signInWithToken(token.access_token, token.expires_at, token.refresh_token);
}

/** Signs in with the tokens of a login answer (an accepted invitation, a verified sign-up, a single sign-on). */
export async function signInWithToken(accessToken, expiresAt, refreshToken) {
    session = { token: accessToken, expiresAt, refreshToken };
    session.me = await request('GET', '/me');
    saveSession();
    return session;
}

/** The session's tokens after a password change: a fresh access token, and the refresh token when ARV sent a new one. */
export function adoptTokens(token) {
    if (!session) return;
    session.token = token.access_token;
    session.expiresAt = token.expires_at;
    if (token.refresh_token) session.refreshToken = token.refresh_token;
    // The other tabs' access tokens are refused from now on: they take these.
    session.renewals = (session.renewals || 0) + 1;
    saveSession();
    tellTabs();
}

// ---- tabs of one session ------------------------------------------------------------------------------------
//
// Each tab keeps its tokens in its sessionStorage, and a duplicated tab starts with a copy: two tabs, one session. Its
// refresh token rotates on every renewal and a spent one presented again ends the whole session at ARV (someone holds a
// copy). So the tabs of a session renew one at a time (a Web Lock named after the session) and hand the new tokens to
// each other over a BroadcastChannel; a tab about to renew first asks the others for anything newer than what it holds.
// Nothing goes to localStorage: the tokens stay in memory and in each tab's sessionStorage, as they did, and the channel
// reaches only this origin's pages. Every message names its session (the access token's sid), so a tab signed in as
// someone else ignores it.

const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('arv.console.session') : null;
/** How long a tab about to renew waits for the other tabs of its session to tell it of newer tokens. */
const ASK_MS = 300;
const newerListeners = new Set();

/** The session an access token belongs to (its sid claim); null when it cannot be read. */
function sessionKeyOf(token) {
    try {
        return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sid || null;
    } catch (e) {
        return null;
    }
}

function sessionKey() {
    return session ? sessionKeyOf(session.token) : null;
}

/** Tells the other tabs of this session the tokens this one holds now. */
function tellTabs() {
    const key = sessionKey();
    if (tabs && key) {
        tabs.postMessage({ kind: 'tokens', key, renewals: session.renewals || 0, token: session.token,
            expiresAt: session.expiresAt, refreshToken: session.refreshToken });
    }
}

/** Asks the other tabs of this session for their tokens; answers once newer ones came in, or after {@code ms}. */
function askTabs(ms = ASK_MS) {
    const key = sessionKey();
    if (!tabs || !key) return Promise.resolve();
    return new Promise(done => {
        const finish = () => {
            clearTimeout(timer);
            newerListeners.delete(finish);
            done();
        };
        const timer = setTimeout(finish, ms);
        newerListeners.add(finish);
        tabs.postMessage({ kind: 'ask', key });
    });
}

if (tabs) {
    tabs.onmessage = ({ data }) => {
        if (!session || !data || data.key !== sessionKey()) return;
        if (data.kind === 'ask') {
            tellTabs();
        } else if (data.kind === 'tokens' && data.renewals > (session.renewals || 0)) {
            // Another tab renewed (or changed the password): its refresh token is the live one, mine is spent.
            Object.assign(session, { token: data.token, expiresAt: data.expiresAt, refreshToken: data.refreshToken, renewals: data.renewals });
            saveSession();
            newerListeners.forEach(listener => listener());
        } else if (data.kind === 'signed-out') {
            session = null;
            saveSession();
            location.hash = '#/sign-in';
        }
    };
}

/** Runs {@code task} while no other tab of this session renews (all at once where the browser has no Web Locks). */
function aloneInSession(task) {
    const key = sessionKey();
    return key && navigator.locks ? navigator.locks.request(`arv.console.renewal.${key}`, task) : task();
}

let renewal = null;

/**
 * Gets a new access token (and refresh token) with the session's refresh token; true when the session carries on.
 * One renewal at a time in this tab (requests that meet a 401 meanwhile wait for it) and in the session's other tabs:
 * under the session's lock, a tab that was handed newer tokens than {@code stale} (the access token that was refused or
 * is about to expire) takes them instead of spending a refresh token another tab has spent already.
 */
function renewSession(stale = session?.token) {
    if (!renewal) {
        renewal = aloneInSession(async () => {
            if (!session?.refreshToken) return false;
            if (session.token !== stale) return true;
            await askTabs();
            if (!session) return false;
            if (session.token !== stale) return true;
            const response = await fetch(API + '/auth/refresh', { method: 'POST',
                headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
                body: JSON.stringify({ refresh_token: session.refreshToken }) });
            if (!session) return false;
            if (response.ok) {
                const token = await response.json();
                session.token = token.access_token;
                session.expiresAt = token.expires_at;
                session.refreshToken = token.refresh_token;
                session.renewals = (session.renewals || 0) + 1;
                saveSession();
                tellTabs();
                return true;
            }
            // Spent a moment ago by a tab that did not answer in time (refresh_token_superseded): its tokens may still come.
            await askTabs(1000);
            return !!session && session.token !== stale;
        }).catch(() => false).finally(() => { renewal = null; });
    }
    return renewal;
}

/** The identity providers of the installation, for "Sign in with …" buttons; none when the list cannot be read. */
export async function ssoProviders() {
    try {
        return (await request('GET', '/auth/oidc/providers', { anonymous: true })).providers || [];
    } catch (e) {
        return [];
    }
}

/** Where a "Sign in with …" button sends the browser (ARV answers with a redirect to the provider). */
export function ssoStartUrl(provider) {
    return `${API}/auth/oidc/${encodeURIComponent(provider)}/start`;
}

export function signOut(expired = false) {
    if (expired) {
        sessionStorage.setItem(RETURN_KEY, location.hash || '#/');
    } else if (session?.refreshToken) {
        // Ends the session at ARV too: its refresh and access tokens stop working at once.
        fetch(API + '/auth/logout', { method: 'POST', keepalive: true,
            headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
            body: JSON.stringify({ refresh_token: session.refreshToken }) }).catch(() => {});
        // The session's other tabs (a duplicated one) are signed out with it.
        const key = sessionKey();
        if (tabs && key) tabs.postMessage({ kind: 'signed-out', key });
    }
    session = null;
    saveSession();
    location.hash = expired ? '#/sign-in?expired=1' : '#/sign-in';
}

/** Where the user was when the session ended (then forgotten). */
export function takeReturnPlace() {
    const place = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return place && !place.startsWith('#/sign-in') ? place : '#/';
}

function saveSession() {
    clearTimeout(expiryTimer);
    if (session) {
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
        // Renewed a minute before the access token expires; the session ends only when the refresh token is refused.
        const left = new Date(session.expiresAt).getTime() - Date.now() - (session.refreshToken ? 60_000 : 0);
        expiryTimer = setTimeout(async () => {
            if (!(await renewSession())) signOut(true);
        }, Math.max(0, Math.min(left, 2 ** 31 - 1)));
    } else {
        sessionStorage.removeItem(SESSION_KEY);
    }
    sessionListeners.forEach(listener => listener(session));
}

if (session) {
    saveSession();
    // A tab (re)loaded may have missed a renewal another tab of its session made meanwhile.
    askTabs();
}

// ---- API --------------------------------------------------------------------------------------------------

/** A refusal of the API: the problem's detail and request id are what the user (and support) need. */
export class ApiError extends Error {
    constructor(status, problem, requestId) {
        // A refusal the console has words for (by its problem code) is said in the console's language, not the server's English.
        super((problem.code && messages[`error.code.${problem.code}`]) || problem.detail || problem.title || `HTTP ${status}`);
        this.status = status;
        this.code = problem.code;
        this.requestId = problem.request_id || requestId;
        this.errors = problem.errors || [];
        /** The whole answer: a 503 of /admin/health is the health report itself, naming what is DOWN. */
        this.body = problem;
    }
}

async function problemOf(response) {
    let problem = {};
    try {
        problem = await response.json();
    } catch (e) {
        problem = { detail: response.statusText };
    }
    return new ApiError(response.status, problem, response.headers.get('X-Request-ID'));
}

function authorization(anonymous) {
    return !anonymous && session ? { Authorization: `Bearer ${session.token}` } : {};
}

function expiredSession(status, anonymous) {
    if (status === 401 && !anonymous && session) {
        signOut(true);
        return true;
    }
    return false;
}

/** After a 401 to a request sent with {@code sentWith}: true when the session was renewed and it may be sent once more. */
async function renewedAfter(status, anonymous, sentWith) {
    return status === 401 && !anonymous && !!session && renewSession(sentWith);
}

/**
 * fetch, with a request that never reached ARV (offline, blocked) refused as an {@link ApiError} in the console's
 * language: the browser's own words ("Failed to fetch") were English in the Russian console and said nothing more.
 */
function reach(url, options) {
    return fetch(url, options).catch(() => {
        throw new ApiError(0, { detail: t('error.network') });
    });
}

/**
 * The answer of {@code send()} (a fetch with the session's credential as it is when called): after a 401 that renewed
 * the session, sent once more with the new token; still refused, an {@link ApiError} (and a 401 ends the session).
 * The one home of the renewal rule for fetch requests ({@link upload} goes through XMLHttpRequest).
 */
async function sendRenewing(send, anonymous) {
    const sentWith = session?.token;
    let response = await send();
    if (!response.ok && await renewedAfter(response.status, anonymous, sentWith)) {
        response = await send();
    }
    if (!response.ok) {
        const error = await problemOf(response);
        expiredSession(response.status, anonymous);
        throw error;
    }
    return response;
}

/** The API takes an absent member for "not given" and refuses explicit nulls in some bodies: leave them out. */
const withoutNulls = (key, value) => (value === null ? undefined : value);

/** JSON in, JSON out ({@code null} for 204); refusals throw an {@link ApiError}. */
export async function request(method, path, { body, anonymous = false, raw = false, accept = 'application/json', nulls = false, ifMatch } = {}) {
    const response = await sendRenewing(() => {
        const headers = { Accept: accept, ...authorization(anonymous) };
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (ifMatch) {
            headers['If-Match'] = ifMatch;
        }
        return reach(path.startsWith('/api/') ? path : API + path,
            { method, headers, body: body === undefined ? undefined : JSON.stringify(body, nulls ? undefined : withoutNulls) });
    }, anonymous);
    if (raw) return response;
    // Some answers carry no body (204, or 202 from the batch job commands).
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

export const get = path => request('GET', path);

/** A resource with its {@code etag} (the answer's ETag), to change it later with {@link mergePatch}. */
export async function getTagged(path) {
    const response = await request('GET', path, { raw: true });
    return { ...await response.json(), etag: response.headers.get('ETag') };
}

/**
 * A JSON merge patch: members left out stay, a member set to null is cleared. With {@code etag} (from
 * {@link getTagged}) the API refuses it (412) when someone changed the resource since; answers it with its new etag.
 */
export async function mergePatch(path, changes, etag) {
    const response = await request('PATCH', path, { body: changes, nulls: true, ifMatch: etag, raw: true });
    return { ...await response.json(), etag: response.headers.get('ETag') };
}
export const post = (path, body) => request('POST', path, { body });
export const patch = (path, body) => request('PATCH', path, { body });
export const put = (path, body) => request('PUT', path, { body });
export const del = path => request('DELETE', path);

/**
 * A file of the API (image, model, PDF, ZIP) as a Blob: the credential travels in a header, so no plain link will do.
 * Files on an organization's S3 bucket are answered by default with a redirect to the bucket, which the console's
 * Content-Security-Policy (connect-src 'self') and the bucket's CORS rules would refuse: ask ARV to stream them itself.
 */
export async function blob(path) {
    const streamed = `${path}${path.includes('?') ? '&' : '?'}redirect=false`;
    const response = await request('GET', streamed, { raw: true, accept: '*/*' });
    return response.blob();
}

/** A multipart POST whose answer is a file (a picture drawn by the API), as a Blob. */
export async function postForBlob(path, form) {
    const response = await sendRenewing(() => reach(API + path, { method: 'POST', headers: { Accept: '*/*', ...authorization(false) }, body: form }),
        false);
    return response.blob();
}

/** Saves a file of the API under {@code name}. */
export async function download(path, name) {
    const url = URL.createObjectURL(await blob(path));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A multipart POST through XMLHttpRequest, the one browser API that reports upload progress
 * ({@code onProgress(0..100)}); resolves with the JSON answer, rejects with an {@link ApiError}.
 */
export function upload(path, form, onProgress = () => {}, again = true) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', API + path);
        const sentWith = session?.token;
        Object.entries(authorization(false)).forEach(([name, value]) => xhr.setRequestHeader(name, value));
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = event => event.lengthComputable && onProgress(Math.round(100 * event.loaded / event.total));
        xhr.onload = () => {
            let body = {};
            try {
                body = JSON.parse(xhr.responseText || '{}');
            } catch (e) {
                body = { detail: xhr.statusText };
            }
            if (xhr.status >= 200 && xhr.status < 300) {
                onProgress(100);
                resolve(body);
            } else {
                const error = new ApiError(xhr.status, body, xhr.getResponseHeader('X-Request-ID'));
                error.retryAfter = Number(xhr.getResponseHeader('Retry-After')) || null;
                (again ? renewedAfter(xhr.status, false, sentWith) : Promise.resolve(false)).then(renewed => {
                    if (renewed) {
                        resolve(upload(path, form, onProgress, false));
                    } else {
                        expiredSession(xhr.status, false);
                        reject(error);
                    }
                });
            }
        };
        xhr.onerror = () => reject(new ApiError(0, { detail: t('error.network') }));
        xhr.send(form);
    });
}

/** How long an upload waits, at most, for the rate limit to let it through (the limit's window is a minute). */
const LONGEST_WAIT_SECONDS = 65;

/**
 * Uploads many files one request each, {@code width} at a time; an upload refused for the organization's upload limit
 * (429) waits the Retry-After it was told and goes again, so a drop of more files than the limit allows a minute gets
 * through, slower. {@code send(item)} makes one upload (a promise); each item's {@code onWaiting(seconds)},
 * {@code onDone(answer)} and {@code onError(error)} say how it goes.
 */
export async function uploadInTurn(items, send, width = 2) {
    const queue = [...items];
    const patiently = async item => {
        for (;;) {
            try {
                return await send(item);
            } catch (e) {
                if (e.status !== 429 || !e.retryAfter || e.retryAfter > LONGEST_WAIT_SECONDS) throw e;
                item.onWaiting(e.retryAfter);
                await new Promise(resume => setTimeout(resume, e.retryAfter * 1000));
            }
        }
    };
    const lane = async () => {
        while (queue.length) {
            const item = queue.shift();
            await patiently(item).then(item.onDone, item.onError);
        }
    };
    await Promise.all(Array.from({ length: Math.min(width, queue.length) }, lane));
}

// ---- live events (/ws/events) ------------------------------------------------------------------------------

const eventListeners = new Set();
let socket = null;
let socketToken = null;
let retry = 0;
/** Whether a socket of this page was ever open: the next one to open is a reconnection, after which events may be missing. */
let wasOpen = false;

/**
 * Every event of the organization, live; answers the function that stops listening. After the socket reconnects, the
 * listeners get {@code {source: 'resync'}}: events of the time it was down are lost, so what is shown is read again.
 */
export function onEvent(listener) {
    eventListeners.add(listener);
    connect();
    return () => eventListeners.delete(listener);
}

function connect() {
    if (!session || (socket && socketToken === session.token)) return;
    if (socket) socket.close();
    socketToken = session.token;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws/events?access_token=${encodeURIComponent(session.token)}`);
    socket = ws;
    ws.onopen = () => {
        if (socket !== ws) return;
        retry = 0;
        // Back after a drop: what changed meanwhile was never pushed. Listeners get a "resync" event to read again.
        if (wasOpen) eventListeners.forEach(listener => listener({ source: 'resync' }));
        wasOpen = true;
    };
    ws.onmessage = message => {
        const event = JSON.parse(message.data);
        eventListeners.forEach(listener => listener(event));
    };
    ws.onclose = () => {
        if (socket !== ws) return;
        socket = null;
        if (session && eventListeners.size > 0) {
            setTimeout(connect, Math.min(30_000, 500 * 2 ** retry++));
        }
    };
}

onSessionChange(() => {
    if (socket && (!session || socketToken !== session.token)) {
        const old = socket;
        socket = null;
        old.close();
    }
    if (session && eventListeners.size > 0) connect();
});

// ---- hooks and widgets -------------------------------------------------------------------------------------

/** Loads {@code load()} now and whenever {@code deps} change; {@code reload} runs it again. */
export function useLoad(load, deps = []) {
    const [state, setState] = useState({ loading: true, data: null, error: null });
    const generation = useRef(0);
    const reload = useCallback(() => {
        const mine = ++generation.current;
        return Promise.resolve().then(load).then(
            data => mine === generation.current && setState({ loading: false, data, error: null }),
            error => mine === generation.current && setState(s => ({ loading: false, data: s.data, error })));
    }, deps);
    useEffect(() => {
        reload();
    }, [reload]);
    return { ...state, reload, setData: data => setState(s => ({ ...s, data: typeof data === 'function' ? data(s.data) : data })) };
}

/** The server's limits in force ({@code GET /auth/limits}), asked once: forms hold no copy of them. */
let limitsAsked = null;

/**
 * The limits a form checks before it sends ({@code password_min_length}, {@code max_files}, {@code max_file_bytes},
 * {@code allowed_types}), or {@code null} until they are known (the server checks them all the same).
 */
export function useLimits() {
    const [limits, setLimits] = useState(null);
    useEffect(() => {
        limitsAsked ??= request('GET', '/auth/limits', { anonymous: true }).catch(failure => {
            limitsAsked = null;
            throw failure;
        });
        let current = true;
        limitsAsked.then(value => current && setLimits(value), () => {});
        return () => {
            current = false;
        };
    }, []);
    return limits;
}

/**
 * The attributes of a field where a new password is chosen, from the server's password rule ({@link useLimits}): its
 * fewest characters ({@code password_min_length}) and at most {@code password_max_bytes} bytes in UTF-8 — maxlength counts
 * characters, each at least one byte, so the bytes of a longer text are checked as it is typed — so that the browser says
 * what the server would refuse before the form is sent. Until the limits are known the server alone checks.
 */
export function newPasswordRules(limits) {
    const max = limits?.password_max_bytes;
    return {
        minlength: limits?.password_min_length,
        maxlength: max,
        onInput: event => event.target.setCustomValidity(max && new TextEncoder().encode(event.target.value).length > max
            ? t('password.tooLong', { max }) : ''),
    };
}

/** The file types of the server's {@code allowed_types} as people name them (each subtype in capitals), or "…" until known. */
export function typeNames(allowedTypes) {
    return allowedTypes ? allowedTypes.map(type => type.replace(/^.*\//, '').toUpperCase()).join(', ') : '…';
}

/** The value once it has stopped changing for {@code ms}: a search box asks the server once per pause, not per key. */
export function useDebounced(value, ms = 300) {
    const [settled, setSettled] = useState(value);
    useEffect(() => {
        const timer = setTimeout(() => setSettled(value), ms);
        return () => clearTimeout(timer);
    }, [value, ms]);
    return settled;
}

/**
 * Runs a user's action and keeps its failure for an {@link ErrorBox}: {@code act(async () => ...)} clears
 * the last error, then shows the new one if the action throws. While one action runs ({@code busy}), another is
 * ignored: a double click on "Create" would otherwise create two (two API keys, one of them never shown; two
 * webhooks, each event sent twice).
 */
export function useAct() {
    const [error, setError] = useState(null);
    const [busy, setBusy] = useState(false);
    const running = useRef(false);
    const act = async action => {
        if (running.current) return;
        running.current = true;
        setBusy(true);
        setError(null);
        try {
            await action();
        } catch (e) {
            setError(e);
        } finally {
            running.current = false;
            setBusy(false);
        }
    };
    return [act, error, busy];
}

/**
 * A screen of tabs ({@code #/<screen>/<tab>}, titled {@code nav.<screen>}, each tab labelled {@code <screen>.<tab>}):
 * {@code panels} maps each tab, in order, to the component it shows; no tab or an unknown one shows the first.
 */
export function TabbedScreen({ screen, tab, panels }) {
    const names = Object.keys(panels);
    const current = tab || names[0];
    const Panel = panels[current] || panels[names[0]];
    useTitle(t(`nav.${screen}`));
    return html`<h1>${t(`nav.${screen}`)}</h1>
    <nav class="tabs" aria-label=${t(`nav.${screen}`)}>${names.map(x => html`<a href=${`#/${screen}/${x}`} id=${`tab-${x}`}
        aria-current=${current === x ? 'page' : null}>${t(`${screen}.${x}`)}</a>`)}</nav>
    <${Panel}/>`;
}

// ---- what a screen reader is told -------------------------------------------------------------------------

let announcing = null;

/**
 * Says {@code text} to a screen reader through a live region that was in the page before the text came: NVDA and JAWS
 * often say nothing of a role=status element inserted together with its text. The page's region (#announcer of
 * index.html, outside what the console renders) or, while a modal dialog is open (the page behind it is inert), the
 * dialog's own. Emptied first and filled a moment later, so the same words twice ("Saved", saved again) are said twice.
 * Answers the function that takes the words back when what they said is over: not said if they have not reached the
 * region yet, and the region emptied if they are still what it holds (nothing is said of that).
 */
export function announce(text) {
    const region = document.querySelector('dialog[open] .announcer') || document.getElementById('announcer');
    if (!region || !text) return () => {};
    clearTimeout(announcing);
    region.textContent = '';
    const mine = setTimeout(() => {
        region.textContent = text;
    }, 100);
    announcing = mine;
    return () => {
        if (announcing === mine) clearTimeout(mine);
        if (region.textContent === text && announcing === mine) region.textContent = '';
    };
}

/**
 * The outcome of an action ("saved", "copied", "added"): shown where it is, as a {@code tag} (span unless told), and said
 * through {@link announce} when it appears or its text changes.
 */
export function Status({ text, tag = 'span', id, className }) {
    useEffect(() => {
        announce(text);
    }, [text]);
    // "outcome" marks it for what reads the page (tests), now that role=status is the live region's alone.
    const classes = className ? `outcome ${className}` : 'outcome';
    return tag === 'p' ? html`<p id=${id} class=${classes}>${text}</p>` : html`<span id=${id} class=${classes}>${text}</span>`;
}

/**
 * After the console moved to another screen: the focus goes to its main heading (made focusable, tabindex=-1) once it is
 * shown, so a screen reader says the new screen, unless the user put the focus somewhere else meanwhile; answers the
 * function that stops waiting for the heading (a screen whose data never comes).
 */
export function focusHeading(container = document.getElementById('main'), ms = 10_000) {
    const from = document.activeElement;
    let observer = null;
    let timer = null;
    const stop = () => {
        observer?.disconnect();
        clearTimeout(timer);
    };
    const found = () => {
        const heading = container?.querySelector('h1');
        if (!heading) return false;
        stop();
        const now = document.activeElement;
        if (now === from || now === document.body || now === null) {
            heading.setAttribute('tabindex', '-1');
            heading.focus();
        }
        return true;
    };
    if (container && !found()) {
        observer = new MutationObserver(found);
        observer.observe(container, { childList: true, subtree: true });
        timer = setTimeout(stop, ms);
    }
    return stop;
}

export function ErrorBox({ error }) {
    const box = useRef(null);
    // A refusal can appear out of sight (at the foot of a long dialog, below the form that was sent): bring it into view,
    // scrolling as little as that takes (and its scroll-margin).
    useEffect(() => { if (error) box.current?.scrollIntoView({ block: 'nearest' }); }, [error]);
    if (!error) return null;
    return html`<div class="error" role="alert" ref=${box}>
        <strong>${error.message}</strong>
        ${error.errors?.length ? html`<ul>${error.errors.map(e => html`<li>${e.field}: ${e.message}</li>`)}</ul>` : null}
        ${error.body?.holding ? html`<${Holding} holding=${error.body.holding}/>` : null}
        ${error.requestId ? html`<div class="request-id">${t('error.requestId')}: <code>${error.requestId}</code></div>` : null}
    </div>`;
}

/**
 * What holds a storage connection that may not be moved or removed (409 {@code storage_connection_in_use}), each kind
 * the refusal counts with what clears it: what to delete, or when it clears by itself.
 */
function Holding({ holding }) {
    const held = [
        holding.media > 0 && t('error.holding.media', { count: holding.media }),
        holding.owed_deletions > 0 && t('error.holding.owedDeletions',
            { count: holding.owed_deletions, due: formatTime(holding.owed_deletions_due_from) }),
        holding.dead_letters > 0 && t('error.holding.deadLetters', { count: holding.dead_letters }),
        holding.direct_uploads > 0 && t('error.holding.directUploads',
            { count: holding.direct_uploads, until: formatTime(holding.direct_uploads_open_until) }),
    ].filter(Boolean);
    return html`<ul class="holding">${held.map(line => html`<li>${line}</li>`)}</ul>`;
}

/**
 * A wait the user is told of ("Loading…", a link being checked): shown as a {@code p} and said through {@link announce}
 * unless it is over before the words reach the live region (a list read at once is not announced after it came); once
 * over, the region no longer holds it.
 */
export function Waiting({ text, className, id }) {
    useEffect(() => announce(text), [text]);
    return html`<p id=${id} class=${className}>${text}</p>`;
}

export function Loading() {
    return html`<${Waiting} className="loading" text=${t('common.loading')}/>`;
}

export function Empty({ children }) {
    return html`<div class="empty">${children}</div>`;
}

/** An image of the API, fetched with the credential and shown from a blob: URL. */
export function AuthImg({ src, alt, className, onError }) {
    const [url, setUrl] = useState(null);
    const [failed, setFailed] = useState(null);
    useEffect(() => {
        let objectUrl = null;
        let live = true;
        setFailed(null);
        if (src) {
            blob(src).then(b => {
                if (!live) return;
                objectUrl = URL.createObjectURL(b);
                setUrl(objectUrl);
            }, error => {
                if (!live) return;
                setFailed(error);
                onError && onError(error);
            });
        }
        return () => {
            live = false;
            objectUrl && URL.revokeObjectURL(objectUrl);
        };
    }, [src]);
    if (failed) return html`<div class="img-missing">${t('common.imageUnavailable')}</div>`;
    return url ? html`<img src=${url} alt=${alt} class=${className}/>` : html`<div class="img-loading" aria-hidden="true"></div>`;
}

/** Asks before a destructive action: a modal dialog, Escape or Cancel keeps things as they are. */
export function useConfirm() {
    const [ask, setAsk] = useState(null);
    const confirm = (message, action) => setAsk({ message, action });
    const dialog = ask ? html`<${Dialog} title=${t('confirm.title')} onClose=${() => setAsk(null)}>
        <p>${ask.message}</p>
        <div class="actions">
            <button class="danger" onClick=${() => { const action = ask.action; setAsk(null); action(); }}>${t('confirm.yes')}</button>
            <button onClick=${() => setAsk(null)} autofocus>${t('confirm.no')}</button>
        </div>
    <//>` : null;
    return [confirm, dialog];
}

export function Dialog({ title, onClose, children, wide }) {
    const ref = useRef(null);
    useEffect(() => {
        const dialog = ref.current;
        // Where the keyboard was when it opened (the button that opened it): focus goes back there when it goes away,
        // not to the page's body.
        const opener = document.activeElement;
        if (!dialog.open) dialog.showModal();
        const close = event => {
            event.preventDefault();
            onClose();
        };
        dialog.addEventListener('cancel', close);
        return () => {
            dialog.removeEventListener('cancel', close);
            if (opener && opener !== document.body && opener.isConnected) {
                setTimeout(() => opener.isConnected && opener.focus(), 0);
            }
        };
    }, []);
    // Its own live region (see announce): the page's is behind the modal dialog, out of a screen reader's reach.
    return html`<dialog ref=${ref} class=${wide ? 'wide' : ''} aria-labelledby="dialog-title">
        <header><h2 id="dialog-title">${title}</h2>
            <button class="icon" aria-label=${t('common.close')} onClick=${onClose}>×</button></header>
        ${children}
        <div class="sr-only announcer" role="status" aria-live="polite" aria-atomic="true"></div>
    </dialog>`;
}

/**
 * A page that comes back empty although it is not the first (its last entries were deleted, here or elsewhere) steps
 * back to the last page that has entries, so a list never shows "nothing here" while earlier pages hold something.
 */
export function usePageKept(data, offset, setOffset) {
    useEffect(() => {
        if (data && offset > 0 && data.items.length === 0) {
            setOffset(Math.max(0, Math.floor((data.total - 1) / data.limit) * data.limit), false);
        }
    }, [data, offset]);
}

/** The query of the address's hash ({@code #/generations?status=failed&offset=20}): where a screen's lists are. */
export function hashQuery() {
    const at = location.hash.indexOf('?');
    return new URLSearchParams(at < 0 ? '' : location.hash.slice(at + 1));
}

/** The path of the address's hash, without its query ({@code #/generations}; {@code #/} when there is none). */
export function hashPath() {
    return (location.hash || '#/').split('?')[0];
}

/**
 * Sets parameters of the hash's query ({@code null} or '' removes one). {@code push}: a new history entry (another page
 * of a list: Back returns to the one before); otherwise the entry is replaced (a filter chosen, a search typed, a page
 * stepped back from by itself), so Back leaves the screen rather than undoing it keystroke by keystroke.
 */
export function setHashQuery(changes, push = false) {
    const query = hashQuery();
    for (const [name, value] of Object.entries(changes)) {
        if (value == null || value === '') query.delete(name);
        else query.set(name, String(value));
    }
    const text = query.toString();
    const next = text ? `${hashPath()}?${text}` : hashPath();
    if (next === (location.hash || '#/')) return;
    if (push) location.hash = next;
    else history.replaceState(history.state, '', next);
}

/**
 * A parameter of the hash's query as a screen's state ({@code [value, set]}), so a reload or Back finds the screen as it
 * was left: read when the screen opens and again when the address changes under it (Back, Forward), written when the
 * screen sets it ({@code set(value, push)}, see {@link setHashQuery}); {@code fallback} is the value when it is absent,
 * and is not written. Without a {@code name} it is plain state (a list in a dialog keeps its place to itself).
 */
export function useHashParam(name, fallback = '') {
    const read = () => (name && hashQuery().get(name)) || fallback;
    const [value, setValue] = useState(read);
    useEffect(() => {
        if (!name) return undefined;
        const path = hashPath();
        // Only while the address is still this screen's: leaving it is not a change of its state.
        const changed = () => hashPath() === path && setValue(read());
        addEventListener('hashchange', changed);
        return () => removeEventListener('hashchange', changed);
    }, [name, fallback]);
    const set = useCallback((next, push = false) => {
        setValue(next);
        if (name) setHashQuery({ [name]: next === fallback ? null : next }, push);
    }, [name, fallback]);
    return [value, set];
}

/** How many entries a page of an administration list (people, keys, webhooks, organizations, ...) shows. */
export const LIST_PAGE = 50;

/**
 * A listing of the API ({@code path}, answered as {items, total, limit, offset}) read a page at a time, for a
 * {@link Pager} ({@link ListPager}): {@code offset} and {@code setOffset} move it, and a page emptied by a deletion steps
 * back ({@link usePageKept}). The administration lists come oldest first (the API cannot sort them), so their newest
 * entries are on the last page; a single ?limit=200 read left everything past the 200th out of reach.
 *
 * The offset is kept in the address's hash as {@code param} (default {@code offset}; a second list on a screen names
 * its own; {@code null} for a list in a dialog, which keeps it to itself), as the screens keep their filters there
 * ({@link useHashParam}): a reload, or Back from what a row leads to, shows the same page. Moving to another page adds a
 * history entry, so Back returns to the page before.
 *
 * A screen's filters, search and owner are part of {@code path}: another path is another listing, which starts on its
 * first page. The offset is kept with the path it was chosen for, so the new listing's first read already asks for
 * page 1 (an offset reset only in an effect would first read the new listing at the old offset, then at 0); the effect
 * then forgets the old path's offset, so going back to that filter starts on its first page too.
 */
export function usePagedLoad(path, limit = LIST_PAGE, { param = 'offset' } = {}) {
    const [kept, keep] = useHashParam(param, '0');
    const [place, setPlace] = useState(() => ({ path, offset: Math.max(0, Number(kept) || 0) }));
    const [added, setAdded] = useState(null);
    const offset = place.path === path ? place.offset : 0;
    const current = useRef(path);
    current.current = path;
    const setOffset = useCallback((next, push = true) => {
        setPlace({ path, offset: next });
        keep(String(next), push);
    }, [path, keep]);
    const shownPath = useRef(path);
    useEffect(() => {
        if (shownPath.current === path) return;
        shownPath.current = path;
        setPlace(was => (was.path === path ? was : { path, offset: 0 }));
        keep('0');
    }, [path]);
    // The address moved to another page of this listing (Back, Forward): show that one.
    useEffect(() => {
        const wanted = Math.max(0, Number(kept) || 0);
        setPlace(was => (was.path === current.current && was.offset === wanted ? was : { path: current.current, offset: wanted }));
    }, [kept]);
    const list = useLoad(() => get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`), [path, limit, offset]);
    usePageKept(list.data, offset, setOffset);
    /**
     * After the user created an entry of this listing ({@code name} says which, for {@link Added}): the page shown is read
     * again as it is (its place, its filters), never given the new entry by hand. The API decides where an entry goes:
     * the administration lists are oldest first, so it is on the last page, not the one shown; a project's content is
     * filtered by search and marker status, which a new portrait may not match. It reads the page shown when it is
     * called, not when it was handed out: an upload that ends after the user changed the search reloads the new search.
     */
    const latest = useRef(null);
    latest.current = { path, reload: list.reload };
    const created = useCallback(name => {
        setAdded(name == null ? null : { path: latest.current.path, name });
        return latest.current.reload();
    }, []);
    return { ...list, offset, setOffset, created, added: added?.path === path ? added.name : null };
}

/** Says what was last created in a {@link usePagedLoad} listing ({@code list.created(name)}), wherever the entry is. */
export function Added({ list, id }) {
    return list.added ? html`<${Status} tag="p" className="added" id=${id} text=${t('common.added', { name: list.added })}/>` : null;
}

/** The {@link Pager} of a {@link usePagedLoad} listing (nothing while it loads, nor when it fits one page). */
export function ListPager({ list }) {
    return list.data ? html`<${Pager} total=${list.data.total} limit=${list.data.limit} offset=${list.offset} onOffset=${list.setOffset}/>` : null;
}

/** Previous / next over a listing answered as {items, total, limit, offset}. */
export function Pager({ total, limit, offset, onOffset }) {
    if (total <= limit && offset === 0) return null;
    return html`<nav class="pager" aria-label=${t('common.paging')}>
        <button disabled=${offset === 0} onClick=${() => onOffset(Math.max(0, offset - limit))}>${t('common.previous')}</button>
        <span>${t('common.pageOf', { from: offset + 1, to: Math.min(total, offset + limit), total })}</span>
        <button disabled=${offset + limit >= total} onClick=${() => onOffset(offset + limit)}>${t('common.next')}</button>
    </nav>`;
}

export function ProgressBar({ value, label }) {
    return html`<div class="progress"><progress max="100" value=${value} aria-label=${label}></progress><span>${value}%</span></div>`;
}

export function StatusBadge({ status }) {
    return html`<span class=${`badge status-${status}`} data-status=${status}>${t(`status.${status}`)}</span>`;
}

/**
 * A drop zone for files that is also a button (keyboard: Enter or Space opens the file chooser);
 * {@code onFiles} gets the dropped or chosen files.
 */
export function DropZone({ onFiles, accept, multiple = true, label, id }) {
    const input = useRef(null);
    const [over, setOver] = useState(false);
    const choose = () => input.current.click();
    const key = event => {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            choose();
        }
    };
    const dragOver = event => {
        event.preventDefault();
        setOver(true);
    };
    const dropped = event => {
        event.preventDefault();
        setOver(false);
        onFiles([...event.dataTransfer.files]);
    };
    const chosen = event => {
        onFiles([...event.target.files]);
        event.target.value = '';
    };
    const className = over ? 'dropzone over' : 'dropzone';
    return html`<div class=${className} id=${id} role="button" tabindex="0" onClick=${choose} onKeyDown=${key}
            onDragOver=${dragOver} onDragLeave=${() => setOver(false)} onDrop=${dropped}>
        <span>${label}</span>
        <input ref=${input} type="file" accept=${accept} multiple=${multiple} hidden=${true} onChange=${chosen}/>
    </div>`;
}

/** model-viewer (about 1 MB) is fetched only when a screen shows a model. */
export function loadModelViewer() {
    return import('../vendor/model-viewer/dist/model-viewer.min.js');
}

/**
 * Whether this browser opens models in iOS's AR Quick Look (model-viewer's own test: an anchor supporting rel="ar").
 * Only such a browser fetches a model's USDZ, which the server converts on each request.
 */
function quickLook() {
    const a = document.createElement('a');
    return !!(a.relList && a.relList.supports && a.relList.supports('ar'));
}

/**
 * A GLB of the API in an interactive <model-viewer> (rotate, zoom; the AR button on phones). With iosSrc (the
 * item's usdz_url) an iPhone's AR Quick Look gets the server's USDZ as ios-src instead of
 * model-viewer's own in-browser conversion; when that fetch fails, the conversion is the fallback. The USDZ is fetched
 * when the view opens, not when AR is tapped: model-viewer (4.4, activateAR) opens Quick Look by clicking a rel="ar"
 * link, which iOS honours only within the tap's user activation, and the server's conversion can outlast it.
 */
export function ModelView({ src, iosSrc, alt }) {
    const [urls, setUrls] = useState(null);
    const [error, setError] = useState(null);
    useEffect(() => {
        const objectUrls = [];
        const usdz = iosSrc && quickLook() ? blob(iosSrc).catch(() => null) : Promise.resolve(null);
        Promise.all([blob(src), usdz, loadModelViewer()]).then(([glb, ios]) => {
            const model = URL.createObjectURL(glb);
            objectUrls.push(model);
            const iosUrl = ios ? URL.createObjectURL(ios) : null;
            if (iosUrl) objectUrls.push(iosUrl);
            setUrls({ model, ios: iosUrl });
        }, setError);
        return () => objectUrls.forEach(u => URL.revokeObjectURL(u));
    }, [src, iosSrc]);
    if (error) return html`<${ErrorBox} error=${error}/>`;
    if (!urls) return html`<${Loading}/>`;
    // No scene-viewer: it hands the model's URL to Google's app, which can open neither this page's blob: URL nor the API's
    // (it needs the credential); on Android without WebXR the AR button would open an app that fails to load the model.
    return html`<model-viewer src=${urls.model} ios-src=${urls.ios || undefined} alt=${alt} camera-controls touch-action="pan-y" ar
        ar-modes="webxr quick-look" shadow-intensity="1" exposure="1.1" interaction-prompt="none"></model-viewer>`;
}

export function useTitle(title) {
    useEffect(() => {
        document.title = `${title} · ARV`;
    }, [title]);
}
