// The console's shell: sign-in, navigation by role, hash routes, language switch.
import {
    html, render, useState, useEffect, t, loadMessages, preferredLanguage, language, currentSession, onSessionChange,
    signIn, signOut, takeReturnPlace, hasRole, ErrorBox, onLanguage, signInWithToken, enterHandedOver, ssoProviders, ssoStartUrl, request, useLimits,
    hashPath, hashQuery, Status, useRef, focusHeading, newPasswordRules, Waiting
} from './core.js';
import { Dashboard } from './dashboard.js';
import { Projects, ProjectDetail, ContentDetail, CheckPhoto } from './projects.js';
import { Generations, GenerationDetail } from './generations.js';
import { MediaLibrary } from './media.js';
import { Settings } from './settings.js';
import { Platform } from './platform.js';
import { Sessions, OwnPassword } from './account.js';
import { AuditLog } from './audit.js';
import { Bell, Notifications, NotificationPreferences } from './notifications.js';
import { Webhooks } from './webhooks.js';

const MEMBER = 'member';
const ORG_ADMIN = 'org-admin';
const PLATFORM_ADMIN = 'platform-admin';

/**
 * Each route: a pattern over the hash path, the screen, and the role it needs; {@code tabs}: its screen's tabs are routes
 * of it (#/settings/keys), and moving between them keeps the focus on the tab chosen.
 */
const ROUTES = [
    { path: /^\/$/, screen: Dashboard, role: MEMBER, nav: 'dashboard' },
    { path: /^\/projects$/, screen: Projects, role: MEMBER, nav: 'projects' },
    { path: /^\/projects\/([\w-]+)$/, screen: ProjectDetail, role: MEMBER, nav: 'projects' },
    { path: /^\/content\/([\w-]+)$/, screen: ContentDetail, role: MEMBER, nav: 'projects' },
    { path: /^\/check$/, screen: CheckPhoto, role: MEMBER, nav: 'check' },
    { path: /^\/generations$/, screen: Generations, role: MEMBER, nav: 'generations' },
    { path: /^\/generations\/([\w-]+)$/, screen: GenerationDetail, role: MEMBER, nav: 'generations' },
    { path: /^\/media$/, screen: MediaLibrary, role: MEMBER, nav: 'media' },
    { path: /^\/settings(?:\/(\w[\w-]*))?$/, screen: Settings, role: ORG_ADMIN, nav: 'settings', tabs: true },
    { path: /^\/platform(?:\/(\w[\w-]*))?$/, screen: Platform, role: PLATFORM_ADMIN, nav: 'platform', tabs: true },
    { path: /^\/sessions$/, screen: Sessions, role: MEMBER, nav: 'sessions' },
    { path: /^\/account\/password$/, screen: OwnPassword, role: MEMBER, nav: 'password' },
    { path: /^\/audit$/, screen: AuditLog, role: ORG_ADMIN, nav: 'audit' },
    { path: /^\/notifications$/, screen: Notifications, role: MEMBER, nav: 'notifications' },
    { path: /^\/account\/notifications$/, screen: NotificationPreferences, role: MEMBER, nav: 'notificationPreferences' },
    { path: /^\/webhooks$/, screen: Webhooks, role: ORG_ADMIN, nav: 'webhooks' },
];

const NAV = [
    { id: 'dashboard', href: '#/', role: MEMBER },
    { id: 'projects', href: '#/projects', role: MEMBER },
    { id: 'check', href: '#/check', role: MEMBER },
    { id: 'generations', href: '#/generations', role: MEMBER },
    { id: 'media', href: '#/media', role: MEMBER },
    { id: 'settings', href: '#/settings', role: ORG_ADMIN },
    { id: 'platform', href: '#/platform', role: PLATFORM_ADMIN },
    { id: 'sessions', href: '#/sessions', role: MEMBER },
    { id: 'password', href: '#/account/password', role: MEMBER },
    { id: 'audit', href: '#/audit', role: ORG_ADMIN },
    { id: 'notifications', href: '#/notifications', role: MEMBER },
    { id: 'notificationPreferences', href: '#/account/notifications', role: MEMBER },
    { id: 'webhooks', href: '#/webhooks', role: ORG_ADMIN },
];

