/** The "Try this" cards, and bringing the charts into view when one is set up. */
import { EXERCISES, type Exercise } from './exercises.js';

export function buildCards(host: HTMLElement, start: (ex: Exercise) => void): void {
  for (const ex of EXERCISES) {
    const card = document.createElement('article');
    card.className = 'card';
    card.id = `ex-${ex.id}`;
    card.innerHTML = `<h3>${ex.title}</h3><ol>${ex.steps.map((s) => `<li>${s}</li>`).join('')}</ol><p class="q">${ex.question}</p>`;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Set this up';
    b.setAttribute('aria-label', `Set up exercise: ${ex.title}`);
    b.addEventListener('click', () => start(ex));
    card.appendChild(b);
    host.appendChild(card);
  }
}

/**
 * Scroll the charts into view (the cards are far below them): below the header where it stays
 * on screen (wide screens); on a phone, from the top if the controls and the first chart fit
 * together, so Run stays in reach.
 */
export function showCharts(): void {
  const header = document.querySelector('header')!;
  const sticky = getComputedStyle(header).position === 'sticky';
  const top = document.getElementById('charts-panel')!.getBoundingClientRect().top + window.scrollY;
  const target = sticky ? top - header.getBoundingClientRect().height - 8 : top < window.innerHeight * 0.6 ? 0 : top - 8;
  window.scrollTo({ top: Math.max(0, target) });
}
