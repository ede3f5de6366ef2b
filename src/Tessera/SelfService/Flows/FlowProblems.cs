// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Errors.Rendering;
using Tessera.Localization;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows;

/// <summary>
/// A flow answer that carries errors, for a client that asked for <c>application/problem+json</c>: problem details
/// whose title is the catalog error of the flow's first error message, whose <c>errors</c> list every error message
/// on the field it concerns (a JSON pointer into the submission) with its doc page, and whose <c>flow</c> is the flow
/// JSON to re-render. Kratos's clients never ask for it, so they keep getting the flow JSON unchanged.
/// </summary>
internal sealed class FlowProblems(ErrorDocumentationLinks links)
{
    /// <summary>The pointer of a message about the whole form that no field of the form matches.</summary>
    public const string FormPointer = "#";

    public static bool Wanted(HttpContext context) => ErrorFormatSelector.Select(context) == ErrorFormat.ProblemJson;

    public static bool HasErrors(Flow flow) => flow.Ui.Messages.Any(IsError) || flow.Ui.Nodes.Any(n => n.Messages.Any(IsError));

    /// <summary>
    /// The problem for <paramref name="flow"/> answered with <paramref name="status"/> (the catalog's status when the flow
    /// answer itself is a 200). <paramref name="error"/> is the occurrence when the caller knows it (an expired flow);
    /// otherwise the first error message decides it.
    /// </summary>
    public TesseraError For(HttpContext context, Flow flow, int status, TesseraError? error = null)
    {
        // The errors read as the flow's own answer does: in the language the flow was created in.
        var errors = Errors(context, flow with { Ui = FlowLanguage.Translate(flow.Ui, FlowLanguage.Of(flow)) });
        if (error is null)
        {
            var descriptor = errors.Count > 0 ? UiMessageErrors.For(errors[0].Id) : ErrorCatalog.ValidationFailed;
            var fields = errors.Select(e => e.Pointer).Where(p => p != FormPointer).Distinct().ToList();
            var templateContext = new Dictionary<string, object?> { ["fields"] = fields };

            // The catalog's reason when this occurrence fills it, otherwise the message itself says what went wrong.
            var filled = descriptor.ReasonKeys.All(k => k == "fields" && fields.Count > 0);
            error = new TesseraError(descriptor, filled || errors.Count == 0 ? null : errors[0].Text)
            {
                Context = fields.Count > 0 ? templateContext : null,
                Status = status >= StatusCodes.Status400BadRequest ? status : descriptor.Status,
            };
        }

        return error with { Flow = new FlowProblemExtensions(errors, FlowResponse.From(flow)) };
    }

    private List<FlowFieldError> Errors(HttpContext context, Flow flow)
    {
        var errors = new List<FlowFieldError>();
        foreach (var message in flow.Ui.Messages.Where(IsError))
        {
            var owner = UiMessageErrors.For(message.Id);
            var pointers = (owner.Fields ?? []).Where(f => flow.Ui.Nodes.Any(n => n.Name == f || n.Name?.StartsWith(f + ".", StringComparison.Ordinal) == true)).Select(Pointer).ToList();
            foreach (var pointer in pointers.Count > 0 ? pointers : [FormPointer])
            {
                errors.Add(Error(context, pointer, message, owner));
            }
        }

        foreach (var node in flow.Ui.Nodes.Where(n => n.Name is not null))
        {
            errors.AddRange(node.Messages.Where(IsError).Select(m => Error(context, Pointer(node.Name!), m, UiMessageErrors.For(m.Id))));
        }

        return errors;
    }

    private FlowFieldError Error(HttpContext context, string pointer, UiText message, ErrorDescriptor owner) =>
        new(pointer, message.Id, message.Text, message.Type, message.Context, owner.Id, links.For(context, message.Id));

    private static bool IsError(UiText message) => message.Type == "error";

    // A node's name is a dotted path into the submission (traits.email): as an RFC 6901 pointer in URI fragment form.
    private static string Pointer(string name) =>
        "#/" + string.Join('/', name.Split('.').Select(s => Uri.EscapeDataString(s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
}