function parseHash() {
    return { path: hashPath().replace(/^#/, '') || '/', query: hashQuery() };
}

function useHash() {
    const [route, setRoute] = useState(parseHash());
    useEffect(() => {
        const changed = () => setRoute(parseHash());
        addEventListener('hashchange', changed);
        // The first render may have moved the hash (a redirect) before this listener existed: read it again.
        changed();
        return () => removeEventListener('hashchange', changed);
    }, []);
    return route;
}

/**
 * Why a single sign-on failed, when ARV sent the browser back here with its code ({@code sso_error}) and request id: a
 * message for each code ARV gives, the general one for any other.
 */
function ssoFailure(query) {
    const code = query.get('sso_error');
    if (!code) return null;
    const known = ['sso_failed', 'no_organization', 'identity_provider_unavailable'].includes(code);
    return { message: t(known ? `signIn.ssoError.${code}` : 'signIn.ssoError.other'), requestId: query.get('request_id') };
}

function SignIn({ query }) {
    const [error, setError] = useState(null);
    const [busy, setBusy] = useState(false);
    // The provider buttons and the sign-up link come from two requests but appear in one render: shown as each answer
    // came, the buttons pushed the link down under a pointer (or a test's click) already on its way to it.
    const [options, setOptions] = useState({ providers: [], signupOpen: false });
    useEffect(() => {
        Promise.all([ssoProviders(), signupEnabled()]).then(([providers, signupOpen]) => setOptions({ providers, signupOpen }));
    }, []);
    const { providers, signupOpen } = options;
    const submit = async event => {
        event.preventDefault();
        const form = new FormData(event.target);
        setBusy(true);
        setError(null);
        try {
            // The shell takes over from here and goes back to where the user was (see App).
            await signIn(form.get('email'), form.get('password'));
        } catch (e) {
            setError(e);
            setBusy(false);
        }
    };
    return html`<main class="sign-in" id="main">
        <form onSubmit=${submit} class="card" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">${t('signIn.title')}</h1>
            ${query.get('expired') ? html`<${Status} tag="p" className="notice" text=${t('signIn.expired')}/>` : null}
            <label>${t('signIn.email')}<input name="email" type="email" autocomplete="username" required autofocus/></label>
            <label>${t('signIn.password')}<input name="password" type="password" autocomplete="current-password" required/></label>
            <${ErrorBox} error=${error || ssoFailure(query)}/>
            <button type="submit" class="primary" disabled=${busy}>${t('signIn.submit')}</button>
            ${providers.map(p => html`<a class="button sso" id=${`sso-${p}`} href=${ssoStartUrl(p)}>${t('signIn.with', { name: providerName(p) })}</a>`)}
            <a href="#/forgot" id="forgot-password">${t('reset.forgot')}</a>
            ${signupOpen ? html`<a href="#/signup" id="create-organization">${t('signup.link')}</a>` : null}
            <${LanguageSwitch}/>
        </form>
    </main>`;
}

/** Signed-out screens around a password reset: the answer never says whether the address has an account. */
function AccountForm({ title, children, onSubmit, done, submitLabel }) {
    const [error, setError] = useState(null);
    const [busy, setBusy] = useState(false);
    const [finished, setFinished] = useState(false);
    const submit = async event => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
            await onSubmit(new FormData(event.target));
            setFinished(true);
        } catch (e) {
            setError(e);
        }
        setBusy(false);
    };
    return html`<main class="sign-in" id="main">
        <form onSubmit=${submit} class="card" aria-labelledby="account-form-title">
            <h1 id="account-form-title">${title}</h1>
            ${finished ? html`<${Status} tag="p" className="notice" id="account-form-done" text=${done}/>` : html`${children}
            <${ErrorBox} error=${error}/>
            <button type="submit" class="primary" disabled=${busy}>${submitLabel || t('reset.submit')}</button>`}
            <a href="#/sign-in">${t('reset.backToSignIn')}</a>
            <${LanguageSwitch}/>
        </form>
    </main>`;
}

function ForgotPassword() {
    return html`<${AccountForm} title=${t('reset.forgotTitle')} done=${t('reset.mailSent')}
        onSubmit=${form => request('POST', '/auth/password-reset', { body: { email: form.get('email') }, anonymous: true })}>
        <label>${t('signIn.email')}<input name="email" type="email" autocomplete="username" required autofocus/></label>
    <//>`;
}

function ResetPassword({ query }) {
    const limits = useLimits();
    return html`<${AccountForm} title=${t('reset.title')} done=${t('reset.done')}
        onSubmit=${form => request('POST', '/auth/password-reset/confirm',
            { body: { token: query.get('token'), password: form.get('password') }, anonymous: true })}>
        <label>${t('reset.newPassword')}<input name="password" type="password" autocomplete="new-password" required autofocus ...${newPasswordRules(limits)}/></label>
    <//>`;
}

/** Whether this installation lets people sign up an organization themselves (GET /auth/signup); false when unsure. */
async function signupEnabled() {
    try {
        return (await request('GET', '/auth/signup', { anonymous: true })).enabled === true;
    } catch (e) {
        return false;
    }
}

