// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui;

/// <summary>
/// The one stylesheet of the built-in pages, inlined into each page (no second request, and it works under any
/// base URL path). Colours meet WCAG AA contrast on white; every focusable element shows a visible outline.
/// </summary>
internal static class UiStylesheet
{
    public const string Css =
        """
        *{box-sizing:border-box}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1b1f24;line-height:1.5}
        header.project{max-width:30rem;margin:2rem auto -2rem;padding:0 .5rem;font-weight:600;font-size:1.1rem;overflow-wrap:anywhere}
        main{max-width:30rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #d0d4da;border-radius:.5rem}
        main.wide{max-width:44rem}
        main.full{max-width:80rem;margin:1.5rem auto;overflow-x:auto}
        h1{font-size:1.5rem;margin:0 0 1rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        a{color:#0b4fa8}
        a:hover{color:#06346f}
        :focus-visible{outline:3px solid #b34700;outline-offset:2px}
        label{display:block;font-weight:600;margin:1rem 0 .25rem}
        label.checkbox{display:flex;gap:.5rem;align-items:center;font-weight:400}
        input:not([type=checkbox]):not([type=hidden]){display:block;width:100%;padding:.55rem .65rem;font:inherit;color:inherit;border:1px solid #6b7280;border-radius:.35rem;background:#fff}
        input[aria-invalid=true]{border-color:#b3261e}
        button{display:block;width:100%;margin-top:1.25rem;padding:.6rem 1rem;font:inherit;font-weight:600;color:#fff;background:#0b4fa8;border:0;border-radius:.35rem;cursor:pointer}
        button:hover{background:#06346f}
        button.secondary{color:#0b4fa8;background:#fff;border:1px solid #0b4fa8}
        form{margin:0 0 1rem}
        fieldset{border:0;padding:0;margin:0}
        .messages{list-style:none;padding:0;margin:.5rem 0}
        .message{padding:.5rem .75rem;border-radius:.35rem;margin:.25rem 0;border-left:4px solid #0b4fa8;background:#eef3fb}
        .message.error{border-color:#b3261e;background:#fdeceb;color:#7a1711}
        .message.success{border-color:#1e6b34;background:#e9f6ec;color:#14461f}
        .field .message{margin-top:.35rem;font-size:.95rem}
        .links{margin-top:1.5rem;padding-top:1rem;border-top:1px solid #d0d4da}
        .links p{margin:.25rem 0}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}
        dt{font-weight:600}
        dd{margin:0;overflow-wrap:anywhere}
        code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f1f2f4;padding:0 .2rem;border-radius:.2rem}
        pre{padding:.5rem;overflow-x:auto;white-space:pre-wrap}
        details{margin-top:1.5rem}
        summary{cursor:pointer;font-weight:600}
        img{max-width:100%;height:auto;display:block;margin:.5rem 0}
        nav.console{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;margin:0 0 1.5rem;padding-bottom:.75rem;border-bottom:1px solid #d0d4da}
        nav.console a{font-weight:600;text-decoration:none;padding:.2rem .1rem}
        nav.console a[aria-current=page]{border-bottom:3px solid #0b4fa8}
        nav.console form{margin:0 0 0 auto}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #d0d4da;vertical-align:top;overflow-wrap:anywhere}
        th{background:#f1f2f4;overflow-wrap:normal;word-break:normal}
        .window-switch a{text-decoration:none;padding:.2rem .1rem}
        .window-switch a[aria-current=page]{font-weight:600;border-bottom:3px solid #0b4fa8}
        td form,nav.console form,form.inline{display:inline-block;margin:0 .25rem .25rem 0}
        td button,nav.console button,form.inline button{display:inline-block;width:auto;margin:0;padding:.25rem .7rem;font-size:.9rem}
        form.search{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}
        form.search label{margin:0}
        form.search input:not([type=hidden]){width:16rem}
        form.search button{width:auto;margin:0}
        button.danger{background:#b3261e}
        button.danger:hover{background:#7a1711}
        """;
}
