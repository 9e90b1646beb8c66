// Chart.js (window.Chart, from its WebJar) with the dashboard's calm defaults. A chart is
// destroyed before the view or the part of it that holds it is drawn again, so a refresh does not
// leak canvases.

import {el} from './dom.js';

const drawn = new Set();

function chartLibrary() {
    const library = window.Chart;
    library.defaults.animation = false;
    library.defaults.font.family = getComputedStyle(document.body).fontFamily;
    library.defaults.color = '#4a5568';
    library.defaults.maintainAspectRatio = false;
    return library;
}

/** Destroys the charts drawn inside `within` (a part of the page about to be drawn again), or all of them. */
export function destroyCharts(within) {
    for (const chart of drawn) {
        if (!within || within.contains(chart.canvas)) {
            chart.destroy();
            drawn.delete(chart);
        }
    }
}

/** A canvas in a box of fixed height; the chart is drawn once the box is in the page. */
function chartBox(test, draw) {
    const canvas = el('canvas', {test});
    const box = el('div', {class: 'chart'}, canvas);
    requestAnimationFrame(() => {
        if (canvas.isConnected) {
            drawn.add(draw(chartLibrary(), canvas));
        }
    });
    return box;
}

/**
 * Lines over time: series is [{label, colour, values, fill?, dashed?, stack?}]. With `stacked`,
 * the series of one stack pile up (an area each); a series with a stack of its own stays a line.
 */
export function lineChart(test, labels, series, {min, max, stacked = false} = {}) {
    return chartBox(test, (Chart, canvas) => new Chart(canvas, {
        type: 'line',
        data: {
            labels,
            datasets: series.map(line => ({
                label: line.label,
                data: line.values,
                borderColor: line.colour,
                backgroundColor: line.colour + '33',
                fill: line.fill ?? false,
                stack: line.stack,
                borderDash: line.dashed ? [6, 4] : [],
                pointRadius: 2,
                // straight segments: a curve would show values that were never measured
                tension: 0,
                spanGaps: true,
            })),
        },
        options: {
            interaction: {mode: 'index', intersect: false},
            scales: {
                y: {min, max, stacked, beginAtZero: true, ticks: {precision: 0}},
                x: {grid: {display: false}},
            },
            plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}},
        },
    }));
}

export function barChart(test, labels, values, colour) {
    return chartBox(test, (Chart, canvas) => new Chart(canvas, {
        type: 'bar',
        data: {labels, datasets: [{data: values, backgroundColor: colour, borderRadius: 3, maxBarThickness: 48}]},
        options: {
            scales: {y: {beginAtZero: true, ticks: {precision: 0}}, x: {grid: {display: false}}},
            plugins: {legend: {display: false}},
        },
    }));
}
