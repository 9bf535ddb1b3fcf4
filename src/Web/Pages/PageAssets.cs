namespace CaseIngest.Web.Pages;

/// <summary>The one stylesheet, served from /assets/site.css so the pages can forbid inline styles and scripts (CSP).</summary>
internal static class PageAssets
{
    public const string StylesheetPath = "/assets/site.css";

    public const string Stylesheet = """
        :root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --accent:#b3261e; --bg:#f5f7fa; }
        * { box-sizing: border-box; }
        body { margin:0; font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif; color:var(--ink); background:var(--bg); }
        header.top { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.5rem; background:#102a43; color:#fff; }
        header.top a { color:#fff; text-decoration:none; } header.top .brand { font-weight:bold; }
        header.top .spacer { flex:1; } header.top form { margin:0; }
        main { max-width:1200px; margin:1rem auto; padding:0 1.5rem; }
        section.card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:1rem 1.25rem; margin-bottom:1rem; }
        h1 { font-size:1.5rem; } h2 { font-size:1.15rem; margin-top:0; }
        table { border-collapse:collapse; width:100%; } th, td { border-bottom:1px solid var(--line); padding:.35rem .5rem; text-align:left; vertical-align:top; }
        .layout { display:grid; grid-template-columns:260px 1fr; gap:1rem; }
        .facet h3 { font-size:.95rem; margin:.75rem 0 .25rem; } .facet ul { list-style:none; padding:0; margin:0; }
        .facet li a { text-decoration:none; color:var(--ink); } .facet li a.active { font-weight:bold; color:var(--accent); }
        .hit { padding:.75rem 0; border-bottom:1px solid var(--line); } .hit h3 { margin:0 0 .25rem; font-size:1.05rem; }
        .meta { color:var(--muted); font-size:.9rem; } em { color:var(--accent); font-style:normal; font-weight:bold; }
        .badge { display:inline-block; padding:0 .45rem; border-radius:3px; font-size:.85rem; background:#e4e7eb; }
        .v-accepted { background:#c6f7e2; } .v-needs_review { background:#fff3c4; } .v-rejected { background:#ffd0d0; } .v-failed { background:#e0c3fc; }
        .sev-error { color:#b3261e; font-weight:bold; } .sev-warning { color:#a15c07; } .sev-info { color:var(--muted); }
        #form th { white-space:nowrap; width:8em; }
        #evaluation table { table-layout:fixed; } #evaluation thead th:first-child { width:55%; }
        .pages { display:flex; flex-wrap:wrap; gap:1rem; } .pages figure { margin:0; width:420px; } .pages svg { width:100%; border:1px solid var(--line); background:#fafafa; }
        .seal { fill:none; stroke:#d92d20; stroke-width:6; } .seal-label { fill:#d92d20; font-size:40px; } .seal-date { fill:#1d4ed8; font-size:40px; font-weight:bold; }
        .page-full { overflow:auto; max-height:85vh; border:1px solid var(--line); background:#fafafa; } .page-full svg { display:block; width:100%; }
        .page-full.zoom-150 svg { width:150%; } .page-full.zoom-200 svg { width:200%; } .page-full.zoom-300 svg { width:300%; } p.zoom b, p.zoom a { margin-right:.4rem; }
        .outline { list-style:none; padding-left:0; } .outline li.l2 { margin-left:1.5rem; } .outline li.l3 { margin-left:3rem; } .outline li.l4 { margin-left:4.5rem; }
        pre.report { white-space:pre-wrap; font-family:inherit; max-height:40rem; overflow:auto; }
        .pager { display:flex; flex-wrap:wrap; gap:.25rem .5rem; align-items:center; margin-top:1rem; }
        .pager .current { font-weight:bold; padding:0 .4rem; border:1px solid var(--ink); border-radius:3px; } .pager form.jump { margin-left:auto; }
        .pager form.jump input[type=number] { width:5.5rem; } .error { color:var(--accent); }
        .badge.waiting { background:#fff; border:1px solid #d98b0b; color:#8a4b00; }
        .facet details.more summary { cursor:pointer; color:#2f6fde; font-size:.9rem; margin:.2rem 0; } .facet #waiting a { font-weight:bold; }
        .facet #waiting a.active { color:var(--accent); } p.snippet { margin:.35rem 0; line-height:1.7; }
        form.inline { display:inline; } input, select, textarea, button { font:inherit; padding:.3rem .5rem; }
        .search-box { display:flex; gap:.5rem; margin-bottom:1rem; } .search-box input[type=search] { flex:1; }
        .login { max-width:360px; margin:4rem auto; } .login label { display:block; margin:.75rem 0 .25rem; } .login input { width:100%; }
        #coverage tr.missing th { color:var(--accent); } #coverage th { width:16rem; } #coverage td:nth-child(2) { white-space:nowrap; } #coverage ol { margin:0; padding-left:1.2rem; } #coverage .signals { color:var(--muted); font-size:.85em; }
        #sheet .point { border-top:1px solid #e4e7eb; padding:.5rem 0; } #sheet .point h3 { margin:.25rem 0; font-size:1rem; } #sheet .point.missing h3 .meta { color:var(--accent); }
        #sheet .point ol { margin:.25rem 0; padding-left:1.2rem; } #sheet .signals { color:var(--muted); font-size:.85em; } #sheet .grade { display:flex; gap:1rem; align-items:flex-start; } #sheet .grade textarea { width:36rem; max-width:100%; }
        #evaluation tr.disputed th, #ranking td.disputed, #progress td.disputed { color:var(--accent); } #ranking form, #evaluation form { display:inline; }
        .report-view p, .report-view h2, .report-view h3, .report-view h4 { scroll-margin-top:4rem; } .report-view :target { background:#fff3c4; outline:2px solid #f0b429; } .report-view a.pn { color:var(--muted); font-size:.8em; margin-right:.5rem; text-decoration:none; }
        """;
}