/** Signed in with the body of an accepted invitation or a verified sign-up (the login answer): on to the dashboard. */
async function enter(token) {
    await signInWithToken(token.access_token, token.expires_at, token.refresh_token);
    location.replace('#/');
}

/** The mailed invitation link: who invites whom, then name and password, and the new person is signed in. */
function AcceptInvitation({ query }) {
    const token = query.get('token') || '';
    const [invitation, setInvitation] = useState(null);
    const [failure, setFailure] = useState(null);
    const limits = useLimits();
    useEffect(() => {
        request('POST', '/auth/invitations/preview', { body: { token }, anonymous: true }).then(setInvitation, setFailure);
    }, [token]);
    return html`<${AccountForm} title=${t('accept.title')} done="" submitLabel=${t('accept.submit')}
        onSubmit=${async form => enter(await request('POST', '/auth/invitations/accept',
            { body: { token, password: form.get('password'), name: form.get('name') || null }, anonymous: true }))}>
        ${invitation ? html`<p id="invitation-intro">${t('accept.invitedAs', { organization: invitation.organization, email: invitation.email })}</p>` : null}
        <${ErrorBox} error=${failure}/>
        <label>${t('accept.name')}<input name="name" autocomplete="name" maxlength="200"/></label>
        <label>${t('accept.password')}<input name="password" type="password" autocomplete="new-password" required ...${newPasswordRules(limits)}/></label>
    <//>`;
}

function SignUp() {
    const limits = useLimits();
    return html`<${AccountForm} title=${t('signup.title')} done=${t('signup.mailSent')} submitLabel=${t('signup.submit')}
        onSubmit=${form => request('POST', '/auth/signup', { body: { organization_name: form.get('organization_name'),
            email: form.get('email'), name: form.get('name'), password: form.get('password') }, anonymous: true })}>
        <label>${t('signup.organization')}<input name="organization_name" required maxlength="200" autofocus/></label>
        <label>${t('signup.name')}<input name="name" autocomplete="name" required maxlength="200"/></label>
        <label>${t('signIn.email')}<input name="email" type="email" autocomplete="username" required/></label>
        <label>${t('signIn.password')}<input name="password" type="password" autocomplete="new-password" required ...${newPasswordRules(limits)}/></label>
    <//>`;
}

/** Tokens already sent for verification: the page may render twice, a link is spent once. */
const verifying = new Set();

/** The mailed sign-up link: verified at once, and the new admin lands in their new organization. */
function VerifySignUp({ query }) {
    const token = query.get('token') || '';
    const [failure, setFailure] = useState(null);
    useEffect(() => {
        if (verifying.has(token)) return;
        verifying.add(token);
        request('POST', '/auth/signup/verify', { body: { token }, anonymous: true }).then(enter).catch(setFailure);
    }, [token]);
    return html`<main class="sign-in" id="main"><div class="card">
        <h1>${t('signup.verifyTitle')}</h1>
        ${failure ? html`<${ErrorBox} error=${failure}/>` : html`<${Waiting} id="signup-verifying" text=${t('signup.verifying')}/>`}
        <a href="#/sign-in">${t('reset.backToSignIn')}</a>
    </div></main>`;
}

/** A provider's name as people know it (the configured names are lower-case: google → Google). */
function providerName(name) {
    const known = { google: 'Google', yandex: 'Yandex ID', keycloak: 'Keycloak', azure: 'Microsoft', azuread: 'Microsoft' };
    return known[name] || name.charAt(0).toUpperCase() + name.slice(1);
}

function LanguageSwitch() {
    const other = language === 'ru' ? 'en' : 'ru';
    return html`<button type="button" class="link language" lang=${other}
        onClick=${() => loadMessages(other)}>${t('language.switch')}</button>`;
}

/**
 * {@code signedInHere}: the session began in this page (a sign-in, an accepted invitation, a verified sign-up), so its
 * first screen takes the focus as a new screen does; not when the page was opened or reloaded signed in.
 */
