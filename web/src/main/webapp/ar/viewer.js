// The public AR viewer: /ar/<unique id>. Loads the manifest, starts MindAR on the .mind, and plays the
// overlay on the target: a video (muted autoplay, tap for sound) or a GLB model. window.ARV_VIEWER
// exposes the state for people debugging on a phone and for the end-to-end test.
import * as THREE from 'three';

const state = window.ARV_VIEWER = { phase: 'loading', targetFound: false, overlayKind: null, overlayFrames: 0,
  videoPlaying: false, error: null };
const uniqueId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');

// What the page says, in the visitor's language: the servlet chose it (the first of theirs ARV speaks, as for its
// friendly pages) and put that language's part of /ar/messages.json in the page, the texts its friendly pages say too.
const text = JSON.parse(document.getElementById('viewer-messages').textContent);
document.getElementById('sound').textContent = text.sound;

/** Shows the message of a phase; {@code detail} replaces its text (an unsupported browser's reason). */
function show(phase, detail, values = {}) {
  state.phase = phase;
  const { title, text: body } = text[phase];
  document.getElementById('message-title').textContent = title;
  document.getElementById('message-text').textContent = (detail || body).replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
  document.getElementById('message').hidden = false;
}

function supported() {
  if (!window.isSecureContext && location.hostname !== 'localhost' && location.hostname !== '127.0.0.1') {
    return text.insecure;
  }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return text.noMediaDevices;
  }
  const canvas = document.createElement('canvas');
  if (!(canvas.getContext('webgl2') || canvas.getContext('webgl'))) {
    return text.noWebgl;
  }
  return null;
}

// Asked before MindAR starts: its own error handling cannot tell a refusal from a missing camera.
async function cameraAllowed() {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    stream.getTracks().forEach((t) => t.stop());
    return true;
  } catch (e) {
    if (e && (e.name === 'NotAllowedError' || e.name === 'SecurityError')) {
      show('camera-denied');
    } else if (e && (e.name === 'NotFoundError' || e.name === 'OverconstrainedError')) {
      show('no-camera');
    } else {
      state.error = String((e && e.message) || e);
      show('camera-error');
    }
    return false;
  }
}

async function loadManifest() {
  const response = await fetch('/api/v1/viewer/' + encodeURIComponent(uniqueId) + '/manifest', { cache: 'no-store' });
  if (response.status === 410) {
    show('gone');
    return null;
  }
  if (response.status === 429) {
    const wait = Number(response.headers.get('Retry-After')) || 60;
    show('rate-limited', null, { seconds: wait });
    return null;
  }
  if (response.status >= 500) {
    // Not the code's fault: saying it is unknown would send people to check a card that is fine.
    show('unavailable');
    return null;
  }
  if (!response.ok) {
    show('not-found');
    return null;
  }
  return response.json();
}

function videoOverlay(manifest, anchor, aspect) {
  const video = document.createElement('video');
  Object.assign(video, { src: manifest.overlay.url, muted: true, loop: true, playsInline: true, crossOrigin: 'anonymous' });
  video.setAttribute('playsinline', '');
  video.setAttribute('muted', '');
  const texture = new THREE.VideoTexture(video);
  texture.colorSpace = THREE.SRGBColorSpace;
  const plane = new THREE.Mesh(new THREE.PlaneGeometry(1, aspect), new THREE.MeshBasicMaterial({ map: texture }));
  anchor.group.add(plane);
  const sound = document.getElementById('sound');
  sound.addEventListener('click', () => {
    video.muted = false;
    video.play();
    sound.hidden = true;
  });
  video.addEventListener('error', () => {
    show('overlay-error');
  });
  video.addEventListener('playing', () => { state.videoPlaying = true; });
  video.addEventListener('pause', () => { state.videoPlaying = false; });
  anchor.onTargetFound = () => {
    found();
    video.play().catch(() => {});
    if (video.muted) sound.hidden = false;
  };
  anchor.onTargetLost = () => { video.pause(); };
  return plane;
}

async function modelOverlay(manifest, anchor) {
  const { GLTFLoader } = await import('three/addons/loaders/GLTFLoader.js');
  const gltf = await new GLTFLoader().loadAsync(manifest.overlay.url);
  const model = gltf.scene;
  // Fit the model's largest side to the target's width (1 unit), standing on the target.
  const box = new THREE.Box3().setFromObject(model);
  const size = box.getSize(new THREE.Vector3());
  const scale = 1 / Math.max(size.x, size.y, size.z, 1e-6);
  model.scale.setScalar(scale);
  model.rotation.x = Math.PI / 2;
  anchor.group.add(model);
  anchor.group.add(new THREE.HemisphereLight(0xffffff, 0x444444, 2));
  anchor.onTargetFound = found;
  return model;
}

function found() {
  state.targetFound = true;
  state.phase = 'tracking';
}

async function main() {
  const unsupported = supported();
  if (unsupported) {
    show('unsupported', unsupported);
    return;
  }
  // The camera first: loading the manifest counts a view, and a visitor who refuses the camera (and is told to reload)
  // has seen nothing. The page itself was served only for content that shows, so an unknown code never gets this far.
  if (!(await cameraAllowed())) return;
  const manifest = await loadManifest();
  if (!manifest) return;
  const { MindARThree } = await import('/ar/vendor/mind-ar/dist/mindar-image-three.prod.js');
  const mindar = new MindARThree({ container: document.getElementById('ar'), imageTargetSrc: manifest.mind_url,
    uiLoading: 'yes', uiScanning: 'yes', uiError: 'no' });
  const anchor = mindar.addAnchor(0);
  const aspect = manifest.target_width > 0 ? manifest.target_height / manifest.target_width : 1;
  let overlay = null;
  state.overlayKind = manifest.overlay ? manifest.overlay.kind : null;
  if (manifest.overlay && manifest.overlay.kind === 'video') {
    overlay = videoOverlay(manifest, anchor, aspect);
  } else if (manifest.overlay && manifest.overlay.kind === 'glb') {
    overlay = await modelOverlay(manifest, anchor);
  } else {
    // No overlay yet: a translucent frame on the target shows that tracking works.
    overlay = new THREE.Mesh(new THREE.PlaneGeometry(1, aspect),
      new THREE.MeshBasicMaterial({ color: 0x00aaff, transparent: true, opacity: 0.4 }));
    anchor.group.add(overlay);
    anchor.onTargetFound = found;
  }
  await mindar.start();
  state.phase = 'scanning';
  mindar.renderer.setAnimationLoop(() => {
    mindar.renderer.render(mindar.scene, mindar.camera);
    // Counts frames in which the overlay was drawn on the found target (the anchor group is visible then).
    if (state.targetFound && anchor.group.visible && overlay) state.overlayFrames++;
  });
  window.addEventListener('pagehide', () => { mindar.renderer.setAnimationLoop(null); mindar.stop(); });
}

main().catch((e) => {
  state.error = String((e && (e.stack || e.message)) || e);
  show('error');
});
