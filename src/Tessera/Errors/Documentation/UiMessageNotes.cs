// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Documentation;

/// <summary>
/// Cause and resolution for the error messages whose catalog entry speaks of something broader (the "no strategy"
/// messages are <c>validation_failed</c>, whose cause is about fields). Every other error message's page uses its
/// catalog entry's words.
/// </summary>
internal static class UiMessageNotes
{
    private const string NoStrategyCause = "The submission names no method (`method`) that is enabled on this flow, or its fields belong to none: a form built by hand, an old UI, or a method switched off in `selfservice.methods`.";
    private const string NoStrategyResolution = "Submit one of the methods the flow's `ui.nodes` offer, with its fields (`method=password` with `identifier` and `password`); operators: enable the method.";

    private static readonly Dictionary<int, (string Cause, string Resolution)> Notes = new()
    {
        [4010002] = (NoStrategyCause, NoStrategyResolution),
        [4010003] = (NoStrategyCause, NoStrategyResolution),
        [4010004] = (NoStrategyCause, NoStrategyResolution),
        [4010005] = (NoStrategyCause, NoStrategyResolution),
        [4010006] = (NoStrategyCause, NoStrategyResolution),
        [4050002] = ("A settings submission changed more than one address (e-mail or phone) at once.", "Change one address, save, then change the next."),
        [4060002] = ("The recovery flow went into a failure state (for example its code or link was refused too often) and cannot continue.", "Start a new recovery flow."),
        [4070003] = ("The verification flow went into a failure state and cannot continue.", "Start a new verification flow."),
        [5000002] = ("No self-service method that could sign the person in is enabled (`selfservice.methods.*.enabled`).", "Operators: enable at least one method, such as password or code."),
        [5000003] = ("An organization requires single sign-on but no provider is configured for it.", "Operators: configure the organization's SSO provider."),
    };

    public static (string Cause, string Resolution)? For(int id) => Notes.TryGetValue(id, out var note) ? note : null;
}
