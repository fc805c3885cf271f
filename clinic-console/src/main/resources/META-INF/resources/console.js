// Small behaviours of the console's pages; everything works without them, they only make the pages livelier.
(function () {
    'use strict';

    // The heat timer: minutes and seconds since the heat went on, red past the plan's maximum.
    function tickTimers() {
        document.querySelectorAll('.timer[data-since]').forEach(function (timer) {
            var since = Date.parse(timer.dataset.since);
            if (isNaN(since)) { return; }
            var seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
            var text = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
            timer.textContent = text;
            var max = parseInt(timer.dataset.maxMinutes, 10);
            timer.classList.toggle('over', !isNaN(max) && seconds > max * 60);
        });
    }

    // The ice cube stepper: the buttons never go above two nor below one.
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-cubes]');
        if (!button) { return; }
        var input = button.parentElement.querySelector('input[name=iceCubesAtOnce]');
        var value = (parseInt(input.value, 10) || 1) + parseInt(button.dataset.cubes, 10);
        input.value = Math.min(2, Math.max(1, value));
    });

    // Charts of the operations board, drawn from the counts the page carries (data-chart).
    var palette = ['#0b5cad', '#1d6b3a', '#8a4b00', '#a4161a', '#5b3c99', '#00707a', '#6b7a88', '#b35c00'];
    function drawCharts(root) {
        if (typeof Chart === 'undefined') { return; }
        root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var data = JSON.parse(canvas.dataset.chart);
            var existing = Chart.getChart(canvas);
            if (existing) { existing.destroy(); }
            new Chart(canvas, {
                type: 'bar',
                data: { labels: data.labels, datasets: [{ label: data.title, data: data.values,
                        backgroundColor: data.labels.map(function (_, i) { return palette[i % palette.length]; }) }] },
                options: { animation: false, plugins: { legend: { display: false } },
                           scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
            });
        });
    }

    // Live updates: the page's event stream says which case of the site changed; each live part of the page is then
    // fetched again through the console (htmx swaps it in), at once and once more a moment later, because the
    // service that lists the case may record the change a little after the event that announced it.
    function refresh(part) {
        var options = { target: part.dataset.liveTarget || part, swap: part.dataset.liveSwap || 'innerHTML' };
        if (part.dataset.liveSelect) { options.select = part.dataset.liveSelect; }
        htmx.ajax('GET', part.dataset.liveGet, options);
    }
    function listen(source) {
        var stream = new EventSource(source.dataset.liveSource);
        source.dataset.liveState = 'connecting';
        stream.onopen = function () { source.dataset.liveState = 'open'; };
        stream.addEventListener('case-changed', function () {
            source.querySelectorAll('[data-live-get]').forEach(function (part) {
                refresh(part);
                setTimeout(function () { refresh(part); }, 3000);
            });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-live-source]').forEach(listen);
        tickTimers();
        setInterval(tickTimers, 1000);
        drawCharts(document);
    });
    document.addEventListener('htmx:afterSwap', function (event) { drawCharts(event.target); });
})();
