namespace RollingTopWords;

/// <summary>The page: an ordered list and bars, redrawn on every <c>ranking</c> event.</summary>
internal static class RankingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Squall · rolling top words</title>
          <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }
            li { display: flex; gap: .5rem; align-items: center; margin: .2rem 0; }
            .word { width: 8rem; } .bar { background: #3b82f6; height: 1rem; } .count { color: #555; }
            #status { color: #888; font-size: .9rem; }
          </style>
        </head>
        <body>
          <h1>Trending words</h1>
          <p id="status">connecting…</p>
          <ol id="ranking"></ol>
          <script>
            const list = document.getElementById('ranking');
            const status = document.getElementById('status');
            const source = new EventSource('/events');
            source.addEventListener('ranking', e => {
              const ranking = JSON.parse(e.data);
              const max = Math.max(1, ...ranking.words.map(w => w.count));
              list.replaceChildren(...ranking.words.map(w => {
                const li = document.createElement('li');
                li.dataset.word = w.word;
                li.innerHTML = `<span class="word"></span><span class="bar" style="width:${20 * w.count / max}rem"></span><span class="count"></span>`;
                li.querySelector('.word').textContent = w.word;
                li.querySelector('.count').textContent = w.count;
                return li;
              }));
              status.textContent = ranking.windowEnd ? 'window ending ' + new Date(ranking.windowEnd).toLocaleTimeString() : 'waiting for the first window…';
            });
            source.onerror = () => status.textContent = 'disconnected; retrying…';
          </script>
        </body>
        </html>
        """;
}
