// The inbox's only script (served as a file: the pages' CSP forbids inline script). It adds the
// keyboard to the queue (j/k move, Enter opens, e closes the selected ticket), turns the evidence
// into tabs, zooms screenshots and filters console entries by level. Everything it drives is a
// plain link, button or form that works without it.

function typing(event) {
  const target = event.target;
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

function queueKeys() {
  const rows = Array.from(document.querySelectorAll('tr[data-row]'));
  if (rows.length === 0) return;
  let current = -1;
  const select = (index) => {
    if (index < 0 || index >= rows.length) return;
    rows[current]?.classList.remove('selected');
    rows[current]?.removeAttribute('aria-current');
    current = index;
    rows[current].classList.add('selected');
    rows[current].setAttribute('aria-current', 'true');
    rows[current].querySelector('a[data-open]')?.focus();
  };
  // Focusing a row's link by Tab or click selects that row too.
  rows.forEach((row, index) => {
    row.addEventListener('focusin', () => {
      if (index !== current) select(index);
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event)) return;
    if (event.key === 'j') select(current + 1 < rows.length ? current + 1 : current === -1 ? 0 : current);
    else if (event.key === 'k') select(current > 0 ? current - 1 : 0);
    else if (event.key === 'Enter' && current >= 0 && document.activeElement === document.body)
      rows[current].querySelector('a[data-open]')?.click();
    else if (event.key === 'e' && current >= 0) rows[current].querySelector('button[data-close]')?.click();
    else return;
    event.preventDefault();
  });
}

function tabs() {
  for (const list of document.querySelectorAll('[data-tabs]')) {
    const buttons = Array.from(list.querySelectorAll('[role="tab"]'));
    const show = (chosen, focus) => {
      for (const button of buttons) {
        const on = button === chosen;
        button.setAttribute('aria-selected', String(on));
        button.tabIndex = on ? 0 : -1;
        const panel = document.getElementById(button.getAttribute('aria-controls'));
        if (panel) panel.hidden = !on;
      }
      if (focus) chosen.focus();
    };
    buttons.forEach((button, index) => {
      button.addEventListener('click', () => show(button, false));
      button.addEventListener('keydown', (event) => {
        const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : undefined;
        if (next === undefined) return;
        event.preventDefault();
        show(buttons[(next + buttons.length) % buttons.length], true);
      });
    });
    show(buttons.find((b) => b.getAttribute('aria-selected') === 'true') ?? buttons[0], false);
  }
}

function zoom() {
  for (const button of document.querySelectorAll('button[data-zoom]')) {
    button.addEventListener('click', () => {
      const figure = button.closest('figure');
      const on = !figure.classList.contains('zoomed');
      figure.classList.toggle('zoomed', on);
      button.setAttribute('aria-pressed', String(on));
    });
  }
}

function levelFilter() {
  const select = document.querySelector('select[data-level-filter]');
  if (!select) return;
  select.addEventListener('change', () => {
    for (const row of document.querySelectorAll('tr[data-level]')) row.hidden = select.value !== '' && row.dataset.level !== select.value;
  });
}

queueKeys();
tabs();
zoom();
levelFilter();
