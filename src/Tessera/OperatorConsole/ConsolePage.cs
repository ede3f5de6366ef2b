// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Localization;
using Tessera.Ui;
using Tessera.Ui.Messages;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// The console's layout: the built-in pages' <see cref="HtmlPage"/> (one stylesheet, the same CSP, never cached or
/// framed) with the navigation bar, the auth-off notice, and forms that carry the session's CSRF token. Every
/// console page is one of these; a page adds its content with <see cref="Add"/>.
/// </summary>
internal sealed class ConsolePage
{
    private readonly HttpContext _context;
    private readonly HtmlPage _page;

    /// <param name="section">The page's place in the navigation; null for the sign-in page, which shows none.</param>
    public ConsolePage(HttpContext context, ConsoleSection? section, string? title = null)
    {
        _context = context;
        Language = RequestLanguage.Of(context.Request);
        title ??= T(section?.Name ?? PageTexts.Console);
        _page = new HtmlPage(title, Language).Full();
        if (section is not null)
        {
            _page.Add(Navigation(section));
        }

        if (ConsoleRequest.SessionOf(context) is { ApiKeyId: null })
        {
            Notice(T(PageTexts.ConsoleAuthOff), "message");
        }

        _page.Heading(title);
    }

    /// <summary>The language the page is shown in (null: English).</summary>
    public string? Language { get; }

    /// <summary>A page text in this page's language, its <c>{placeholders}</c> filled from <paramref name="values"/>.</summary>
    public string T(PageText text, params (string Name, object? Value)[] values) =>
        values.Length == 0 ? text.In(Language) : TextTemplate.Render(text.In(Language), values.ToDictionary(v => v.Name, v => v.Value));

    public ConsolePage Heading(string text)
    {
        _page.Add(new HtmlMarkup().Element("h2", text));
        return this;
    }

    public ConsolePage Paragraph(string text)
    {
        _page.Paragraph(text);
        return this;
    }

    public ConsolePage Add(HtmlMarkup markup)
    {
        _page.Add(markup);
        return this;
    }

    /// <summary>A confirmation (<c>success</c>) or a neutral notice.</summary>
    public ConsolePage Notice(string text, string cssClass = "message success")
    {
        _page.Add(new HtmlMarkup().Open("ul", ("class", "messages")).Element("li", text, ("class", cssClass), ("role", "status")).Close("ul"));
        return this;
    }

    /// <summary>
    /// A catalog error, as the other channels show one: id, message in the page's language, reason, and the link to
    /// its reference page. Counted like every emitted error.
    /// </summary>
    public ConsolePage Error(TesseraError error)
    {
        var services = _context.RequestServices;
        services.GetRequiredService<ErrorMetrics>().Record(error.Descriptor);
        var docs = services.GetRequiredService<ErrorDocumentationLinks>().For(_context, error.Descriptor);
        _page.Add(new HtmlMarkup()
            .Open("ul", ("class", "messages"))
            .Open("li", ("class", "message error"), ("role", "alert"), ("data-error-id", error.Descriptor.Id))
            .Element("strong", ErrorMessages.In(error.Descriptor.Id, error.Descriptor.Message, Language)).Text(" ")
            .Text(error.EffectiveReason).Text(" ")
            .Open("a", ("href", docs)).Text(error.Descriptor.Id).Close("a")
            .Close("li").Close("ul"));
        return this;
    }

    /// <summary>The console's failure (and not-found) page: only <paramref name="error"/>, answered with its status.</summary>
    public static IResult Failed(HttpContext context, ConsoleSection section, TesseraError error) =>
        new ConsolePage(context, section, PageTexts.ConsoleFailed.In(RequestLanguage.Of(context.Request))).Error(error).ToResult(error.Status);

    /// <summary>The reference page of a catalog error id (on the public listener), or null for an id not in the catalog.</summary>
    public string? DocumentationUrl(string errorId) =>
        ErrorCatalog.Find(errorId) is { } entry ? _context.RequestServices.GetRequiredService<ErrorDocumentationLinks>().For(_context, entry) : null;

    /// <summary><paramref name="path"/> keeping the page's project (<see cref="ConsoleProjectScope"/>), if it has one.</summary>
    public string Link(string path) => ConsoleProjectScope.Find(_context)?.Link(path) ?? path;

    /// <summary>For a GET form (whose action's query the browser drops): the page's project as a hidden field, if it has one.</summary>
    public HtmlMarkup ProjectField() =>
        ConsoleProjectScope.Find(_context)?.Parameter is { } project
            ? new HtmlMarkup().Open("input", ("type", "hidden"), ("name", ConsoleProjectFilter.QueryParameter), ("value", project))
            : new HtmlMarkup();

    /// <summary>A POST form of one button, with the CSRF token and <paramref name="fields"/> as hidden inputs; it keeps the page's project.</summary>
    public HtmlMarkup Form(string action, string button, string? buttonClass = null, params (string Name, string Value)[] fields)
    {
        var form = new HtmlMarkup().Open("form", ("method", "post"), ("action", Link(action)), ("class", "inline"));
        form.Open("input", ("type", "hidden"), ("name", ConsoleSessionMiddleware.CsrfFieldName), ("value", ConsoleRequest.SessionOf(_context)?.CsrfToken ?? string.Empty));
        foreach (var (name, value) in fields)
        {
            form.Open("input", ("type", "hidden"), ("name", name), ("value", value));
        }

        return form.Element("button", button, ("type", "submit"), ("class", buttonClass)).Close("form");
    }

    public static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    public IResult ToResult(int status = StatusCodes.Status200OK) => _page.ToResult(status);

    private HtmlMarkup Navigation(ConsoleSection current)
    {
        var nav = new HtmlMarkup().Open("nav", ("class", "console"), ("aria-label", T(PageTexts.Console)));
        foreach (var section in ConsoleSection.Navigation)
        {
            nav.Open("a", ("href", Link(section.Path)), ("aria-current", section == current ? "page" : null)).Text(T(section.Name)).Close("a");
        }

        if (ConsoleRequest.SessionOf(_context) is not null)
        {
            nav.Append(Form("/console/sign-out", T(PageTexts.ConsoleSignOut), "secondary"));
        }

        return nav.Close("nav");
    }
}
