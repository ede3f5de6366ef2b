// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.Errors;

/// <summary>
/// One entry of the error catalog: a stable id (Kratos's where Kratos has one), the HTTP status, a short
/// message for users, the reason template (what went wrong in this case; <c>{name}</c> placeholders are filled
/// from the occurrence's context), and for operators the cause and the resolution. <paramref name="Symptom"/> is
/// what a user or integrator sees, as the reference's first column (the message when absent). The id doubles as
/// the anchor of the error's documentation.
/// </summary>
internal sealed record ErrorDescriptor(
    string Id,
    int Status,
    string Message,
    string Reason,
    string Cause,
    string Resolution,
    string? Symptom = null)
{
    /// <summary>
    /// Derived from the status as seed 003 does (502-504 failure, 500-501 error, other 4xx client), except that 429 is a
    /// failure: "too many requests" asks the client to come back later, never to give up (docs/errors.md, Retry).
    /// </summary>
    public RetryCategory Retry => Status switch
    {
        StatusCodes.Status429TooManyRequests => RetryCategory.Failure,
        >= 502 and <= 504 => RetryCategory.Failure,
        >= 500 => RetryCategory.Error,
        _ => RetryCategory.Client,
    };

    /// <summary>The UI message ids (Kratos's 4xxxxxx) a flow shows for this error, when it is a flow error.</summary>
    public string? UiMessageIds { get; init; }

    /// <summary>
    /// The submitted fields a form-wide flow message of this error concerns (<c>identifier</c> and <c>password</c> for
    /// wrong credentials), for problem details' JSON pointers. A name matches a node or a group of nodes
    /// (<c>traits</c> matches <c>traits.email</c>). Messages on a node need none: they name their node.
    /// </summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>
    /// The codes of the source systems (seed 000's rows, seed 002's <c>oauth:*</c>, seed 003's <c>PROVIDER_*</c>, ...)
    /// whose meaning this entry carries in Tessera; docs/errors.md names them beside the id and in its seed-code table.
    /// </summary>
    public IReadOnlyList<SeedCode> SeedCodes { get; init; } = [];

    /// <summary>The fragment of the error reference (docs/errors.md and the served pages) that documents it.</summary>
    public string DocAnchor => Id;

    public string DocumentedSymptom => Symptom ?? Message;

    /// <summary>The context keys the reason template expects.</summary>
    public IReadOnlyList<string> ReasonKeys => TextTemplate.Keys(Reason);

    /// <summary>An occurrence whose reason is rendered from <paramref name="context"/>.</summary>
    public TesseraError With(IReadOnlyDictionary<string, object?> context) => new(this) { Context = context };
}