function Shell({ route, session, signedInHere }) {
    const [menuOpen, setMenuOpen] = useState(false);
    const match = ROUTES.map(r => ({ r, m: route.path.match(r.path) })).find(x => x.m);
    const me = session.me;
    // Another screen (not the first one shown, unless the user has just signed in, nor the same one with other filters or another page of its list in the
    // hash's query, nor another tab of it): the focus goes to its heading, so a screen reader says it arrived.
    const shown = useRef(null);
    useEffect(() => {
        const before = shown.current;
        shown.current = { path: route.path, route: match?.r };
        if (!before) return signedInHere ? focusHeading() : undefined;
        if (before.path === route.path || (match?.r.tabs && before.route === match.r)) return undefined;
        return focusHeading();
    }, [route.path]);
    let content;
    if (!match) {
        content = html`<h1>${t('notFound.title')}</h1><p><a href="#/">${t('nav.dashboard')}</a></p>`;
    } else if (!hasRole(match.r.role)) {
        content = html`<div class="forbidden" data-forbidden="true"><h1>${t('forbidden.title')}</h1><p>${t('forbidden.text')}</p></div>`;
    } else {
        const Screen = match.r.screen;
        content = html`<${Screen} key=${route.path} params=${match.m.slice(1)} query=${route.query}/>`;
    }
    return html`<a class="skip" href="#main" onClick=${e => { e.preventDefault(); document.getElementById('main').focus(); }}>${t('nav.skip')}</a>
    <header class="top">
        <button class="icon menu" aria-expanded=${menuOpen} aria-controls="nav" aria-label=${t('nav.menu')}
            onClick=${() => setMenuOpen(!menuOpen)}>☰</button>
        <a class="brand" href="#/">ARV</a>
        <span class="who">${me.name} · ${me.organization?.name}</span>
        ${me.kind === 'user' ? html`<${Bell}/>` : null}
        <${LanguageSwitch}/>
        <button class="link" id="sign-out" onClick=${() => signOut(false)}>${t('nav.signOut')}</button>
    </header>
    <div class="layout">
        <nav id="nav" class=${menuOpen ? 'open' : ''} aria-label=${t('nav.label')} onClick=${() => setMenuOpen(false)}>
            <ul>${NAV.filter(n => hasRole(n.role)).map(n => html`<li><a href=${n.href} id=${`nav-${n.id}`}
                aria-current=${match?.r.nav === n.id ? 'page' : null}>${t(`nav.${n.id}`)}</a></li>`)}</ul>
        </nav>
        <main id="main" tabindex="-1">${content}</main>
    </div>`;
}

function App() {
    const route = useHash();
    const [session, setSession] = useState(currentSession());
    const [, setLanguage] = useState(language);
    // Whether a session began in this page, signed out before (see Shell).
    const shownSession = useRef(session);
    const signedInHere = useRef(false);
    useEffect(() => onSessionChange(next => {
        if (next && !shownSession.current) signedInHere.current = true;
        shownSession.current = next;
        setSession(next);
    }), []);
    useEffect(() => onLanguage(setLanguage), []);
    // The mailed reset link and "forgot password" work signed in or out.
    if (route.path === '/forgot') return html`<${ForgotPassword}/>`;
    if (route.path === '/reset') return html`<${ResetPassword} query=${route.query}/>`;
    // So do the mailed invitation and sign-up links, and the sign-up form.
    if (route.path === '/invitation') return html`<${AcceptInvitation} query=${route.query}/>`;
    if (route.path === '/signup') return html`<${SignUp}/>`;
    if (route.path === '/signup/verify') return html`<${VerifySignUp} query=${route.query}/>`;
    if (!session) {
        // (The hash may already say sign-in while the route has not caught up: then the place is remembered already.)
        if (!route.path.startsWith('/sign-in') && !location.hash.startsWith('#/sign-in')) {
            // Signed out (or never signed in): remember where the user wanted to go.
            sessionStorage.setItem('arv.console.return', location.hash || '#/');
            location.replace('#/sign-in');
        }
        return html`<${SignIn} query=${route.query}/>`;
    }
    if (route.path.startsWith('/sign-in')) {
        location.replace(takeReturnPlace());
        return null;
    }
    return html`<${Shell} route=${route} session=${session} signedInHere=${signedInHere.current}/>`;
}

const root = document.getElementById('app');

/**
 * Back from single sign-on: ARV put a one-time code in the URL fragment (never sent to a server) and a cookie in this browser
 * that only the hand-off is sent, from ARV's own pages. The code is taken out of the address bar and history at once and
 * exchanged, with that cookie, for the session's tokens; then the session starts as after a password sign-in. Tokens in
 * the address are never taken: a link someone else made would sign this tab into their account (login CSRF).
 */
async function takeSingleSignOn() {
    if (!location.hash.startsWith('#/signed-in?')) return;
    const params = new URLSearchParams(location.hash.slice('#/signed-in?'.length));
    history.replaceState(null, '', `${location.pathname}${location.search}#/sign-in`);
    const code = params.get('handoff');
    if (code) {
        try {
            await enterHandedOver(code);
        } catch (e) {
            signOut(false);
            const failure = new URLSearchParams({ sso_error: e.code || 'sso_failed' });
            if (e.requestId) failure.set('request_id', e.requestId);
            history.replaceState(null, '', `${location.pathname}${location.search}#/sign-in?${failure}`);
        }
    }
}

Promise.all([loadMessages(preferredLanguage()), takeSingleSignOn()]).then(() => {
    root.textContent = '';
    render(html`<${App}/>`, root);
});
