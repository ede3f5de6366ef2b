// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Ui;
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>The sign-in form: one password-type field for the admin key, or only a button while admin auth is off.</summary>
internal static class ConsoleSignInPage
{
    public const string KeyField = "admin_key";

    public static ConsolePage Render(HttpContext context, bool keyRequired, TesseraError? error)
    {
        var page = new ConsolePage(context, null, PageTexts.ConsoleSignIn.In(Localization.RequestLanguage.Of(context.Request)));
        if (error is not null)
        {
            page.Error(error);
        }

        var form = new HtmlMarkup().Open("form", ("method", "post"), ("action", ConsoleSessionMiddleware.SignInPath));
        if (keyRequired)
        {
            page.Paragraph(page.T(PageTexts.ConsoleSignInHelp));
            form.Element("label", page.T(PageTexts.ConsoleAdminKey), ("for", KeyField))
                .Open("input", ("id", KeyField), ("name", KeyField), ("type", "password"), ("autocomplete", "off"), ("required", string.Empty), ("spellcheck", "false"))
                .Element("button", page.T(PageTexts.ConsoleSignInButton), ("type", "submit"));
        }
        else
        {
            page.Notice(page.T(PageTexts.ConsoleAuthOff), "message");
            form.Element("button", page.T(PageTexts.ConsoleOpen), ("type", "submit"));
        }

        return page.Add(form.Close("form"));
    }
}
