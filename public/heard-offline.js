// Registers Heard's service worker (/sw.js), hands it the pages of the child's turn to keep, asks
// it to send what waits on the tablet, and shows the adult how much is waiting. Plain JavaScript,
// so it works on pages that are not enhanced yet and on the service worker's own offline page.
//
// It also runs the few buttons that need no server ("Print", "Go back"): the pages' security
// policy allows no inline onclick handlers, and these must work before the page is enhanced.
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('[data-action]');
  if (!button) return;
  if (button.dataset.action === 'print') window.print();
  if (button.dataset.action === 'back') history.back();
});

(() => {
  if (!('serviceWorker' in navigator)) return;
  let waiting = 0;
  // In the page's language, from the page itself (see `shell` in app/src/ui/mod.rs).
  const words = document.getElementById('heard-words')?.dataset || {};
  let problems = {};
  try { problems = JSON.parse(words.problems || '{}'); } catch { /* no words: reasons left out */ }
  const counted = (text, count) => text.replace('{count}', String(count));

  const bar = document.createElement('div');
  bar.id = 'heard-waiting';
  bar.className = 'waiting-bar';
  bar.setAttribute('role', 'status');
  bar.hidden = true;

  function show({ waiting: count = 0, worries = 0, refused = [] }) {
    waiting = count;
    bar.replaceChildren();
    if (worries > 0) {
      const line = document.createElement('p');
      line.className = 'worry';
      line.textContent = words.worry
        || 'A child pressed "I\'m worried" and it has not reached Heard yet. Go to the child now, and tell the safeguarding lead.';
      bar.append(line);
    }
    if (count > 0) {
      const line = document.createElement('p');
      line.textContent = counted(
        words.kept || 'Answers kept on this tablet: {count}. They will be sent when the Wi-Fi is back.',
        count,
      );
      bar.append(line);
    }
    if (refused.length > 0) {
      const line = document.createElement('p');
      line.append(counted(words.refused || 'Heard could not take answers sent from this tablet: {count}.', refused.length));
      for (const reason of new Set(refused)) {
        // A child's problem comes as a code this page words; any other reason is English.
        const coded = reason.startsWith('code:');
        const text = coded ? problems[reason.slice('code:'.length)] : reason;
        if (!text) continue;
        const why = document.createElement('span');
        if (!coded) why.lang = 'en';
        why.textContent = text;
        line.append(' ', why);
      }
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'button secondary';
      dismiss.textContent = words.dismiss || 'Dismiss';
      dismiss.addEventListener('click', () => tell({ dismiss: true }));
      line.append(' ', dismiss);
      bar.append(line);
    }
    bar.hidden = bar.childElementCount === 0;
    document.body.style.paddingBottom = bar.hidden ? '' : `${bar.offsetHeight + 16}px`;
  }

  function tell(message) {
    navigator.serviceWorker.ready.then((registration) => registration.active.postMessage(message));
  }

  navigator.serviceWorker.addEventListener('message', (event) => show(event.data || {}));
  navigator.serviceWorker.register('/sw.js').catch(() => {});
  document.body.append(bar);

  const pages = document.querySelector('[data-offline-pages]');
  if (pages) tell({ keep: pages.dataset.offlinePages.split(' ') });
  tell({ send: true });
  window.addEventListener('online', () => tell({ send: true }));
  setInterval(() => { if (waiting > 0) tell({ send: true }); }, 15000);
})();
