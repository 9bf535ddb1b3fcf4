namespace CaseIngest.Web.Pages;

/// <summary>The review queue and the case page's review controls, appended to the one stylesheet. Reviewers sit at these
/// pages all day and go through them by keyboard: the focus is always plainly visible, the choices are large targets
/// that show their state without reading the radio dot, and colour is never the only sign (every state has its word).</summary>
internal static class ReviewStyles
{
    public const string Stylesheet = """

        /* Review: states (badge words from ReviewLabels; colours only second) */
        .s-accepted { background:#d5f5e3; } .s-needs_review { background:#fff3c4; } .s-rejected { background:#ffd8d6; } .s-failed { background:#eadcfb; }
        .s-compliant { background:#1e7b46; color:#fff; } .s-non_compliant { background:#b3261e; color:#fff; } .s-returned { background:#c05a00; color:#fff; }
        .badge.s-compliant, .badge.s-non_compliant, .badge.s-returned { font-weight:bold; }

        /* A focus ring that reads on every background: the keyboard path is the main path. */
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, label:focus-within {
          outline:3px solid #2f6fde; outline-offset:2px; border-radius:4px; }
        input[type=radio]:focus-visible { outline:none; }

        /* The case page's review section */
        section.review { border-top:4px solid #102a43; }
        section.review h2 { display:flex; align-items:center; gap:.6rem; font-size:1.25rem; }
        section.review h2 .badge { font-size:1rem; padding:.1rem .6rem; }
        #decision { margin:.25rem 0 .75rem; padding:.5rem .75rem; background:var(--bg); border-radius:4px; line-height:1.6; }
        fieldset.plain { border:0; padding:0; margin:0; min-width:0; }
        fieldset.plain[disabled] { opacity:.75; }
        ol.review-findings { list-style:none; counter-reset:finding; padding:0; margin:0 0 1rem; }
        ol.review-findings > li { counter-increment:finding; display:grid; grid-template-columns:minmax(0,1fr) minmax(22rem,auto); gap:.5rem 1.25rem;
          align-items:start; padding:.7rem .9rem .7rem 2.6rem; margin-bottom:.5rem; position:relative; line-height:1.6;
          border:1px solid var(--line); border-left:5px solid #9aa5b1; border-radius:4px; background:#fff; font-weight:normal; color:var(--ink); }
        ol.review-findings > li::before { content:counter(finding); position:absolute; left:.8rem; top:.7rem; font-weight:bold; color:var(--muted); }
        ol.review-findings > li.sev-error { border-left-color:#b3261e; }
        ol.review-findings > li.sev-warning { border-left-color:#d98b0b; }
        ol.review-findings > li:has(input[value=dismissed]:checked) { background:#f3f5f7; }
        ol.review-findings > li:has(input[value=dismissed]:checked) > div:first-child b { text-decoration:line-through; color:var(--muted); }
        ol.review-findings .evidence { display:block; margin-top:.25rem; padding:.3rem .5rem; background:#fffbea; border-left:3px solid #f0b429;
          font-size:.92rem; word-break:break-all; }
        .review .controls { display:flex; flex-wrap:wrap; gap:.4rem; align-items:center; }
        .review .controls input[name$=".reason"] { flex:1 1 100%; min-width:12rem; }
        .review .decided { flex-basis:100%; font-size:.85rem; }

        /* Radio choices as large toggle buttons; the radio stays (keyboard arrows, screen readers). */
        .review .controls label, .review .outcome label { display:inline-flex; align-items:center; gap:.3rem; padding:.3rem .75rem;
          border:1px solid #bcccdc; border-radius:4px; background:#fff; cursor:pointer; white-space:nowrap; user-select:none; }
        .review label:has(input:checked) { border-color:#102a43; background:#102a43; color:#fff; }
        .review label:has(input[value=dismissed]:checked), .review label:has(input[value=non_compliant]:checked) { background:#b3261e; border-color:#b3261e; }
        .review label:has(input[value=compliant]:checked), .review label:has(input[value=upheld]:checked) { background:#1e7b46; border-color:#1e7b46; }
        .review label:has(input[value=returned]:checked) { background:#c05a00; border-color:#c05a00; }
        .review label:has(input:disabled) { color:#9aa5b1; background:#f5f7fa; cursor:not-allowed; }
        .review .outcome { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; padding:.75rem .9rem; background:#f0f4f8; border-radius:4px; }
        .review .outcome #reason { flex:1 1 18rem; }
        .review input[type=text], .review input:not([type]) { border:1px solid #bcccdc; border-radius:4px; }
        .review p.actions { display:flex; gap:.75rem; align-items:center; margin:.75rem 0; }
        #save-next, button.primary { padding:.5rem 1.4rem; font-size:1.05rem; font-weight:bold; color:#fff; background:#2f6fde; border:1px solid #1f4fae; border-radius:4px; cursor:pointer; }
        #save-next:hover, button.primary:hover { background:#1f4fae; }
        #save, #reopen, #accept-machine button, #queue-filters button { padding:.4rem 1rem; border:1px solid #9aa5b1; border-radius:4px; background:#fff; cursor:pointer; }
        #reopen-form { display:flex; flex-wrap:wrap; gap:.5rem; align-items:center; margin:.5rem 0; padding-top:.75rem; border-top:1px dashed var(--line); }
        #reopen-form input[name=reason] { flex:0 1 22rem; }
        #notice { margin-left:auto; }
        .review details { margin-top:.75rem; } .review details > summary { cursor:pointer; font-weight:bold; padding:.25rem 0; }
        ol.versions { padding-left:1.2rem; margin:.25rem 0; } ol.versions > li { margin:.35rem 0; }
        ul.changes { list-style:none; padding-left:.5rem; margin:.2rem 0; font-size:.92rem; }
        ul.changes.gone li { color:#1e7b46; } ul.changes.added li { color:#a15c07; }
        #audit table { font-size:.88rem; } #audit td { word-break:break-all; }
        #conflict h1, #review-error { color:var(--accent); }

        /* The queue */
        #counts, #queue-filters { margin-bottom:.75rem; }
        ul.inline { list-style:none; display:flex; flex-wrap:wrap; gap:.5rem; padding:0; margin:0; }
        #counts li a { display:block; padding:.35rem .8rem; border:1px solid var(--line); border-radius:4px; text-decoration:none; color:var(--ink); background:#fff; }
        #counts li a b { margin-left:.3rem; font-size:1.1rem; }
        #counts li a:hover { border-color:#2f6fde; }
        #queue-filters { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; }
        #queue-filters input { width:10rem; border:1px solid #bcccdc; border-radius:4px; }
        #queue thead th { position:sticky; top:0; background:#f0f4f8; font-weight:bold; }
        #queue tbody tr:nth-child(even) { background:#fafbfc; }
        #queue tbody tr:hover, #queue tbody tr:focus-within { background:#eaf2ff; }
        #queue td:first-child a { font-weight:bold; font-family:monospace; font-size:1rem; }
        #start { display:inline-block; padding:.5rem 1.4rem; font-weight:bold; color:#fff; background:#2f6fde; border-radius:4px; text-decoration:none; }
        #accept-machine { margin:.75rem 0; }
        p.card[role=status] { border-left:5px solid #1e7b46; background:#effcf5; }
        kbd { font-family:monospace; font-size:.8em; padding:0 .3rem; border:1px solid #9aa5b1; border-bottom-width:2px; border-radius:3px; background:#fff; color:var(--ink); }
        """;
}
