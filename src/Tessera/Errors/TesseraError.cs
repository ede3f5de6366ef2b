// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.Errors;

/// <summary>
/// An expected failure as a value: a catalog entry plus what is specific to this occurrence. The reason is
/// <see cref="Reason"/> when given, otherwise the catalog's template rendered from <see cref="Context"/>.
/// The optional members are the top-level fields Kratos writes beside <c>error</c> (<c>use_flow_id</c>,
/// <c>expired_at</c>, <c>since</c>, <c>redirect_browser_to</c>); the writer emits each one that is set.
/// </summary>
internal sealed record TesseraError(ErrorDescriptor Descriptor, string? Reason = null, IReadOnlyDictionary<string, object?>? Details = null)
{
    public static implicit operator TesseraError(ErrorDescriptor descriptor) => new(descriptor);

    /// <summary>The HTTP status: the catalog's, unless this occurrence is answered with another (a flow's 400 or 409).</summary>
    public int Status { get; init; } = Descriptor.Status;

    /// <summary>Values for the reason template's placeholders; also shown as problem+json <c>context</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Context { get; init; }

    /// <summary>The flow that replaces the one this error is about (expired or replaced flows).</summary>
    public Guid? UseFlowId { get; init; }

    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>How long ago the flow expired (Kratos writes a Go duration: nanoseconds).</summary>
    public TimeSpan? Since { get; init; }

    /// <summary>Where a browser must go to resolve the error (step-up login, re-authentication, a provider).</summary>
    public string? RedirectBrowserTo { get; init; }

    /// <summary>Seconds a client should wait before retrying (429, 503): sent as <c>Retry-After</c>.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Internal detail (exception type and message). Written as <c>debug</c> only with <c>dev: true</c>.</summary>
    public string? Debug { get; init; }

    /// <summary>
    /// Problem details of a flow answer: the messages it carries, one per field, and the flow itself for re-rendering.
    /// Only the problem+json form writes them; the other forms of a flow error are the flow JSON.
    /// </summary>
    public FlowProblemExtensions? Flow { get; init; }

    /// <summary>
    /// What the client should do: the catalog's category, except that an answer telling the client when to come back
    /// (<c>Retry-After</c>) is never <c>client</c> ("do not retry"), whatever its status.
    /// </summary>
    public RetryCategory Retry => RetryAfterSeconds is not null && Descriptor.Retry == RetryCategory.Client ? RetryCategory.Failure : Descriptor.Retry;

    public string EffectiveReason => Reason ?? TextTemplate.Render(Descriptor.Reason, Context ?? Details);
}
