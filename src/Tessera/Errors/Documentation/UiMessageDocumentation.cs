// SPDX-License-Identifier: Apache-2.0
using System.Reflection;
using Tessera.Ui.Messages;

namespace Tessera.Errors.Documentation;

/// <summary>
/// What the page of a UI message id (<c>/ui/errors/4000006</c>) says: its Kratos identifier and text, what it means,
/// and, for an error, its cause and resolution. Errors take these from the catalog entry that names the id
/// (<see cref="UiMessageErrors"/>), unless <see cref="UiMessageNotes"/> has words for that message alone; information
/// needs no resolution. Generated from the catalogs, so a message another domain adds has its page at once.
/// </summary>
internal sealed record UiMessageDocumentation(UiMessage Message, string Name, string Meaning, string Cause, string Resolution, ErrorDescriptor? Error)
{
    private static readonly Lazy<IReadOnlyList<UiMessageDocumentation>> AllPages = new(() =>
        typeof(UiMessages).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(UiMessage))
            .Select(f => Describe(f.Name, (UiMessage)f.GetValue(null)!))
            .OrderBy(d => d.Message.Id)
            .ToList());

    public static IReadOnlyList<UiMessageDocumentation> All => AllPages.Value;

    public static UiMessageDocumentation? Find(int id) => All.FirstOrDefault(d => d.Message.Id == id);

    private static UiMessageDocumentation Describe(string name, UiMessage message)
    {
        var area = Area(message.Id);
        if (message.Type != UiMessageType.Error)
        {
            return new(message, name,
                $"Information {area}: the flow shows it as a {(message.Id / 1000 == 1070 ? "label of a form field" : "notice or a button text")}.",
                "The flow reached a step where this text helps the person continue (a label, a hint, a confirmation).",
                "Nothing to fix: it is not an error. UIs may translate it by its id.",
                null);
        }

        var error = UiMessageErrors.For(message.Id);
        var note = UiMessageNotes.For(message.Id);
        return new(message, name,
            $"An error {area}: {(message.Template.StartsWith('{') ? "its text is the reason given in the context" : "\"" + message.Template + "\"")}. It belongs to the catalog error `{error.Id}`.",
            note?.Cause ?? error.Cause,
            note?.Resolution ?? error.Resolution,
            error);
    }

    private static string Area(int id) => (id / 1000) switch
    {
        1010 or 4010 => "of the login flow",
        1020 => "of the logout flow",
        1030 => "of multi-factor sign-in",
        1040 or 4040 => "of the registration flow",
        1050 or 4050 => "of the settings flow",
        1060 or 4060 => "of the recovery flow",
        1070 => "labelling a form field",
        1080 or 4070 => "of the verification flow",
        4000 => "of a form field or of the submission (validation)",
        5000 => "of the system, shown on a flow",
        _ => "of a self-service flow",
    };
}
